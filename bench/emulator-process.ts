import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from './paths';

export interface EmulatorProcess {
  /** e.g. http://127.0.0.1:41234 (OpenAI SDKs need `${url}/v1`). */
  url: string;
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;

/**
 * The wire-protocol emulator (test/emulator) in its own process on loopback, so its work runs on the
 * other core and is not charged to whatever the bench measures in this process.
 */
export function startEmulatorProcess(): Promise<EmulatorProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/emulator/cli.ts', '--port', '0', '--open', '--max-recorded', '1'],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('the emulator did not start in time')), START_TIMEOUT_MS);
    const fail = (err: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(err);
    };
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`the emulator exited early (code ${String(code)})`)));
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /listening on (http:\/\/\S+)/u.exec(line);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ url: match[1], close: () => stop(child) });
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
