import { Command } from 'commander';
import type { DocumentDto, DocumentVersionDto, DraftKind } from '@contract';
import { candidateLines, routeSummary, sentToLines } from '@shared/route-text';
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

/** A version as `documents show` lists it: who made it, and for a provider's, why it was chosen and where the data went. */
function versionLines(v: DocumentVersionDto): string[] {
  const by = v.providerName ? ` by ${v.providerName}${v.model ? ` (${v.model})` : ''}` : '';
  const head = `v${v.version} ${v.origin}${v.offline ? ' offline' : ''} ${new Date(v.createdAt).toISOString()}${by}`;
  const lines = [head];
  if (v.providerName && v.routeReason) {
    lines.push(`  ${routeSummary(v.routeReason, v.providerName)}`);
    lines.push(...candidateLines(v.routeReason).map((l) => `    ${l}`));
  }
  if (v.sentTo) lines.push(...sentToLines(v.sentTo).map((l) => `  ${l}`));
  return lines;
}

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
    const base = shown(doc);
    return {
      ...base,
      detail: [...base.detail, `${doc.versions.length} versions`, ...doc.versions.flatMap(versionLines)],
      json: { ...(base.json as object), versions: doc.versions.map(({ text: _text, ...v }) => v) },
    };
  });
  return cmd;
}
