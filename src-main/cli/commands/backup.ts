import { Command } from 'commander';
import { join, resolve } from 'node:path';
import type { BackupReportDto } from '@contract';
import { reopenAfterRestore } from '../../runtime/reopen-after-restore';
import type { CliContext } from '../context';
import { formatTable, writeJson, writeLine } from '../io';

function countsLine(report: BackupReportDto): string {
  const c = report.counts;
  return (
    `${c.candidates} candidates, ${c.jobPostings} job postings, ${c.documents} documents (${c.documentVersions} versions), ` +
    `${c.usageEvents} usage events, ${c.auditEntries} audit entries`
  );
}

function schemaLine(report: BackupReportDto): string {
  const { applied, app, status } = report.schema;
  return status === 'current'
    ? `schema: ${applied} migrations, the same as this app`
    : `schema: ${applied} of this app's ${app} migrations (older: brought up to date when restored)`;
}

function printReport(c: CliContext, report: BackupReportDto): void {
  const k = report.counts;
  writeLine(c.io.stdout, `${report.path}: integrity ok, ${(report.sizeBytes / 1024).toFixed(0)} KiB`);
  writeLine(c.io.stdout, schemaLine(report));
  writeLine(
    c.io.stdout,
    formatTable([
      ['candidates', String(k.candidates)],
      ['job postings', String(k.jobPostings)],
      ['documents', String(k.documents)],
      ['document versions', String(k.documentVersions)],
      ['usage events', String(k.usageEvents)],
      ['audit entries', String(k.auditEntries)],
    ]),
  );
}

/** `aditus backup --out FILE` and `aditus backup verify FILE`. */
export function backupCommand(ctx: () => CliContext): Command {
  const cmd = new Command('backup')
    .description(
      'admin: back the database up while the app may be running (SQLite online backup), verified before it is renamed into place',
    )
    .option('--out <file>', 'the backup file to write')
    .action(async (flags: { out?: string }) => {
      const c = ctx();
      if (!flags.out) return c.fail('--out FILE is required (or `aditus backup verify FILE`)', 2);
      const report = await c.call('backup:write', { out: resolve(flags.out) });
      if (c.json) return writeJson(c.io, report);
      writeLine(c.io.stdout, `Backed up to ${report.path}: ${countsLine(report)}.`);
      writeLine(c.io.stdout, 'Provider API keys are in the OS keychain, not in the backup.');
    });
  cmd
    .command('verify')
    .description('admin: check a backup (integrity, schema version, counts); a damaged or foreign file exits non-zero')
    .argument('<file>')
    .action(async (file: string) => {
      const c = ctx();
      const report = await c.call('backup:verify', { path: resolve(file) });
      if (c.json) return writeJson(c.io, report);
      printReport(c, report);
    });
  return cmd;
}

/** `aditus restore FILE --yes`. */
export function restoreCommand(ctx: () => CliContext): Command {
  return new Command('restore')
    .description(
      'admin: replace the database with a verified backup (refused while the desktop app or web host runs on this data folder); ' +
        'the replaced database is kept as aditus.db.replaced-<time>; needs --yes',
    )
    .argument('<file>')
    .option('--yes', 'really restore')
    .action(async (file: string, flags: { yes?: boolean }) => {
      const c = ctx();
      const path = resolve(file);
      if (!flags.yes) {
        const report = await c.call('backup:verify', { path });
        if (!c.json) printReport(c, report);
        return c.fail(
          `Nothing was changed. Restoring replaces everything in ${c.dataDir()} with this backup (${countsLine(report)}); ` +
            'the current database is kept aside. Run again with --yes to restore.',
          2,
        );
      }
      const staged = await c.call('backup:restore', { path });
      const reopen = async () => {
        c.close();
        return c.ready();
      };
      // Opening again runs the migrations an older backup lacks and records the restore in its audit log.
      const { error } = await reopenAfterRestore(c.open(), reopen, () => void c.close());
      if (error) return c.fail(error.message, 1, { code: error.code, message: error.message });
      const replacedPath = join(c.dataDir(), staged.replacedName);
      if (c.json) return writeJson(c.io, { restored: true, report: staged.report, replacedPath });
      writeLine(c.io.stdout, `Restored from ${path}: ${countsLine(staged.report)}.`);
      writeLine(c.io.stdout, `The replaced database is kept at ${replacedPath}.`);
      writeLine(
        c.io.stdout,
        'Provider API keys are not in a backup: on another computer enter them again (or import a providers export).',
      );
    });
}
