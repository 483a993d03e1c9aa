import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

export interface FixtureProcess {
  /** Complete stdout lines so far (a line cut by a kill is not one). */
  readonly lines: string[];
  /** Tells a fixture waiting after "loaded" to start. */
  go(): void;
  /** Resolves once at least `count` lines arrived; rejects if the process exits first or time runs out. */
  waitForLines(count: number, timeoutMs?: number): Promise<void>;
  /** SIGKILL, then wait until the process is gone. */
  kill9(): Promise<void>;
  /** Ends the process (SIGKILL) if it still runs; for cleanup. */
  stop(): Promise<void>;
  readonly stderr: () => string;
}

/**
 * Runs a TypeScript script from test/fixtures/reliability as a child process, through tsx's CommonJS hook
 * (the package is CommonJS; it starts ~3× faster than `--import tsx`, and every round starts one).
 */
export function startFixture(script: string, args: string[]): FixtureProcess {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--require', 'tsx/cjs', join(ROOT, 'test/fixtures/reliability', script), ...args],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  let partial = '';
  let errText = '';
  const waiters = new Set<() => void>();
  child.stdout!.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString('utf8')).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    for (const wake of waiters) wake();
  });
  child.stderr!.on('data', (chunk: Buffer) => (errText += chunk.toString('utf8')));
  child.stdin!.on('error', () => undefined); // a process killed before its "go" must not crash the test
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = (): boolean => child.exitCode === null && child.signalCode === null;

  return {
    lines,
    stderr: () => errText,
    go() {
      child.stdin!.write('go\n');
    },
    waitForLines(count, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => done(new Error(`no ${count} lines from ${script} in ${timeoutMs} ms`)),
          timeoutMs,
        );
        const check = (): void => {
          if (lines.length >= count) done();
        };
        const onExit = (): void => done(new Error(`${script} exited early: ${errText.slice(0, 500)}`));
        function done(err?: Error): void {
          clearTimeout(timer);
          waiters.delete(check);
          child.off('exit', onExit);
          if (err) reject(err);
          else resolve();
        }
        waiters.add(check);
        child.once('exit', onExit);
        check();
      });
    },
    async kill9() {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
  };
}
