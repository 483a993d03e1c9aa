import { randomUUID } from 'node:crypto';
import { Command, Option } from 'commander';
import {
  BATCH_DEFAULT_CONCURRENCY,
  BATCH_MAX_CONCURRENCY,
  type BatchEstimate,
  type BatchItemResult,
  type BatchRunOutput,
  type CallEstimate,
  type DraftKind,
} from '@contract';
import { formatInteger, formatUsd } from '@shared/display-format';
import type { CliContext } from '../context';
import { CliExit, writeJson, writeLine, type CliIo } from '../io';
import { uploadOf as upload } from '../upload';
import { postingId, storedCandidate } from '../stored-inputs';

/** Exit statuses of `draft batch`, worst first: any failed item, then a cancel, then any queued item. */
const EXIT_FAILED = 1;
const EXIT_CANCELLED = 130;
const EXIT_QUEUED = 3;

const EXIT_HELP = `
The estimate is an upper bound per item: the input tokens the budgets estimate for the request plus the most output
tokens it may use, priced with the price table for the provider the router would use now. It asks before it starts
(--yes does not ask; --estimate-only prints it and stops).

Every item is tried: a failure or budget refusal fails that item only. Ctrl-C cancels: items not started are
cancelled, running ones stop as a single draft's Stop does.

Exit status:
  0    every item drafted (or --estimate-only, or the estimate was not confirmed)
  1    at least one item failed (its reason is in the output)
  130  cancelled (Ctrl-C) and no item failed
  3    no item failed or was cancelled, but at least one was queued`;

interface BatchFlags {
  kind: 'cv' | 'cover-letter';
  candidate?: string[];
  candidateId?: string[];
  job?: string[];
  jobId?: string[];
  provider?: string;
  concurrency: string;
  yes?: boolean;
  estimateOnly?: boolean;
}

const usd = (cost: number | null): string => (cost === null ? 'unpriced' : `~${formatUsd(cost)}`);

function callText(call: CallEstimate): string {
  if (call.providerName === null) return call.note ?? 'offline drafter';
  return `${call.providerName} (${call.model ?? '?'}): ~${formatInteger(call.inputTokens)} in + up to ${formatInteger(call.maxOutputTokens)} out tokens, ${usd(call.costUsd)}`;
}

/** The estimate as a person reads it, marked as one. */
export function estimateLines(estimate: BatchEstimate): string[] {
  const lines = [`Estimate (an upper bound; providers report what they use) for ${estimate.items.length} item(s):`];
  for (const e of estimate.extractions) lines.push(`  extract ${e.label}: ${callText(e)}`);
  for (const item of estimate.items) lines.push(`  ${item.index + 1}. ${item.label}: ${callText(item.draft)}`);
  const { total } = estimate;
  const unpriced = total.unpricedCalls ? ` (+ ${total.unpricedCalls} unpriced call(s))` : '';
  lines.push(
    `Total: ~${formatInteger(total.inputTokens)} in + up to ${formatInteger(total.maxOutputTokens)} out tokens, ~${formatUsd(total.costUsd)}${unpriced}`,
  );
  return lines;
}

function itemLine(item: BatchItemResult, done: number, total: number): string {
  const head = `[${done}/${total}] ${item.status.padEnd(9)} ${item.label}`;
  switch (item.status) {
    case 'done': {
      const by = item.offline
        ? 'offline drafter'
        : `${item.providerName ?? '?'}, ${usd(item.costUsd).replace('~', '')}`;
      return `${head}: document ${item.documentId ?? '?'} version ${item.version ?? '?'} (${by})`;
    }
    case 'queued':
      return `${head}: ${item.queued?.message ?? 'queued'} (queue id ${item.queued?.outboxId ?? '?'}, document ${item.documentId ?? '?'})`;
    default: {
      const kept = item.documentId ? ` (document ${item.documentId} version ${item.version ?? '?'})` : '';
      return `${head}: ${item.reason?.message ?? ''}${kept}`;
    }
  }
}

async function confirm(io: CliIo, question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: false });
  io.stderr.write(question);
  try {
    const answer = await new Promise<string>((resolve) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(''));
    });
    return /^y(es)?$/iu.test(answer.trim());
  } finally {
    rl.close();
  }
}

/** The stored ids a batch drafts for: files imported as `draft cv` imports them, plus ids given as they are. */
async function storedIds(
  c: CliContext,
  flags: BatchFlags,
): Promise<{ candidateIds: string[]; jobPostingIds: string[] }> {
  const candidateIds = [...(flags.candidateId ?? [])];
  for (const file of flags.candidate ?? []) candidateIds.push((await storedCandidate(c, await upload(c, file))).id);
  const jobPostingIds = [...(flags.jobId ?? [])];
  for (const file of flags.job ?? [])
    jobPostingIds.push(postingId(await c.call('jobs:import', { file: await upload(c, file), onDuplicate: 'ask' })));
  if (candidateIds.length === 0) c.fail('give --candidate <file...> or --candidate-id <id...>', 2);
  if (jobPostingIds.length === 0) c.fail('give --job <file...> or --job-id <id...>', 2);
  return { candidateIds, jobPostingIds };
}

function exitStatus(out: BatchRunOutput): number {
  if (out.counts.failed > 0) return EXIT_FAILED;
  if (out.counts.cancelled > 0) return EXIT_CANCELLED;
  if (out.counts.queued > 0) return EXIT_QUEUED;
  return 0;
}

async function runBatch(c: CliContext, flags: BatchFlags): Promise<void> {
  const concurrency = Number(flags.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > BATCH_MAX_CONCURRENCY)
    c.fail(`--concurrency must be 1–${BATCH_MAX_CONCURRENCY}`, 2);
  const kind: DraftKind = flags.kind === 'cv' ? 'cv' : 'cover_letter';
  const pairs = { kind, ...(await storedIds(c, flags)), ...(flags.provider ? { provider: flags.provider } : {}) };
  const estimate = await c.call('drafts:batch-estimate', pairs);
  // With --json the estimate is data; the person still reads it (and the question) on stderr.
  const human = c.json ? c.io.stderr : c.io.stdout;
  for (const line of estimateLines(estimate)) writeLine(human, line);
  if (flags.estimateOnly) {
    if (c.json) writeJson(c.io, { estimate });
    return;
  }
  if (!flags.yes && !(await confirm(c.io, `Draft ${estimate.items.length} item(s)? [y/N] `))) {
    writeLine(c.io.stderr, 'Not started.');
    if (c.json) writeJson(c.io, { estimate, started: false });
    return;
  }
  const batchId = randomUUID();
  const total = estimate.items.length;
  let finished = 0;
  const core = await c.ready();
  const session = c.session(await c.adminToken());
  const onSigint = () => {
    writeLine(c.io.stderr, 'Cancelling: items not started are cancelled, running ones stopped…');
    void core.dispatch('drafts:batch-cancel', { batchId }, session);
  };
  process.once('SIGINT', onSigint);
  let out: BatchRunOutput;
  try {
    out = await c.callAs(session, 'drafts:batch-run', { ...pairs, batchId, concurrency }, (event, payload) => {
      if (event !== 'batch:item') return;
      const { item } = payload as { item: BatchItemResult };
      if (item.status === 'running' || item.status === 'pending') return;
      writeLine(human, itemLine(item, ++finished, total));
    });
  } finally {
    process.off('SIGINT', onSigint);
  }
  const { done, failed, queued, cancelled } = out.counts;
  writeLine(
    human,
    `${total} item(s): ${done} done, ${failed} failed, ${queued} queued, ${cancelled} cancelled${out.cancelled ? ' (the batch was cancelled)' : ''}.`,
  );
  if (c.json) writeJson(c.io, { estimate, ...out });
  const status = exitStatus(out);
  if (status !== 0) throw new CliExit(status);
}

export function draftBatchCommand(ctx: () => CliContext): Command {
  return new Command('batch')
    .description('draft CVs or cover letters for many candidates × one posting, or one candidate × many postings')
    .addOption(new Option('--kind <kind>', 'what to draft').choices(['cv', 'cover-letter']).makeOptionMandatory())
    .option('--candidate <files...>', 'candidates: JSON Resume, JSON profile or CV files (imported as `draft cv` does)')
    .option('--candidate-id <ids...>', 'stored candidates, by id')
    .option('--job <files...>', 'job postings (.txt .html .pdf .png .jpg .webp)')
    .option('--job-id <ids...>', 'stored job postings, by id')
    .option('--provider <name>', 'only this provider for the drafts')
    .option('--concurrency <n>', `drafts at a time (1–${BATCH_MAX_CONCURRENCY})`, String(BATCH_DEFAULT_CONCURRENCY))
    .option('--yes', 'start without asking after the estimate')
    .option('--estimate-only', 'print the estimate and stop')
    .addHelpText('after', EXIT_HELP)
    .action((flags: BatchFlags) => runBatch(ctx(), flags));
}
