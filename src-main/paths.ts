import { homedir } from 'node:os';
import { join } from 'node:path';

/** The folder Electron's app.getPath('userData') uses for product name "Aditus", so every host shares it. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env['ADITUS_DATA_DIR']) return env['ADITUS_DATA_DIR'];
  const home = homedir();
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'Aditus');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Aditus');
  return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), 'Aditus');
}
