import { Command, Option } from 'commander';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { AnswerMeta, DraftKind, ExportFormat } from '@contract';
import type { CliContext } from '../context';
import { CliExit, writeJson, writeLine } from '../io';
import { mapLimit, progressBar } from '../progress';
import { EXIT_ERROR_FINDINGS, EXIT_STATUS_HELP, errorFindings, findingLines } from './findings';
import { uploadOf as upload } from '../upload';
import { draftBatchCommand } from './draft-batch';
import { postingId, storedCandidate } from '../stored-inputs';

/** `draft` exit status when the task was queued and no file was written. */
const EXIT_QUEUED = 3;

function describeMeta(meta: AnswerMeta): string {
  if (meta.offline) return `offline drafter (${meta.note ?? 'no provider'})`;
  const cost = meta.costUsd === null ? 'unpriced' : `$${meta.costUsd.toFixed(6)}`;
  const trail = meta.attempts.filter((a) => a.outcome !== 'ok');
  const mark = meta.estimated ? '~' : ''; // estimated counts, as `usage events` marks them
  const reason = meta.routeReason;
  const routed =
    reason && reason.strategy !== 'priority'
      ? `; routed by ${reason.strategy}${reason.explored ? ' (exploring the second choice)' : ''}`
      : '';
  return `${meta.providerName} (${meta.model ?? '?'}), ${meta.inputTokens}${mark}+${meta.outputTokens}${mark} tokens, ${cost}${
    trail.length ? `; before it: ${trail.map((a) => `${a.providerName} ${a.reason ?? a.outcome}`).join(', ')}` : ''
  }${routed}`;
}

async function extractOne(c: CliContext, file: string, provider: string | undefined) {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { ok: false as const, error: `${file}: cannot be read` };
  }
  const job = await c.result('jobs:import', {
    file: { fileName: basename(file), dataBase64: bytes.toString('base64') },
    onDuplicate: 'new',
  });
  if (!job.ok) return { ok: false as const, error: job.error.message };
  const jobId = postingId(job.data);
  const extracted = await c.result('jobs:extract', { id: jobId, ...(provider ? { provider } : {}) });
  if (!extracted.ok) return { ok: false as const, error: extracted.error.message };
  if ('queued' in extracted.data) return { ok: true as const, jobId, fields: null, queued: extracted.data.queued };
  const { job: stored, meta } = extracted.data;
  return {
    ok: true as const,
    jobId: stored.id,
    fields: stored.fields,
    providerName: meta.providerName,
    offline: meta.offline,
  };
}

export function extractCommand(ctx: () => CliContext): Command {
  return new Command('extract')
    .description(
      'extract structured fields from job postings (.txt .html .pdf .png .jpg .webp); one JSON line per file',
    )
    .argument('<files...>', 'job posting files')
    .option('--concurrency <n>', 'files at a time', '4')
    .option('--provider <name>', 'only this provider')
    .action(async (files: string[], flags: { concurrency: string; provider?: string }) => {
      const c = ctx();
      const limit = Number(flags.concurrency);
      if (!Number.isInteger(limit) || limit < 1 || limit > 32) c.fail('--concurrency must be 1–32', 2);
      const bar = progressBar(c.io.stderr, files.length);
      let failed = 0;
      await mapLimit(files, limit, async (file) => {
        const outcome = await extractOne(c, file, flags.provider);
        if (!outcome.ok) {
          failed++;
          writeLine(c.io.stderr, `aditus: ${outcome.error}`);
        }
        const queued = 'queued' in outcome ? outcome.queued : undefined;
        if (queued) writeLine(c.io.stderr, `${file}: ${queued.message} (queue id ${queued.outboxId})`);
        writeLine(c.io.stdout, JSON.stringify({ file, ...outcome }));
        bar.step(basename(file));
      });
      if (failed) {
        writeLine(c.io.stderr, `${failed} of ${files.length} file(s) failed.`);
        throw new CliExit(1);
      }
    });
}

function draftSubcommand(ctx: () => CliContext, name: string, kind: DraftKind): Command {
  return new Command(name)
    .description(`draft a ${kind === 'cv' ? 'CV' : 'cover letter'} for a candidate and a job posting`)
    .requiredOption('--candidate <file>', 'candidate: JSON Resume, JSON profile or CV (.txt .md .docx .pdf)')
    .requiredOption('--job <file>', 'job posting (.txt .html .pdf .png .jpg .webp)')
    .requiredOption('--out <file>', 'output: .md, .docx or .pdf')
    .option('--provider <name>', 'only this provider')
    .option('--no-validate', 'skip validating the draft against the posting and the candidate')
    .addHelpText(
      'after',
      `\nThe draft is validated by default; its findings go to stderr. The file is written either way.${EXIT_STATUS_HELP}\n  ${EXIT_QUEUED}  queued (every provider offline, or a limit that queues): nothing written; see \`aditus queue list\``,
    )
    .action(async (flags: { candidate: string; job: string; out: string; provider?: string; validate: boolean }) => {
      const c = ctx();
      const format = extname(flags.out).slice(1).toLowerCase() as ExportFormat;
      if (!['md', 'docx', 'pdf'].includes(format)) c.fail('--out must end in .md, .docx or .pdf', 2);
      const candidate = await storedCandidate(c, await upload(c, flags.candidate));
      // The same posting stored before is drafted for as stored (with any fields corrected by hand).
      const job = await c.call('jobs:import', { file: await upload(c, flags.job), onDuplicate: 'ask' });
      const generated = await c.call('drafts:generate', {
        kind,
        candidateId: candidate.id,
        jobPostingId: postingId(job),
        ...(flags.provider ? { provider: flags.provider } : {}),
      });
      if ('queued' in generated) {
        const { queued, document } = generated;
        if (c.json) writeJson(c.io, { out: null, documentId: document.id, queued });
        else
          writeLine(
            c.io.stdout,
            `${queued.message} Queue id ${queued.outboxId}; the draft lands as a new version of "${document.title}" (document ${document.id}); ${flags.out} was not written.`,
          );
        throw new CliExit(EXIT_QUEUED);
      }
      const { document, meta } = generated;
      const file = await c.call('documents:export', { documentId: document.id, format });
      await writeFile(flags.out, Buffer.from(file.dataBase64, 'base64'), { mode: 0o600 });
      // The validation task routes as usual: --provider names the drafting provider.
      const validation = flags.validate ? await c.call('drafts:validate', { documentId: document.id }) : null;
      const report = validation?.report ?? null;
      if (validation?.queued)
        writeLine(
          c.io.stderr,
          `The provider's review of the draft: ${validation.queued.message} (queue id ${validation.queued.outboxId}); the local checks follow.`,
        );
      if (c.json) writeJson(c.io, { out: flags.out, documentId: document.id, meta, validation: report });
      else {
        writeLine(c.io.stdout, `Wrote ${flags.out}: ${document.title}`);
        writeLine(c.io.stderr, meta ? describeMeta(meta) : 'Stopped before the end: the draft is incomplete.');
      }
      if (!report) return;
      const errors = errorFindings(report);
      writeLine(c.io.stderr, `Validation: ${findingLines(report).join('\n')}`);
      if (errors > 0) {
        writeLine(c.io.stderr, `${errors} finding(s) with severity error; ${flags.out} was written anyway.`);
        throw new CliExit(EXIT_ERROR_FINDINGS);
      }
    });
}

export function draftCommand(ctx: () => CliContext): Command {
  return new Command('draft')
    .description('draft a tailored CV or cover letter (the offline drafter when no provider answers)')
    .addCommand(draftSubcommand(ctx, 'cv', 'cv'))
    .addCommand(draftSubcommand(ctx, 'cover-letter', 'cover_letter'))
    .addCommand(draftBatchCommand(ctx));
}

export function validateCommand(ctx: () => CliContext): Command {
  return new Command('validate')
    .description('check a draft against a job posting and the candidate source (unsupported claims, coverage, …)')
    .requiredOption('--cv <file>', 'the draft (.md .txt .docx .pdf)')
    .requiredOption('--job <file>', 'the job posting (.txt .html .pdf)')
    .option('--candidate <file>', "the candidate's source, to find claims it does not support")
    .addOption(new Option('--kind <kind>', 'what the draft is').choices(['cv', 'cover_letter']).default('cv'))
    .addHelpText('after', EXIT_STATUS_HELP)
    .action(async (flags: { cv: string; job: string; candidate?: string; kind: DraftKind }) => {
      const c = ctx();
      const { report } = await c.call('drafts:check', {
        kind: flags.kind,
        draft: await upload(c, flags.cv),
        job: await upload(c, flags.job),
        ...(flags.candidate ? { candidate: await upload(c, flags.candidate) } : {}),
      });
      if (c.json) writeJson(c.io, report);
      else for (const line of findingLines(report)) writeLine(c.io.stdout, line);
      if (errorFindings(report) > 0) throw new CliExit(EXIT_ERROR_FINDINGS);
    });
}
