import type { UsageLog } from '../../../src-main/usage/usage-log';
import { usageEvent } from '../../fixtures/reliability/usage-event';

/** Logs events until a write fails; returns how many were written and the failure. */
export function logUntilFailure(usageLog: UsageLog, tag: string, max = 1_000_000): { written: number; error: unknown } {
  for (let i = 0; i < max; i++) {
    try {
      usageLog.record(usageEvent(i, tag));
    } catch (error) {
      return { written: i, error };
    }
  }
  throw new Error(`${max} events fit: the storage never filled up`);
}
