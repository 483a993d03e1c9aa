import { Command } from 'commander';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CandidateDto, DuplicateMatch } from '@contract';
import type { CliContext } from '../context';
import { formatTable, writeJson, writeLine } from '../io';
import { writeWholeFile } from '../write-whole-file';
import { addRecordCommands, confirmFirst, day, EXIT_DUPLICATE, removedText, type Shown } from './stored-records';

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

const REASON_TEXT = {
  same_file: 'the same file (identical text)',
  same_person: 'the same person (name and email)',
} as const;

function duplicateMessage(file: string, d: DuplicateMatch): string {
  const who = [d.name, d.email, d.sourceFileName ? `from ${d.sourceFileName}` : null, `imported ${day(d.createdAt)}`]
    .filter(Boolean)
    .join(', ');
  return (
    `Not imported: ${file} is ${d.reasons.map((r) => REASON_TEXT[r]).join(' and ')} as candidate ${d.id} (${who}). ` +
    `Open it with \`aditus candidates show ${d.id}\`, or run again with --as-new to import a second candidate, ` +
    `or with --replace ${d.id} to replace its record and source (its documents stay).`
  );
}

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
    .option('--as-new', 'import even when the same file or person is stored')
    .option('--replace <id>', "replace this candidate's record and source file (its id and documents stay; audited)")
    .addHelpText(
      'after',
      `\nThe same file (its text) or the same person (name and email, ignoring case and accents) already stored: ` +
        `nothing is imported, the stored candidate is named, and the exit status is ${EXIT_DUPLICATE}, unless ` +
        `--as-new or --replace ID is given.`,
    )
    .action(async (file: string, flags: { asNew?: boolean; replace?: string }) => {
      const c = ctx();
      if (flags.asNew && flags.replace) return c.fail('--as-new and --replace cannot be given together', 2);
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        return c.fail(`${file}: cannot be read`, 2);
      }
      const result = await c.call('candidates:import', {
        file: { fileName: basename(file), dataBase64: bytes.toString('base64') },
        ...(flags.replace
          ? { onDuplicate: 'replace' as const, replaceId: flags.replace }
          : { onDuplicate: flags.asNew ? ('new' as const) : ('ask' as const) }),
      });
      if ('duplicate' in result) {
        if (c.json) writeJson(c.io, result);
        writeLine(c.io.stderr, `aditus: ${duplicateMessage(file, result.duplicate)}`);
        return c.exit(EXIT_DUPLICATE);
      }
      if (c.json) return writeJson(c.io, result);
      const verb = flags.replace ? 'replaced ' : '';
      writeLine(c.io.stdout, `${result.id}  ${verb}${result.name}: ${counts(result)}`);
      for (const item of result.record.unassigned) {
        writeLine(c.io.stderr, `unassigned (${item.section || 'no section'}, line ${item.source.line}): ${item.text}`);
      }
    });

  cmd
    .command('export')
    .description(
      "write all of a candidate's data as a zip: resume.json, the source file as imported, every document version, manifest.json",
    )
    .argument('<id>', 'the candidate id (aditus candidates list)')
    .requiredOption('--out <file>', 'the zip to write (replaced whole, never half-written)')
    .action(async (id: string, flags: { out: string }) => {
      const c = ctx();
      const file = await c.call('candidates:export-data', { id });
      const failure = await writeWholeFile(flags.out, Buffer.from(file.dataBase64, 'base64'));
      if (failure) {
        const message = `${flags.out}: cannot be written (${failure.cause}); nothing was written.`;
        return c.fail(message, 1, { code: 'storage_error', message, details: { cause: failure.cause } });
      }
      if (c.json) writeJson(c.io, { out: flags.out, fileName: file.fileName });
      else writeLine(c.io.stdout, `Wrote ${flags.out}`);
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
