import { formatDateTime } from './display-format';

/** What a queued task waits for: a provider answering, its provider's budget, or the acting user's quota. */
export type QueuedWhy = 'offline' | 'budget' | 'quota';

/** "Queued: runs when …": one sentence for the CLI, the UI and the error that carried it. */
export function queuedText(queued: { why: QueuedWhy; runsAt: number | null }): string {
  if (queued.runsAt === null) return 'Queued: runs when a provider answers again.';
  const limit = queued.why === 'quota' ? 'the quota' : 'the budget';
  return `Queued: runs when ${limit} resets at ${formatDateTime(queued.runsAt)}.`;
}
