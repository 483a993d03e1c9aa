import { closeSync, fchmodSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { UsageEvent } from './usage-event';

/** Usage events that could not be committed before the process ended, one JSON object a line. */
export const USAGE_SPILL_FILE = 'usage-spill.jsonl';

export function usageSpillPath(dataDir: string): string {
  return join(dataDir, USAGE_SPILL_FILE);
}

/**
 * Appends the events to the spill file (created 0600) and fsyncs it before returning: once this returns,
 * the events survive a crash. Throws if the file cannot be written (a full disk, a read-only folder).
 */
export function appendUsageSpill(path: string, events: readonly UsageEvent[]): void {
  if (events.length === 0) return;
  const fd = openSync(path, 'a', 0o600);
  try {
    fchmodSync(fd, 0o600);
    writeSync(fd, events.map((e) => `${JSON.stringify(e)}\n`).join(''));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  syncDirectory(dirname(path));
}

/** Makes a newly created file's directory entry durable too (best effort: not every file system allows it). */
function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // the file's own fsync already succeeded
  }
}

function isUsageEvent(value: unknown): value is UsageEvent {
  const e = value as Partial<UsageEvent> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.requestId === 'string' &&
    typeof e.attempt === 'number' &&
    typeof e.providerName === 'string' &&
    typeof e.model === 'string' &&
    typeof e.task === 'string' &&
    typeof e.userId === 'string' &&
    (e.status === 'ok' || e.status === 'error') &&
    typeof e.createdAt === 'number' &&
    typeof e.latencyMs === 'number'
  );
}

/** The events in a spill file's text; a line cut short by a crash mid-append is skipped. */
export function parseUsageSpill(text: string): UsageEvent[] {
  const events: UsageEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed: unknown = JSON.parse(line);
      if (isUsageEvent(parsed)) events.push(parsed);
    } catch {
      // a torn last line: its append never returned, so its process did not report it as saved
    }
  }
  return events;
}

/**
 * Replays a spill file left by an earlier process: the file is first moved aside (so a process spilling
 * now starts a new one), its events go through `commit` (which skips those already recorded), and the
 * moved file is removed only after that commit. If the commit throws, the file is put back for next time.
 * Returns the number of events read.
 */
export function replayUsageSpill(path: string, commit: (events: UsageEvent[]) => void): number {
  const claimed = `${path}.${process.pid}.replaying`;
  try {
    renameSync(path, claimed);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
  let text = '';
  try {
    text = readFileSync(claimed, 'utf8');
    // A process that opened the file just before the rename may still append to it: read until stable.
    let again = readFileSync(claimed, 'utf8');
    while (again !== text) [text, again] = [again, readFileSync(claimed, 'utf8')];
    const events = parseUsageSpill(text);
    commit(events);
    rmSync(claimed, { force: true });
    return events.length;
  } catch (err) {
    // Put the events back (appended, so nothing spilled meanwhile is overwritten) for the next start.
    try {
      appendUsageSpill(path, parseUsageSpill(text || readFileSync(claimed, 'utf8')));
      rmSync(claimed, { force: true });
    } catch {
      // leave the claimed file; a later start finds nothing at `path`, but the events are still on disk
    }
    throw err;
  }
}
