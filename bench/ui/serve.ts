import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../paths';
import { serveFirstLine } from '../serve-url';

export interface ServedUi {
  url: string;
  close(): Promise<void>;
}

/**
 * `node bin/aditus.cjs --data-dir DIR serve --port 0`, as the UI tests run it: inside a private D-Bus
 * session with an unlocked keyring when none is inherited (the CLI core opens the OS keychain).
 */
export function serveUi(dataDir: string): Promise<ServedUi> {
  const serve = [join(REPO_ROOT, 'bin/aditus.cjs'), '--data-dir', dataDir, 'serve', '--port', '0'];
  const wrap = !process.env['DBUS_SESSION_BUS_ADDRESS'] && existsSync('/usr/bin/dbus-run-session');
  const [command, args] = wrap
    ? ['sh', [join(REPO_ROOT, 'scripts/with-keyring.sh'), process.execPath, ...serve]]
    : [process.execPath, serve];
  const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  return serveFirstLine(child, () => void stop(child)).then((line) => ({ url: line.trim(), close: () => stop(child) }));
}

/** The server and (when wrapped) its D-Bus daemon share a process group: end the group we started. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
  return exited;
}
