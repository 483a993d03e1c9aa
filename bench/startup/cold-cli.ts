import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../paths';
import { median, round } from '../summary';
import { endedChildrenCpuMs } from './child-cpu';

const CLI = join(REPO_ROOT, 'bin/aditus.cjs');

/** One kind of fresh process the bench starts again and again. */
export interface ColdCommand {
  name: string;
  args: string[];
}

export interface ColdTiming {
  /** Median wall time from spawn to exit, ms. */
  medianMs: number;
  runsMs: number[];
  /** CPU time (user + system) per run, ms, averaged over the runs; null off Linux. */
  cpuMs: number | null;
}

/** `node bin/aditus.cjs --data-dir DIR …` as a user types it (the built CLI). */
export const cliCommand = (name: string, dataDir: string, args: string[]): ColdCommand => ({
  name,
  args: [CLI, '--data-dir', dataDir, ...args],
});

export const bareNode: ColdCommand = { name: 'node -e 0', args: ['-e', '0'] };

function runOnce(command: ColdCommand): { ms: number; cpuMs: number | null } {
  const cpuBefore = endedChildrenCpuMs();
  const started = performance.now();
  const result = spawnSync(process.execPath, command.args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  const cpuAfter = endedChildrenCpuMs();
  if (result.status !== 0)
    throw new Error(`${command.name} exited with ${String(result.status)}: ${result.stderr.trim().slice(0, 500)}`);
  return { ms, cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

/**
 * Runs every command `runs` times, interleaved (a burst of load on the machine then hits all of them alike),
 * after one warm-up run each (the files in the page cache, as on a machine in use).
 */
export function timeColdStarts(commands: readonly ColdCommand[], runs: number): Map<string, ColdTiming> {
  for (const command of commands) runOnce(command);
  const samples = new Map(commands.map((c) => [c.name, { ms: [] as number[], cpu: [] as (number | null)[] }]));
  for (let i = 0; i < runs; i++)
    for (const command of commands) {
      const { ms, cpuMs } = runOnce(command);
      const s = samples.get(command.name)!;
      s.ms.push(ms);
      s.cpu.push(cpuMs);
    }
  const out = new Map<string, ColdTiming>();
  for (const [name, s] of samples) {
    const cpu = s.cpu.every((c) => c !== null) ? s.cpu.reduce<number>((a, b) => a + (b ?? 0), 0) / runs : null;
    out.set(name, {
      medianMs: round(median(s.ms)),
      runsMs: s.ms.map((ms) => round(ms)),
      cpuMs: cpu === null ? null : round(cpu),
    });
  }
  return out;
}
