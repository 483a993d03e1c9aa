import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../db/client';

/** Rows a rule would remove, with the share of their table's pages they hold (for the byte estimate). */
export interface Removable {
  rows: number;
  approxBytes: number;
}

/** Rows removed per transaction: a purge of a year of usage yields to the event loop between batches. */
export const PURGE_BATCH = 2000;

/**
 * Health history rows written before the cutoff, except each provider's latest probe and latest state change: its
 * current state, the chart's starting state and `providers health`'s last probe stay known.
 */
const OLD_HEALTH = `FROM provider_health WHERE at < ?
  AND id NOT IN (SELECT max(id) FROM provider_health GROUP BY config_id, kind)`;

/** Versions of each document beyond its newest `keep` (row_number 1 is the latest: never ranked out). */
const RANKED_VERSIONS = `SELECT id, row_number() OVER (PARTITION BY document_id ORDER BY version DESC) AS rank
  FROM document_versions`;

/**
 * The SQL of the retention purge for the usage events, provider health history and document versions (the audit log prunes itself:
 * audit/audit-log.ts), and the page counts the byte estimates and space reclaim read.
 */
export class RetentionRepo {
  private readonly oldEvents: Statement<[number], { n: number }>;
  private readonly allEvents: Statement<[], { n: number }>;
  private readonly deleteEvents: Statement<[number, number]>;
  private readonly extraVersions: Statement<[number], { n: number; weight: number }>;
  private readonly allVersions: Statement<[], { weight: number }>;
  private readonly deleteVersions: Statement<[number, number]>;
  private readonly oldHealth: Statement<[number], { n: number }>;
  private readonly allHealth: Statement<[], { n: number }>;
  private readonly deleteHealth: Statement<[number, number]>;
  private readonly auditWeights: Statement<[number], { weight: number }>;
  private readonly allAudit: Statement<[], { weight: number }>;
  private readonly pagesOf: Statement<[string], { bytes: number | null }>;

  constructor(private readonly sqlite: Sqlite) {
    this.oldEvents = sqlite.prepare('SELECT count(*) AS n FROM usage_events WHERE created_at < ?');
    this.allEvents = sqlite.prepare('SELECT count(*) AS n FROM usage_events');
    this.deleteEvents = sqlite.prepare(
      'DELETE FROM usage_events WHERE id IN (SELECT id FROM usage_events WHERE created_at < ? LIMIT ?)',
    );
    this.oldHealth = sqlite.prepare(`SELECT count(*) AS n ${OLD_HEALTH}`);
    this.allHealth = sqlite.prepare('SELECT count(*) AS n FROM provider_health');
    this.deleteHealth = sqlite.prepare(`DELETE FROM provider_health WHERE id IN (SELECT id ${OLD_HEALTH} LIMIT ?)`);
    // A version's weight: its text plus a fixed share for the other columns and the index entry.
    this.extraVersions = sqlite.prepare(
      `SELECT count(*) AS n, coalesce(sum(length(CAST(v.text AS BLOB)) + 64), 0) AS weight
       FROM document_versions v JOIN (${RANKED_VERSIONS}) r ON r.id = v.id WHERE r.rank > ?`,
    );
    this.allVersions = sqlite.prepare(
      'SELECT coalesce(sum(length(CAST(text AS BLOB)) + 64), 0) AS weight FROM document_versions',
    );
    this.deleteVersions = sqlite.prepare(
      `DELETE FROM document_versions WHERE id IN (SELECT id FROM (${RANKED_VERSIONS}) WHERE rank > ? LIMIT ?)`,
    );
    const auditWeight = `coalesce(sum(coalesce(length(before), 0) + coalesce(length(after), 0) + 200), 0)`;
    this.auditWeights = sqlite.prepare(`SELECT ${auditWeight} AS weight FROM audit_log WHERE id <= ?`);
    this.allAudit = sqlite.prepare(`SELECT ${auditWeight} AS weight FROM audit_log`);
    this.pagesOf = sqlite.prepare(
      // The table and its indexes: every schema entry whose tbl_name is the table.
      `SELECT sum(pgsize) AS bytes FROM dbstat WHERE aggregate = TRUE AND name IN
         (SELECT name FROM sqlite_schema WHERE tbl_name = ?)`,
    );
  }

  /** The pages a table and its indexes take, in bytes. */
  private tableBytes(table: string): number {
    return this.pagesOf.get(table)?.bytes ?? 0;
  }

  private share(table: string, part: number, whole: number): number {
    return whole > 0 ? Math.round((this.tableBytes(table) * part) / whole) : 0;
  }

  usageEventsBefore(cutoff: number): Removable {
    const rows = this.oldEvents.get(cutoff)?.n ?? 0;
    if (rows === 0) return { rows, approxBytes: 0 };
    return { rows, approxBytes: this.share('usage_events', rows, this.allEvents.get()?.n ?? 0) };
  }

  /** Deletes up to PURGE_BATCH events written before `cutoff`; returns how many. */
  deleteUsageEventsBefore(cutoff: number): number {
    return this.deleteEvents.run(cutoff, PURGE_BATCH).changes;
  }

  healthBefore(cutoff: number): Removable {
    const rows = this.oldHealth.get(cutoff)?.n ?? 0;
    if (rows === 0) return { rows, approxBytes: 0 };
    return { rows, approxBytes: this.share('provider_health', rows, this.allHealth.get()?.n ?? 0) };
  }

  /** Deletes up to PURGE_BATCH health history rows written before `cutoff` (never a provider's latest); returns how many. */
  deleteHealthBefore(cutoff: number): number {
    return this.deleteHealth.run(cutoff, PURGE_BATCH).changes;
  }

  versionsBeyond(keep: number): Removable {
    const extra = this.extraVersions.get(keep) ?? { n: 0, weight: 0 };
    if (extra.n === 0) return { rows: 0, approxBytes: 0 };
    return {
      rows: extra.n,
      approxBytes: this.share('document_versions', extra.weight, this.allVersions.get()?.weight ?? 0),
    };
  }

  /** Deletes up to PURGE_BATCH versions beyond each document's newest `keep`; returns how many. */
  deleteVersionsBeyond(keep: number): number {
    return this.deleteVersions.run(keep, PURGE_BATCH).changes;
  }

  /** The approximate bytes of the audit rows up to `throughId`. */
  auditBytesThrough(throughId: number): number {
    return this.share('audit_log', this.auditWeights.get(throughId)?.weight ?? 0, this.allAudit.get()?.weight ?? 0);
  }
}
