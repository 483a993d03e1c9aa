import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Written by the long-lived hosts (desktop app, web host) while they hold the database open. */
export const RUNNING_HOST_FILE = 'aditus.host.json';

export interface RunningHost {
  pid: number;
  host: string;
  startedAt: number;
}

const markerPath = (dataDir: string) => join(dataDir, RUNNING_HOST_FILE);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as { code?: string }).code === 'EPERM';
  }
}

/** Marks this process as the data folder's running host; the returned function removes the mark (if still ours). */
export function markRunningHost(dataDir: string, host: string, now = Date.now()): () => void {
  const marker: RunningHost = { pid: process.pid, host, startedAt: now };
  writeFileSync(markerPath(dataDir), `${JSON.stringify(marker)}\n`, { mode: 0o600 });
  return () => {
    if (runningHost(dataDir)?.pid === process.pid) rmSync(markerPath(dataDir), { force: true });
  };
}

/** The host process marked as running on this data folder, if it is still alive (a stale mark is ignored). */
export function runningHost(dataDir: string): RunningHost | null {
  let marker: RunningHost;
  try {
    marker = JSON.parse(readFileSync(markerPath(dataDir), 'utf8')) as RunningHost;
  } catch {
    return null;
  }
  return Number.isInteger(marker.pid) && alive(marker.pid) ? marker : null;
}

/** A running host other than this process: it holds the database, so it must not be swapped under it. */
export function otherRunningHost(dataDir: string): RunningHost | null {
  const host = runningHost(dataDir);
  return host && host.pid !== process.pid ? host : null;
}
