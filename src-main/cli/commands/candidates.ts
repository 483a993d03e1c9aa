import { Command } from 'commander';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CandidateDto } from '@contract';
import type { CliContext } from '../context';
import { formatTable, writeJson, writeLine } from '../io';
import { addRecordCommands, confirmFirst, day, removedText, type Shown } from './stored-records';

function counts(candidate: CandidateDto): string {
  const { resume, unassigned } = candidate.record;
  const parts = (['work', 'volunteer', 'projects', 'education', 'awards', 'publications'] as const)
    .map((key) => [key, resume[key]?.length ?? 0] as const)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `${n} ${key}`);
  return [...parts, `${unassigned.length} unassigned`].join(', ');
}

const shown = (x: CandidateDto): Shown => ({
  id: x.id,
  label: x.name,
  detail: [x.email ?? '', x.sourceFileName ?? '', day(x.createdAt), counts(x)],
  json: { id: x.id, name: x.name, email: x.email, sourceFileName: x.sourceFileName, createdAt: x.createdAt },
});

const showCandidate = async (c: CliContext, id: string): Promise<Shown> =>
  shown(await c.call('candidates:get', { id }));

/** `aditus candidates …`: stored candidates and their JSON Resume records. */
export function candidatesCommand(ctx: () => CliContext): Command {
  const cmd = new Command('candidates').description('stored candidates and their JSON Resume records');

  cmd
    .command('list')
    .description('stored candidates, newest first')
    .action(async () => {
      const c = ctx();
      const list = await c.call('candidates:list', {});
      if (c.json)
        return writeJson(
          c.io,
          list.map((x) => shown(x).json),
        );
      writeLine(
        c.io.stdout,
        formatTable([
          ['ID', 'NAME', 'EMAIL', 'SOURCE', 'IMPORTED', 'RECORD'],
          ...list.map((x) => [x.id, x.name, ...shown(x).detail]),
        ]),
      );
    });

  cmd
    .command('import')
    .description('store a candidate from a JSON Resume or a CV (.json .txt .md .docx .pdf)')
    .argument('<file>', 'the candidate file')
    .action(async (file: string) => {
      const c = ctx();
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        return c.fail(`${file}: cannot be read`, 2);
      }
      const candidate = await c.call('candidates:import', {
        file: { fileName: basename(file), dataBase64: bytes.toString('base64') },
      });
      if (c.json) return writeJson(c.io, candidate);
      writeLine(c.io.stdout, `${candidate.id}  ${candidate.name}: ${counts(candidate)}`);
      for (const item of candidate.record.unassigned) {
        writeLine(c.io.stderr, `unassigned (${item.section || 'no section'}, line ${item.source.line}): ${item.text}`);
      }
    });

  cmd
    .command('export-json')
    .description('write a stored candidate as a JSON Resume (provenance in meta["x-aditus-provenance"])')
    .argument('<id>', 'the candidate id (aditus candidates list)')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (id: string, flags: { out?: string }) => {
      const c = ctx();
      const file = await c.call('candidates:export', { id });
      if (!flags.out) return void c.io.stdout.write(file.json);
      await writeFile(flags.out, file.json, { mode: 0o600 });
      if (c.json) writeJson(c.io, { out: flags.out });
      else writeLine(c.io.stdout, `Wrote ${flags.out}`);
    });

  addRecordCommands(cmd, 'candidates', ctx, showCandidate);

  cmd
    .command('erase')
    .description('right to erasure: the candidate and everything derived from them, bytes overwritten; needs --yes')
    .argument('<id>')
    .option('--yes', 'really erase')
    .action(async (id: string, flags: { yes?: boolean }) => {
      const c = ctx();
      if (!flags.yes) return confirmFirst(c, 'candidates', id, showCandidate, 'erase');
      const { removed, walTruncated } = await c.call('candidates:erase', { id });
      if (c.json) return writeJson(c.io, { id, erased: true, removed, walTruncated });
      writeLine(c.io.stdout, `Erased ${id}. ${removedText(removed)}`);
      if (!walTruncated)
        writeLine(c.io.stderr, 'The write-ahead log is in use by another process: it is emptied when that one closes.');
    });

  return cmd;
}
