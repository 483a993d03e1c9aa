import { Command } from 'commander';
import type { JobPostingDto } from '@contract';
import type { CliContext } from '../context';
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
  addRecordCommands(cmd, 'jobs', ctx, async (c, id) => shown(await c.call('jobs:get', { id })));
  return cmd;
}
