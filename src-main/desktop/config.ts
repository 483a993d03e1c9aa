import { join } from 'node:path';
import type { MigrationsLookup } from '../paths';
import { defaultDataDir } from '../paths';

/** Windows' Application User Model ID: electron-builder's appId, so notifications and the taskbar match the shortcut. */
export const APP_USER_MODEL_ID = 'app.aditus.desk';

/** What the Electron host knows about the process it runs in (`app.isPackaged`, `process.resourcesPath`, …). */
export interface DesktopProcess {
  isPackaged: boolean;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Electron's process.resourcesPath. */
  resourcesPath: string | undefined;
  /** The main bundle's folder (out/main, inside app.asar when packaged). */
  mainDir: string;
}

export interface DesktopConfig {
  /** Electron's userData (Chromium profile, single-instance lock): the folder the CLI uses by default. */
  userDataDir: string;
  /** The database and everything else of the app's: ADITUS_DATA_DIR, else userData. */
  dataDir: string;
  /** The dev server (ELECTRON_RENDERER_URL) in development; never in a packaged app. */
  devServerUrl: string | undefined;
  /** The built renderer the `app:` scheme serves (out/renderer). */
  rendererDir: string;
  preloadPath: string;
  migrations: MigrationsLookup;
}

function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The desktop app's folders and sources. In a packaged app the environment cannot point the trusted window
 * elsewhere (ELECTRON_RENDERER_URL) nor feed it other migrations (ADITUS_MIGRATIONS_DIR); the data folder
 * override (ADITUS_DATA_DIR, `--data-dir`'s variable) is honoured everywhere, as in the CLI.
 */
export function desktopConfig(proc: DesktopProcess): DesktopConfig {
  const { ADITUS_DATA_DIR: dataDirOverride, ...envWithoutOverride } = proc.env;
  const userDataDir = defaultDataDir(envWithoutOverride, proc.platform);
  return {
    userDataDir,
    dataDir: dataDirOverride || userDataDir,
    devServerUrl: proc.isPackaged ? undefined : httpUrl(proc.env['ELECTRON_RENDERER_URL']),
    rendererDir: join(proc.mainDir, '..', 'renderer'),
    preloadPath: join(proc.mainDir, '..', 'preload', 'index.js'),
    migrations: proc.isPackaged
      ? { resourcesPath: proc.resourcesPath, from: proc.mainDir }
      : { override: proc.env['ADITUS_MIGRATIONS_DIR'], from: proc.mainDir },
  };
}
