import type { DashboardDto } from '@contract';
import { call } from '../../lib/ipc';
import type { DateRange } from './date-range';

/** How long an answer asked for ahead stays good to use (it was asked for by a press on the page's link). */
const FRESH_MS = 2_000;

let ahead: { range: DateRange; at: number; answer: Promise<DashboardDto> } | null = null;

const ask = (range: DateRange): Promise<DashboardDto> => call('usage:dashboard', { from: range.from, to: range.to });

const sameRange = (a: DateRange, b: DateRange): boolean => a.from === b.from && a.to === b.to;

const fresh = (started: { at: number }): boolean => performance.now() - started.at <= FRESH_MS;

/**
 * Asks main for the Usage page's data now: pressing the page's link does (and clicking it, for keyboards), so
 * the answer is on its way while the page renders and its code loads. One request for a press and the click
 * that follows it. The page takes the answer once; a failure is reported there.
 */
export function askDashboardAhead(range: DateRange): void {
  if (ahead && sameRange(ahead.range, range) && fresh(ahead)) return;
  const answer = ask(range);
  answer.catch(() => undefined);
  ahead = { range, at: performance.now(), answer };
}

/** The data for `range`: the answer asked for ahead for exactly this range (once, while fresh), or a new one. */
export function dashboardFor(range: DateRange): Promise<DashboardDto> {
  const started = ahead;
  ahead = null;
  if (started && sameRange(started.range, range) && fresh(started)) return started.answer;
  return ask(range);
}
