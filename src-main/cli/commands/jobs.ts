import { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { JobPostingDto } from '@contract';
import type { CliContext } from '../context';
import { writeJson, writeLine } from '../io';
import { addRecordCommands, day, writeList, type Shown } from './stored-records';

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
    .action(async (file: string) => {
      const c = ctx();
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        return c.fail(`${file}: cannot be read`, 2);
      }
      const job = await c.call('jobs:import', {
        file: { fileName: basename(file), dataBase64: bytes.toString('base64') },
      });
      if (c.json) return writeJson(c.io, shown(job).json);
      writeLine(c.io.stdout, `${job.id}  ${shown(job).label}`);
    });
  addRecordCommands(cmd, 'jobs', ctx, async (c, id) => shown(await c.call('jobs:get', { id })));
  return cmd;
}
