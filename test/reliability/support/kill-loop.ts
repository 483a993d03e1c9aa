import { startFixture, type FixtureProcess } from './fixture-process';
import { sleep } from './prng';

export interface KillLoopOptions {
  script: string;
  args: string[];
  rounds: number;
  random: () => number;
  /** Committed lines to wait for before the kill can come. */
  minLines: number;
  /** The kill lands this long (uniformly random, ms) after those lines. */
  maxDelayMs: number;
  /** After each kill: what the process printed after "ready". */
  afterKill: (printed: string[], round: number) => void;
}

/** Processes started ahead of their round: starting Node and tsx takes longer than a round. */
const AHEAD = 2;

/**
 * Starts a fixture, lets it work, SIGKILLs it at a random moment, checks, and again. The next processes
 * are started (Node, tsx, imports) while the current one works, and only told to go when their turn comes.
 */
export async function killLoop(o: KillLoopOptions): Promise<void> {
  const start = (): FixtureProcess => startFixture(o.script, o.args);
  const waiting = Array.from({ length: Math.min(AHEAD, o.rounds) }, start);
  try {
    for (let round = 0; round < o.rounds; round++) {
      const current = waiting.shift() ?? start();
      try {
        await current.waitForLines(1); // "loaded"
        current.go();
        if (round + waiting.length + 1 < o.rounds) waiting.push(start());
        await current.waitForLines(2 + o.minLines); // "ready" and some committed work
        await sleep(o.random() * o.maxDelayMs);
        await current.kill9();
      } finally {
        await current.stop();
      }
      o.afterKill(current.lines.slice(2), round);
    }
  } finally {
    await Promise.all(waiting.map((p) => p.stop()));
  }
}
