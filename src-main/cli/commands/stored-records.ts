import type { Command } from 'commander';
import type { Dependents } from '@contract';
import { removalConsequence } from '@shared/removal-text';
import type { CliContext } from '../context';
import { formatTable, writeJson, writeLine } from '../io';

type Family = 'candidates' | 'jobs' | 'documents';
const OWNER = { candidates: 'candidate', jobs: 'job', documents: 'document' } as const;

/** One stored item as the CLI shows it: a label, and what tells two items with the same label apart. */
export interface Shown {
  id: string;
  label: string;
  detail: string[];
  json: unknown;
}

/**
 * `show ID`, `rename ID NAME` and `delete ID --yes` for one family. Without `--yes` a delete only says what
 * would go with it and exits 2, so a script never deletes by accident.
 */
export function addRecordCommands(
  cmd: Command,
  family: Family,
  ctx: () => CliContext,
  show: (c: CliContext, id: string) => Promise<Shown>,
): void {
  const owner = OWNER[family];
  cmd
    .command('show')
    .description(`one stored ${owner}, with what a delete takes with it`)
    .argument('<id>')
    .action(async (id: string) => {
      const c = ctx();
      const item = await show(c, id);
      const dependents = await c.call(`${family}:dependents`, { id });
      if (c.json) return writeJson(c.io, { ...(item.json as object), dependents });
      writeLine(c.io.stdout, `${item.id}  ${item.label}`);
      for (const line of item.detail) writeLine(c.io.stdout, `  ${line}`);
      writeLine(c.io.stdout, `  delete: ${removalConsequence(owner, dependents)}`);
    });

  cmd
    .command('rename')
    .description(`give a stored ${owner} a new name (audited)`)
    .argument('<id>')
    .argument('<name>')
    .action(async (id: string, name: string) => {
      const c = ctx();
      await c.call(`${family}:rename`, { id, name });
      const item = await show(c, id);
      if (c.json) return writeJson(c.io, item.json);
      writeLine(c.io.stdout, `${item.id}  ${item.label}`);
    });

  cmd
    .command('delete')
    .description(`delete a stored ${owner} with what goes with it (audited); needs --yes`)
    .argument('<id>')
    .option('--yes', 'really delete')
    .action(async (id: string, flags: { yes?: boolean }) => {
      const c = ctx();
      if (!flags.yes) return confirmFirst(c, family, id, show, 'delete');
      const removed = await c.call(`${family}:delete`, { id });
      if (c.json) return writeJson(c.io, { id, deleted: true, removed });
      writeLine(c.io.stdout, `Deleted ${id}. ${removedText(removed)}`);
    });
}

export async function confirmFirst(
  c: CliContext,
  family: Family,
  id: string,
  show: (c: CliContext, id: string) => Promise<Shown>,
  verb: 'delete' | 'erase',
): Promise<void> {
  const item = await show(c, id);
  const dependents = await c.call(`${family}:dependents`, { id });
  return c.fail(
    `Nothing was changed. ${verb === 'erase' ? 'Erase' : 'Delete'} ${item.id} (${item.label})? ` +
      `${removalConsequence(OWNER[family], dependents)} Run again with --yes to ${verb}.`,
    2,
  );
}

export function removedText(removed: Dependents): string {
  return `Removed ${removed.documents} documents, ${removed.versions} versions, ${removed.validations} validations, ${removed.queuedTasks} queued tasks.`;
}

export function writeList(c: CliContext, rows: Shown[], header: string[]): void {
  if (c.json)
    return writeJson(
      c.io,
      rows.map((r) => r.json),
    );
  writeLine(c.io.stdout, formatTable([header, ...rows.map((r) => [r.id, r.label, ...r.detail])]));
}

/** Exit status of an import that found the file (or the person) already stored: nothing was imported. */
export const EXIT_DUPLICATE = 4;

export const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
