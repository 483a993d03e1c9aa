import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { DatabaseHandle } from '../db/client';
import { stageRestore, type AppliedRestore, type RestoreSource, type StagedRestore } from './restore-database';
import { verifyBackup, type BackupReport } from './verify-backup';
import { writeBackup, type OnlineBackup } from './write-backup';

export interface BackupServiceDeps {
  store: DatabaseHandle;
  audit: AuditLog;
  clock: Clock;
  dataDir: string;
  migrationsDir: string;
  /** Tests inject a failing copy (a full disk where no small file system can be mounted). */
  onlineBackup?: OnlineBackup;
}

export interface DownloadedBackup {
  fileName: string;
  bytes: Buffer;
  report: BackupReport;
}

/** Backups of the open database, their verification, and staging a restore (applied when the database is closed). */
export class BackupService {
  private staged = false;

  constructor(private readonly deps: BackupServiceDeps) {}

  /** A consistent copy at `out` (online backup API), verified; audited. */
  async writeTo(out: string, actor: string): Promise<BackupReport> {
    const written = await writeBackup(this.deps.store.sqlite, out, this.deps.onlineBackup);
    const report = verifyBackup(written.path, this.deps.migrationsDir);
    this.deps.audit.append({ actor, action: 'backup.create', target: written.path, after: report.counts });
    return report;
  }

  /** The same copy as bytes, for a download in the UI; the temporary file is removed. */
  async download(actor: string): Promise<DownloadedBackup> {
    const fileName = `aditus-backup-${new Date(this.deps.clock.now()).toISOString().replace(/[:.]/gu, '-')}.db`;
    const dir = mkdtempSync(join(tmpdir(), 'aditus-backup-'));
    try {
      const path = join(dir, fileName);
      await writeBackup(this.deps.store.sqlite, path, this.deps.onlineBackup);
      const report = verifyBackup(path, this.deps.migrationsDir, fileName);
      const bytes = readFileSync(path);
      this.deps.audit.append({ actor, action: 'backup.download', target: fileName, after: report.counts });
      return { fileName, bytes, report };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  verifyFile(path: string): BackupReport {
    return verifyBackup(path, this.deps.migrationsDir);
  }

  /** Verifies uploaded bytes (nothing is kept). */
  inspect(bytes: Buffer, name: string): BackupReport {
    const dir = mkdtempSync(join(tmpdir(), 'aditus-inspect-'));
    try {
      const path = join(dir, 'upload.db');
      writeFileSync(path, bytes, { mode: 0o600 });
      return verifyBackup(path, this.deps.migrationsDir, basename(name));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /**
   * Verifies the backup and stages it in the data folder; the host then closes the database and swaps it in
   * (`applyPendingRestore`). Audited here, so the entry stays in the database that is kept aside.
   */
  stageRestore(source: RestoreSource, actor: string): StagedRestore {
    const staged = stageRestore(this.deps.dataDir, source, this.deps.migrationsDir, this.deps.clock.now());
    this.deps.audit.append({
      actor,
      action: 'backup.restore',
      target: staged.report.path,
      after: { counts: staged.report.counts, replacedName: staged.replacedName },
    });
    this.staged = true;
    return staged;
  }

  /** True once after a restore was staged: the host closes the database and swaps it in (only once). */
  takeStagedRestore(): boolean {
    const staged = this.staged;
    this.staged = false;
    return staged;
  }

  /** First start on a restored database: re-anchor the audit log on it and record the restore in it. */
  async recordRestored(applied: AppliedRestore, log: (line: string) => void): Promise<void> {
    const problem = await this.deps.audit.reanchorRestored();
    if (problem) log(`audit: the restored log was not re-anchored: ${problem}`);
    this.deps.audit.append({
      actor: 'system',
      action: 'backup.restored',
      target: basename(applied.replacedPath),
      after: { replacedPath: applied.replacedPath },
    });
  }
}
