import type { DashboardDto } from '@contract';
import { call } from '../../lib/ipc';
import type { DateRange } from './date-range';

/** How long an answer asked for ahead stays good to use (it was asked for by a press on the page's link). */
const FRESH_MS = 2_000;

interface Ahead {
  range: DateRange;
  at: number;
  answer: Promise<DashboardDto>;
  /** The answer once it has arrived (not on a failure: the page then asks and reports it itself). */
  settled?: DashboardDto;
}

let ahead: Ahead | null = null;

const ask = (range: DateRange): Promise<DashboardDto> => call('usage:dashboard', { from: range.from, to: range.to });

const sameRange = (a: DateRange, b: DateRange): boolean => a.from === b.from && a.to === b.to;

const fresh = (started: { at: number }): boolean => performance.now() - started.at <= FRESH_MS;

/** The answer asked for ahead for exactly `range`, while it is fresh. */
const aheadFor = (range: DateRange): Ahead | null =>
  ahead && sameRange(ahead.range, range) && fresh(ahead) ? ahead : null;

/**
 * Asks main for the Usage page's data now: pressing the page's link does (and clicking it, for keyboards), so
 * the answer is on its way while the page renders and its code loads. One request for a press and the click
 * that follows it. The page takes the answer once; a failure is reported there.
 */
export function askDashboardAhead(range: DateRange): void {
  if (aheadFor(range)) return;
  const entry: Ahead = { range, at: performance.now(), answer: ask(range) };
  entry.answer.then(
    (answer) => (entry.settled = answer),
    () => undefined,
  );
  ahead = entry;
}

/** The data for `range`: the answer asked for ahead for exactly this range (once, while fresh), or a new one. */
export function dashboardFor(range: DateRange): Promise<DashboardDto> {
  const started = aheadFor(range);
  ahead = null;
  return started ? started.answer : ask(range);
}

/**
 * The answer asked for ahead for `range` if it has already arrived (and is fresh), without taking it: the
 * page's first render draws it at once instead of drawing placeholders first. `forgetAheadDashboard` then
 * drops it, so a later load (Refresh) asks main again.
 */
export function arrivedDashboardFor(range: DateRange): DashboardDto | null {
  return aheadFor(range)?.settled ?? null;
}

export function forgetAheadDashboard(): void {
  ahead = null;
}

/**
 * While the answer asked for ahead for `range` is on its way: a promise that resolves when it arrives (or
 * fails) or after `maxWaitMs`, whichever is first. Null when there is nothing to wait for.
 */
export function aheadDashboardArrival(range: DateRange, maxWaitMs: number): Promise<void> | null {
  const pending = aheadFor(range);
  if (!pending || pending.settled) return null;
  return Promise.race([
    pending.answer.then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((resolve) => setTimeout(resolve, maxWaitMs)),
  ]);
}
