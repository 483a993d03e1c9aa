import { Command, InvalidArgumentError } from 'commander';
import type { PurgeResult, RetentionSettings, RetentionStatus } from '@contract';
import {
  formatBytes,
  optionFreedText,
  optionRows,
  purgeText,
  RETENTION_OPTIONS,
  ruleText,
} from '@shared/retention-text';
import type { CliContext } from '../context';
import { formatTable, writeJson, writeLine } from '../io';

/** A count of days or versions, or `off` (keep everything). */
function limit(value: string): number | null {
  if (value === 'off') return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of at least 1, or `off`');
  return n;
}

function writePurge(c: CliContext, purge: PurgeResult): void {
  writeLine(c.io.stdout, purgeText(purge));
  if (purge.auditBlocked) writeLine(c.io.stderr, `Audit entries were not pruned: ${purge.auditBlocked}`);
  const { space } = purge;
  writeLine(
    c.io.stdout,
    `Database: ${formatBytes(space.fileBytesBefore)} → ${formatBytes(space.fileBytesAfter)} (${space.method === 'none' ? 'no vacuum' : space.method === 'vacuum' ? 'VACUUM' : 'incremental vacuum'}; ${formatBytes(space.freeBytesLeft)} free inside).`,
  );
  if (space.note) writeLine(c.io.stdout, space.note);
}

function writeStatus(c: CliContext, status: RetentionStatus): void {
  writeLine(
    c.io.stdout,
    formatTable([
      ['DATA', 'RULE', 'WOULD FREE NOW'],
      ...RETENTION_OPTIONS.map((o) => [
        o.label,
        ruleText(o.key, status.settings[o.key]),
        status.settings[o.key] === null ? '-' : optionFreedText(o.key, status.estimate),
      ]),
    ]),
  );
  const db = status.database;
  writeLine(
    c.io.stdout,
    `\nDatabase: ${formatBytes(db.fileBytes)}, ${formatBytes(db.freeBytes)} free inside; auto_vacuum ${db.autoVacuum}.`,
  );
  const last = status.lastPurge;
  writeLine(
    c.io.stdout,
    last ? `Last purge ${new Date(last.at).toISOString()}: ${purgeText(last)}` : 'No purge has run yet.',
  );
}

/** `aditus retention …`: how long usage events, document versions and audit entries are kept (admin). */
export function retentionCommand(ctx: () => CliContext): Command {
  const cmd = new Command('retention').description(
    'how long usage events (with the provider health history), document versions and audit entries are kept ' +
      '(admin; default: everything). ' +
      'The desktop app and `aditus serve` purge at start and daily; the usage rollups (dashboards, budgets, metrics) always stay',
  );

  cmd
    .command('show')
    .description('the retention settings, what each would free now (rows exact, bytes estimated), the last purge')
    .action(async () => {
      const c = ctx();
      const status = await c.call('retention:status', {});
      if (c.json) return writeJson(c.io, status);
      writeStatus(c, status);
    });

  cmd
    .command('set')
    .description(
      'change the retention settings and purge by them at once; an option left out keeps its saved value. ' +
        'When something would be removed, nothing changes without --yes',
    )
    .option(
      '--usage-days <n>',
      'remove usage events and provider health history older than n days (`off`: keep all)',
      limit,
    )
    .option(
      '--versions <n>',
      "keep each document's newest n versions; the latest is always kept (`off`: keep all)",
      limit,
    )
    .option(
      '--audit-days <n>',
      'remove audit entries older than n days, as a checkpointed prefix (`off`: keep all)',
      limit,
    )
    .option('--yes', 'remove what the new settings remove without asking')
    .action(
      async (flags: {
        usageDays?: number | null;
        versions?: number | null;
        auditDays?: number | null;
        yes?: boolean;
      }) => {
        const c = ctx();
        const saved = (await c.call('retention:status', {})).settings;
        const settings: RetentionSettings = {
          usageEventsDays: flags.usageDays === undefined ? saved.usageEventsDays : flags.usageDays,
          documentVersionsKeep: flags.versions === undefined ? saved.documentVersionsKeep : flags.versions,
          auditDays: flags.auditDays === undefined ? saved.auditDays : flags.auditDays,
        };
        if (!flags.yes) {
          const estimate = await c.call('retention:estimate', settings);
          const removing = RETENTION_OPTIONS.filter((o) => optionRows(o.key, estimate) > 0);
          if (removing.length > 0)
            return c.fail(
              `Nothing was changed. These settings remove now: ${removing
                .map((o) => `${o.label.toLowerCase()}: ${optionFreedText(o.key, estimate)}`)
                .join('; ')}. Run again with --yes to save them and purge.`,
              2,
            );
        }
        const out = await c.call('retention:set', settings);
        if (c.json) return writeJson(c.io, out);
        writeLine(c.io.stdout, 'Retention saved.');
        writePurge(c, out.purge);
      },
    );

  cmd
    .command('purge')
    .description(
      'purge by the saved settings now, then return the space to the disk (rewrites an older database file once ' +
        'with VACUUM when enough is free: best with the app closed)',
    )
    .action(async () => {
      const c = ctx();
      const purge = await c.call('retention:purge', {});
      if (c.json) return writeJson(c.io, purge);
      writePurge(c, purge);
    });

  return cmd;
}
