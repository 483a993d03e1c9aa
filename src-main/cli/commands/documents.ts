import { Command } from 'commander';
import type { DocumentDto, DraftKind } from '@contract';
import type { CliContext } from '../context';
import { writeJson, writeLine } from '../io';
import { uploadOf } from '../upload';
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
  cmd
    .command('import <file>')
    .description("store a draft written elsewhere (.md .txt .docx .pdf) as a candidate's document (version 1)")
    .requiredOption('--candidate <id>', 'the candidate it is for')
    .option('--kind <kind>', 'cv or cover-letter', 'cv')
    .option('--job <id>', 'the job posting it is for')
    .option('--title <title>', 'its name (default: the file name)')
    .action(async (file: string, flags: { candidate: string; kind: string; job?: string; title?: string }) => {
      const c = ctx();
      const kinds: Record<string, DraftKind> = { cv: 'cv', 'cover-letter': 'cover_letter' };
      const kind = kinds[flags.kind];
      if (!kind) return c.fail(`--kind must be cv or cover-letter, not "${flags.kind}"`, 2);
      const doc = await c.call('documents:import', {
        kind,
        candidateId: flags.candidate,
        file: await uploadOf(c, file),
        ...(flags.job ? { jobPostingId: flags.job } : {}),
        ...(flags.title ? { title: flags.title } : {}),
      });
      if (c.json) return writeJson(c.io, shown(doc).json);
      writeLine(c.io.stdout, `Imported ${doc.id}: "${doc.title}" (${doc.kind}, version 1 from ${file}).`);
    });
  addRecordCommands(cmd, 'documents', ctx, async (c, id) => {
    const doc = await c.call('documents:get', { id });
    return { ...shown(doc), detail: [...shown(doc).detail, `${doc.versions.length} versions`] };
  });
  return cmd;
}
