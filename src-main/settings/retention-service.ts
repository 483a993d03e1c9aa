import type { Freed, PurgeResult, RetentionEstimate, RetentionSettings, RetentionStatus } from '@contract';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import { immediate, type DatabaseHandle } from '../db/client';
import { databaseSpace, reclaimSpace } from '../db/reclaim-space';
import { SettingsRepo } from '../settings-repo';
import { PURGE_BATCH, RetentionRepo } from './retention-repo';

export const DAY_MS = 86_400_000;

/** The default keeps everything. */
export const KEEP_EVERYTHING: RetentionSettings = {
  usageEventsDays: null,
  documentVersionsKeep: null,
  auditDays: null,
};

const SETTINGS_KEY = 'retention';
const LAST_PURGE_KEY = 'retention.lastPurge';

export interface PurgeOptions {
  /** Whether a purge may rewrite a pre-incremental database file with VACUUM (the CLI: yes; long-lived hosts: no). */
  allowVacuum: boolean;
}

/** "Older than N days": written before now − N × 24 h (a row exactly N days old stays). */
export const cutoffFor = (now: number, days: number): number => now - days * DAY_MS;

/**
 * Retention (admin): how long usage events (with the provider health history), document versions and audit entries are kept, what that frees,
 * and the purge. The usage rollups are never touched, so dashboards, budgets and metrics keep their totals.
 * No table points at a document version (validation reports and queued tasks point at the document, and a
 * queued draft lands as a new version), so keeping each document's newest N versions never cuts a reference.
 */
export class RetentionService {
  private readonly repo: RetentionRepo;
  private readonly settingsRepo: SettingsRepo;
  private running: Promise<PurgeResult> | null = null;

  constructor(
    private readonly store: DatabaseHandle,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    /** Between delete batches and vacuum steps. */
    private readonly pause: () => Promise<void> = () => new Promise<void>((resolve) => setImmediate(resolve)),
  ) {
    this.repo = new RetentionRepo(store.sqlite);
    this.settingsRepo = new SettingsRepo(store.sqlite, [SETTINGS_KEY, LAST_PURGE_KEY]);
  }

  settings(): RetentionSettings {
    const stored = this.settingsRepo.read()[SETTINGS_KEY] as Partial<RetentionSettings> | undefined;
    return { ...KEEP_EVERYTHING, ...stored };
  }

  /** Whether any option removes something (the default keeps everything, and scheduled purges then do nothing). */
  active(): boolean {
    const s = this.settings();
    return s.usageEventsDays !== null || s.documentVersionsKeep !== null || s.auditDays !== null;
  }

  lastPurge(): PurgeResult | null {
    return (this.settingsRepo.read()[LAST_PURGE_KEY] as PurgeResult | undefined) ?? null;
  }

  /** What `settings` would free now: rows counted exactly, bytes estimated from the pages each table takes. */
  estimate(settings: RetentionSettings): RetentionEstimate {
    const now = this.clock.now();
    const none: Freed = { rows: 0, approxBytes: 0, blocked: null };
    const usageCutoff = settings.usageEventsDays === null ? null : cutoffFor(now, settings.usageEventsDays);
    const usage = usageCutoff === null ? none : { ...this.repo.usageEventsBefore(usageCutoff), blocked: null };
    const health = usageCutoff === null ? none : { ...this.repo.healthBefore(usageCutoff), blocked: null };
    const versions =
      settings.documentVersionsKeep === null
        ? none
        : { ...this.repo.versionsBeyond(settings.documentVersionsKeep), blocked: null };
    let audit = none;
    if (settings.auditDays !== null) {
      const prune = this.audit.prunable(cutoffFor(now, settings.auditDays));
      audit = {
        rows: prune.rows,
        approxBytes: prune.throughId === null ? 0 : this.repo.auditBytesThrough(prune.throughId),
        blocked: prune.blocked,
      };
    }
    return { usageEvents: usage, providerHealth: health, documentVersions: versions, auditEntries: audit };
  }

  status(): RetentionStatus {
    const settings = this.settings();
    return {
      settings,
      estimate: this.estimate(settings),
      lastPurge: this.lastPurge(),
      database: databaseSpace(this.store.sqlite),
    };
  }

  /** Saves the settings (audited) and purges by them at once. */
  async set(
    settings: RetentionSettings,
    actor: string,
    options: PurgeOptions,
  ): Promise<{ settings: RetentionSettings; purge: PurgeResult }> {
    const before = this.settings();
    immediate(this.store.sqlite, () => {
      this.settingsRepo.write(SETTINGS_KEY, settings, this.clock.now());
      this.audit.append({ actor, action: 'retention.update', target: 'retention', before, after: settings });
    });
    return { settings: this.settings(), purge: await this.purge(actor, options) };
  }

  /** One purge at a time: a second caller shares the running one. */
  purge(actor: string, options: PurgeOptions): Promise<PurgeResult> {
    return (this.running ??= this.run(actor, options).finally(() => {
      this.running = null;
    }));
  }

  private async run(actor: string, options: PurgeOptions): Promise<PurgeResult> {
    const settings = this.settings();
    const now = this.clock.now();
    const { usageEventsDays: days, documentVersionsKeep: keep } = settings;
    const usageEvents =
      days === null ? 0 : await this.inBatches(() => this.repo.deleteUsageEventsBefore(cutoffFor(now, days)));
    const providerHealth =
      days === null ? 0 : await this.inBatches(() => this.repo.deleteHealthBefore(cutoffFor(now, days)));
    const documentVersions = keep === null ? 0 : await this.inBatches(() => this.repo.deleteVersionsBeyond(keep));
    let auditEntries = 0;
    let auditBlocked: string | null = null;
    if (settings.auditDays !== null) {
      const pruned = await this.audit.pruneBefore(cutoffFor(now, settings.auditDays));
      auditEntries = pruned.rows;
      auditBlocked = pruned.blocked;
    }
    this.audit.append({
      actor,
      action: 'retention.purge',
      target: null,
      after: { usageEvents, providerHealth, documentVersions, auditEntries },
    });
    const space = await reclaimSpace(this.store.sqlite, { allowVacuum: options.allowVacuum, pause: this.pause });
    const result: PurgeResult = {
      at: now,
      usageEvents,
      providerHealth,
      documentVersions,
      auditEntries,
      auditBlocked,
      space,
    };
    this.settingsRepo.write(LAST_PURGE_KEY, result, this.clock.now());
    return result;
  }

  /** Runs `step` (one committed batch) until a batch comes back short, yielding between batches. */
  private async inBatches(step: () => number): Promise<number> {
    let total = 0;
    for (;;) {
      const n = immediate(this.store.sqlite, step);
      total += n;
      if (n < PURGE_BATCH) return total;
      await this.pause();
    }
  }
}
