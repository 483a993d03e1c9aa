import { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { JobPostingDto } from '@contract';
import type { CliContext } from '../context';
import { writeJson, writeLine } from '../io';
import { addRecordCommands, day, EXIT_DUPLICATE, writeList, type Shown } from './stored-records';

const shown = (x: JobPostingDto): Shown => ({
  id: x.id,
  label: x.title ?? '(untitled)',
  detail: [x.company ?? '', x.sourceFileName ?? '', day(x.createdAt)],
  json: { id: x.id, title: x.title, company: x.company, sourceFileName: x.sourceFileName, createdAt: x.createdAt },
});

/** `aditus jobs …`: stored job postings. */
export function jobsCommand(ctx: () => CliContext): Command {
  const cmd = new Command('jobs').description('stored job postings');
  cmd
    .command('list')
    .description('stored job postings, newest first')
    .action(async () => {
      const c = ctx();
      writeList(c, (await c.call('jobs:list', {})).map(shown), ['ID', 'TITLE', 'COMPANY', 'SOURCE', 'IMPORTED']);
    });
  cmd
    .command('import')
    .description('store a job posting from a file (.txt .html .pdf .png .jpg .webp) without extracting it')
    .argument('<file>')
    .option('--as-new', 'store it even when a posting with the same text (or image) is stored')
    .addHelpText(
      'after',
      `\nA posting with the same text (or image) already stored: nothing is stored, the stored posting is named, ` +
        `and the exit status is ${EXIT_DUPLICATE}, unless --as-new is given.`,
    )
    .action(async (file: string, flags: { asNew?: boolean }) => {
      const c = ctx();
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        return c.fail(`${file}: cannot be read`, 2);
      }
      const job = await c.call('jobs:import', {
        file: { fileName: basename(file), dataBase64: bytes.toString('base64') },
        onDuplicate: flags.asNew ? 'new' : 'ask',
      });
      if ('duplicate' in job) {
        const d = job.duplicate;
        if (c.json) writeJson(c.io, job);
        const what = [d.title ?? 'Untitled posting', d.company, d.sourceFileName && `from ${d.sourceFileName}`]
          .filter(Boolean)
          .join(', ');
        writeLine(
          c.io.stderr,
          `aditus: Not imported: ${file} has the same text as posting ${d.id} (${what}, imported ${day(d.createdAt)}). ` +
            `Open it with \`aditus jobs show ${d.id}\`, or run again with --as-new to store a second posting.`,
        );
        return c.exit(EXIT_DUPLICATE);
      }
      if (c.json) return writeJson(c.io, shown(job).json);
      writeLine(c.io.stdout, `${job.id}  ${shown(job).label}`);
    });
  addRecordCommands(cmd, 'jobs', ctx, async (c, id) => shown(await c.call('jobs:get', { id })));
  return cmd;
}
