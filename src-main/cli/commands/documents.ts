import { Command } from 'commander';
import type { DocumentDto } from '@contract';
import type { CliContext } from '../context';
import { addRecordCommands, day, writeList, type Shown } from './stored-records';

const shown = (x: DocumentDto): Shown => ({
  id: x.id,
  label: x.title,
  detail: [x.kind, x.candidateId, day(x.updatedAt)],
  json: {
    id: x.id,
    title: x.title,
    kind: x.kind,
    candidateId: x.candidateId,
    jobPostingId: x.jobPostingId,
    updatedAt: x.updatedAt,
  },
});

/** `aditus documents …`: stored CVs and cover letters. */
export function documentsCommand(ctx: () => CliContext): Command {
  const cmd = new Command('documents').description('stored documents (CVs, cover letters) and their versions');
  cmd
    .command('list')
    .description('stored documents, newest first')
    .option('--candidate <id>', "only this candidate's")
    .action(async (flags: { candidate?: string }) => {
      const c = ctx();
      const list = await c.call('documents:list', flags.candidate ? { candidateId: flags.candidate } : {});
      writeList(c, list.map(shown), ['ID', 'TITLE', 'KIND', 'CANDIDATE', 'UPDATED']);
    });
  addRecordCommands(cmd, 'documents', ctx, async (c, id) => {
    const doc = await c.call('documents:get', { id });
    return { ...shown(doc), detail: [...shown(doc).detail, `${doc.versions.length} versions`] };
  });
  return cmd;
}
