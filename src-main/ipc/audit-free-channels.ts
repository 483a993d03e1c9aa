import type { Channel } from '@contract';

/**
 * Channels that only read and never write an audit entry: a process (the CLI's `usage stats`, `providers list`)
 * that calls nothing else never loads the audit key from the OS keychain. Every other channel loads it before
 * its handler runs, so the entries it writes are sealed as they are written. A channel belongs here only if
 * neither its handler nor anything it calls appends to the audit log (test/integration/ipc/audit-free-channels.test.ts).
 */
export const AUDIT_FREE_CHANNELS = [
  'app:info',
  'usage:stats',
  'usage:dashboard',
  'usage:events',
  'providers:list',
  'providers:get',
  'providers:health',
  'users:list',
  'users:acting',
  'users:quotas',
] as const satisfies readonly Channel[];

export type AuditFreeChannel = (typeof AUDIT_FREE_CHANNELS)[number];

const auditFree: ReadonlySet<string> = new Set(AUDIT_FREE_CHANNELS);

export const writesNoAuditEntry = (channel: string): boolean => auditFree.has(channel);
