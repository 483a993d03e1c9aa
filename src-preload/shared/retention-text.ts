import { formatInteger } from './display-format';

/** The shapes of the contract's retention DTOs this text needs. */
interface Freed {
  rows: number;
  approxBytes: number;
  blocked: string | null;
}
interface PurgeCounts {
  usageEvents: number;
  providerHealth?: number;
  documentVersions: number;
  auditEntries: number;
}
export type RetentionOption = 'usageEventsDays' | 'documentVersionsKeep' | 'auditDays';

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;

/** 1,024-based sizes with one decimal from KB on: 512 bytes, 12.3 KB, 4.0 MB. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${formatInteger(value)} bytes` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

type EstimateKey = 'usageEvents' | 'documentVersions' | 'auditEntries';
interface Estimate extends Record<EstimateKey, Freed> {
  providerHealth: Freed;
}

export const RETENTION_OPTIONS: readonly { key: RetentionOption; label: string; estimateKey: EstimateKey }[] = [
  { key: 'usageEventsDays', label: 'Usage events', estimateKey: 'usageEvents' },
  { key: 'documentVersionsKeep', label: 'Document versions', estimateKey: 'documentVersions' },
  { key: 'auditDays', label: 'Audit entries', estimateKey: 'auditEntries' },
];

const plural = (n: number, one: string, many = `${one}s`): string => `${formatInteger(n)} ${n === 1 ? one : many}`;

/** What an option keeps: "older than 30 days are removed", "the newest 3 per document", "everything". */
export function ruleText(key: RetentionOption, value: number | null): string {
  if (value === null) return 'kept forever (default)';
  if (key === 'documentVersionsKeep') return `newest ${plural(value, 'version')} per document kept (the latest always)`;
  return `removed after ${plural(value, 'day')}`;
}

/** "1,204 rows, about 96.0 KB (estimate)"; rows are exact, bytes are an estimate. */
export function freedText(freed: Freed): string {
  if (freed.blocked) return `nothing can be removed now: ${freed.blocked}`;
  if (freed.rows === 0) return 'nothing to remove now';
  return `${plural(freed.rows, 'row')}, about ${formatBytes(freed.approxBytes)} (estimate)`;
}

/** The rows an option removes now: the usage events window takes the provider health history of the same age. */
export function optionRows(key: RetentionOption, estimate: Estimate): number {
  const option = RETENTION_OPTIONS.find((o) => o.key === key);
  const rows = option ? estimate[option.estimateKey].rows : 0;
  return key === 'usageEventsDays' ? rows + estimate.providerHealth.rows : rows;
}

/** What an option frees now; the usage events window also names the provider health rows it takes. */
export function optionFreedText(key: RetentionOption, estimate: Estimate): string {
  const option = RETENTION_OPTIONS.find((o) => o.key === key);
  const own = option ? freedText(estimate[option.estimateKey]) : '';
  const health = estimate.providerHealth;
  if (key !== 'usageEventsDays' || (health.rows === 0 && health.blocked === null)) return own;
  return `${own}; provider health history: ${freedText(health)}`;
}

/** "Removed 12 usage events (and 4 provider health rows), 3 document versions and 40 audit entries." */
export function purgeText(result: PurgeCounts): string {
  const health = result.providerHealth ?? 0;
  const withHealth = health > 0 ? ` (and ${plural(health, 'provider health row')})` : '';
  return `Removed ${plural(result.usageEvents, 'usage event')}${withHealth}, ${plural(result.documentVersions, 'document version')} and ${plural(result.auditEntries, 'audit entry', 'audit entries')}.`;
}
