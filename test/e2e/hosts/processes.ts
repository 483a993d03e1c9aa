import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** The first line a child prints on stdout (rejects if it exits first). */
export function firstLine(child: ChildProcess, what: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code}`)));
  });
}

/** Ends a detached child and everything in its process group. */
export function stopGroup(child: ChildProcess): void {
  if (child.exitCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}
