import { spawnSync } from 'node:child_process';

/**
 * `npm run package [-- electron-builder options]`: builds, packages, then restores the Node builds of the
 * native modules. electron-builder (npmRebuild) rebuilds better-sqlite3 and keytar for Electron inside this
 * checkout's node_modules, which would leave the CLI, the web host and the tests unable to load them.
 * Exits with the first failure's status.
 */
function run(command: string, args: string[]): number {
  // npm's .bin shims are .cmd files on Windows, which only a shell runs.
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) process.stderr.write(`${command}: ${result.error.message}\n`);
  return result.status ?? 1;
}

let status = run('electron-vite', ['build']);
if (status === 0) {
  status = run('electron-builder', process.argv.slice(2));
  const restored = run('npm', ['run', 'rebuild:node']);
  if (status === 0) status = restored;
}
process.exit(status);
