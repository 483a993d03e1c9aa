import { Command } from 'commander';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CandidateDto } from '@contract';
import type { CliContext } from '../context';
import { formatTable, writeJson, writeLine } from '../io';

function counts(candidate: CandidateDto): string {
  const { resume, unassigned } = candidate.record;
  const parts = (['work', 'volunteer', 'projects', 'education', 'awards', 'publications'] as const)
    .map((key) => [key, resume[key]?.length ?? 0] as const)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `${n} ${key}`);
  return [...parts, `${unassigned.length} unassigned`].join(', ');
}

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
          list.map(({ id, name, sourceFileName }) => ({ id, name, sourceFileName })),
        );
      writeLine(
        c.io.stdout,
        formatTable([
          ['ID', 'NAME', 'SOURCE', 'RECORD'],
          ...list.map((x) => [x.id, x.name, x.sourceFileName ?? '', counts(x)]),
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

  return cmd;
}
