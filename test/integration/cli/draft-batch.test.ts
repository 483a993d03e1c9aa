import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  providerConfigInputSchema,
  type BatchEstimate,
  type BatchRunOutput,
  type ProviderConfigInput,
} from '@contract';
import { createCore } from '../../../src-main/core';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { MemorySecretStore } from '../../../src-main/secrets/memory-store';
import { startEmulator, type Emulator } from '../../emulator';
import { cli } from '../../helpers/cli';
import { ex } from '../../helpers/examples';
import { tempDir } from '../../helpers/temp';

const fixture = (name: string) => join(__dirname, '../../fixtures/drafting/candidates', name);
/** Four different candidates for one posting. */
const CANDIDATES = [
  ex('candidate.json'),
  fixture('md-german.md'),
  fixture('md-ceo-headings.md'),
  fixture('txt-spanish-dates-first.txt'),
];
/** One candidate for three postings. */
const POSTINGS = [ex('job-backend.txt'), ex('job-data.html'), ex('job-injection.txt')];

interface Price {
  model: string;
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ openMode: true });
});
afterAll(async () => {
  await emulator.close();
});
afterEach(() => emulator.reset());

/** A data folder whose one provider (the emulator, priced as gpt-4o-mini) drafts cover letters; postings are read offline. */
function workspace(provider: Partial<ProviderConfigInput> = {}) {
  const data = tempDir();
  const secrets = new MemorySecretStore();
  const core = createCore({ dataDir: data.dir, secrets, log: () => {} });
  core.services.providers.create(
    providerConfigInputSchema.parse({
      name: 'emu',
      kind: 'openai-compatible',
      model: 'gpt-4o-mini',
      baseUrl: `${emulator.url}/v1`,
      tasks: ['cover_letter'],
      region: 'local',
      timeoutMs: 10_000,
      maxOutputTokens: 800,
      ...provider,
    }),
    undefined,
    'test@cli',
  );
  core.close();
  const run = (args: string[], stdin?: string) =>
    cli(['--data-dir', data.dir, ...args], { secrets, ...(stdin === undefined ? {} : { stdin }) });
  return { data, run };
}

const batchArgs = (candidates: string[], postings: string[]) => [
  'draft',
  'batch',
  '--kind',
  'cover-letter',
  '--candidate',
  ...candidates,
  '--job',
  ...postings,
];

const chatCalls = () => emulator.requests().filter((r) => r.path.endsWith('/chat/completions'));

describe('aditus draft batch (CLI against the emulator)', () => {
  const folders: { dir: string; cleanup: () => void }[] = [];
  afterAll(() => folders.forEach((f) => f.cleanup()));
  const open = (provider?: Partial<ProviderConfigInput>) => {
    const w = workspace(provider);
    folders.push(w.data);
    return w.run;
  };

  it('--estimate-only prints per item and in total what the price table says for the routed provider, and sends nothing', async () => {
    const run = open();
    const r = await run([...batchArgs(CANDIDATES.slice(0, 3), [POSTINGS[0]!]), '--estimate-only', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const { estimate } = r.json<{ estimate: BatchEstimate }>();
    const prices = (await run(['prices', 'list', '--json'])).json<Price[]>();
    const price = prices.find((p) => p.model === 'gpt-4o-mini')!;
    expect(estimate.estimated).toBe(true);
    expect(estimate.items).toHaveLength(3);
    for (const item of estimate.items) {
      expect(item.draft.providerName).toBe('emu');
      expect(item.draft.inputTokens).toBeGreaterThan(100);
      expect(item.draft.maxOutputTokens).toBe(800); // the provider's cap is below the request's 4,096
      const usd = (item.draft.inputTokens * price.inputUsdPerMTok + 800 * price.outputUsdPerMTok) / 1e6;
      expect(item.draft.costUsd).toBeCloseTo(usd, 6);
    }
    expect(estimate.total.inputTokens).toBe(estimate.items.reduce((s, i) => s + i.draft.inputTokens, 0));
    expect(estimate.total.maxOutputTokens).toBe(2400);
    expect(estimate.total.costUsd).toBeCloseTo(
      estimate.items.reduce((s, i) => s + (i.draft.costUsd ?? 0), 0),
      6,
    );
    expect(r.stderr).toMatch(/Estimate \(an upper bound/u);
    expect(r.stderr).toMatch(/Total: ~[\d,]+ in \+ up to 2,400 out tokens, ~\$/u);
    expect(chatCalls()).toHaveLength(0);
    // The estimate is not confirmed: nothing runs.
    const declined = await run(batchArgs(CANDIDATES.slice(0, 3), [POSTINGS[0]!]), 'n\n');
    expect(declined.code).toBe(0);
    expect(declined.stderr).toContain('Not started.');
    expect(chatCalls()).toHaveLength(0);
  });

  it('runs at most --concurrency drafts at a time, and each item is a stored document version', async () => {
    const run = open();
    emulator.pushFaults({ latencyMs: 400, times: 4 });
    const r = await run([...batchArgs(CANDIDATES, [POSTINGS[0]!]), '--concurrency', '2', '--yes', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = r.json<BatchRunOutput>();
    expect(out.counts).toEqual({ done: 4, failed: 0, queued: 0, cancelled: 0 });
    expect(chatCalls()).toHaveLength(4);
    expect(emulator.maxConcurrentRequests()).toBe(2);
    // One line per item as it finishes, then the counts.
    expect(r.stderr.match(/^\[\d\/4\] done/gmu)).toHaveLength(4);
    expect(r.stderr).toContain('4 item(s): 4 done, 0 failed, 0 queued, 0 cancelled.');
    for (const item of out.items) {
      expect(item.providerName).toBe('emu');
      const doc = await run(['documents', 'show', item.documentId!, '--json']);
      expect(doc.code, doc.stderr).toBe(0);
      expect(doc.json<{ dependents: { versions: number } }>().dependents.versions).toBe(item.version);
    }
  });

  it('an item sends what a single `draft cover-letter` of the same pair sends, and stores a version the same way', async () => {
    const run = open();
    const reply = { text: 'Dear Northwind team, I build reliable Go services.', usage: { input: 900, output: 40 } };
    emulator.pushReplies(reply);
    const batch = await run([...batchArgs([CANDIDATES[0]!], [POSTINGS[0]!]), '--yes', '--json']);
    expect(batch.code, batch.stderr).toBe(0);
    const item = batch.json<BatchRunOutput>().items[0]!;
    expect(item).toMatchObject({ status: 'done', version: 1, inputTokens: 900, outputTokens: 40 });
    emulator.pushReplies(reply);
    const dir = folders.at(-1)!.dir;
    const single = await run([
      'draft',
      'cover-letter',
      '--candidate',
      CANDIDATES[0]!,
      '--job',
      POSTINGS[0]!,
      '--out',
      join(dir, 'single.md'),
      '--no-validate',
      '--json',
    ]);
    expect(single.code, single.stderr).toBe(0);
    const [fromBatch, fromSingle] = chatCalls().map((r) => (r.body as { messages: unknown }).messages);
    expect(fromBatch).toEqual(fromSingle);
    const core = createCore({ dataDir: dir, secrets: new MemorySecretStore(), log: () => {} });
    try {
      const documents = core.services.drafting.repos.documents;
      const [a, b] = [item.documentId!, single.json<{ documentId: string }>().documentId].map((id) =>
        documents.get(id),
      );
      expect(a!.versions).toHaveLength(1);
      expect(a!.draftText).toBe(b!.draftText);
      expect(a!.versions[0]).toMatchObject({ origin: 'generated', providerName: 'emu', model: b!.versions[0]!.model });
      expect(b!.versions[0]!.origin).toBe('generated');
    } finally {
      core.close();
    }
  });

  it('a posting with no fields yet is extracted once, before its drafts, and the estimate counts that call once', async () => {
    const run = open({ tasks: ['cover_letter', 'extraction'] });
    const args = batchArgs(CANDIDATES.slice(0, 3), [POSTINGS[0]!]);
    const { estimate } = (await run([...args, '--estimate-only', '--json'])).json<{ estimate: BatchEstimate }>();
    expect(estimate.extractions).toHaveLength(1);
    expect(estimate.extractions[0]).toMatchObject({ task: 'extraction', providerName: 'emu' });
    expect(estimate.total.maxOutputTokens).toBe(4 * 800);
    const fields = extractJobFieldsOffline(readFileSync(POSTINGS[0]!, 'utf8'));
    emulator.pushReplies(JSON.stringify(fields));
    const r = await run([...args, '--concurrency', '3', '--yes', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json<BatchRunOutput>().counts.done).toBe(3);
    const calls = chatCalls().map((c) => JSON.stringify(c.body));
    expect(calls).toHaveLength(4);
    expect(calls.filter((body) => body.includes('You extract structured fields from job postings')).length).toBe(1);
    expect(calls[0]).toContain('You extract structured fields from job postings');
  });

  it('a provider error on one item is that item’s reason; the others are drafted; the exit status is 1', async () => {
    const run = open();
    emulator.pushFaults({ status: 400, message: 'The prompt was refused by the emulator.' });
    const r = await run([...batchArgs([CANDIDATES[0]!], POSTINGS), '--concurrency', '1', '--yes', '--json']);
    expect(r.code).toBe(1);
    const out = r.json<BatchRunOutput>();
    expect(out.counts).toEqual({ done: 2, failed: 1, queued: 0, cancelled: 0 });
    const failed = out.items.find((i) => i.status === 'failed')!;
    expect(failed.reason?.code).toBe('provider_error');
    expect(failed.reason?.message).toContain('The prompt was refused by the emulator.');
    expect(failed.documentId).toBeNull();
    expect(r.stderr).toMatch(/failed\s+Lea Sørensen — .*refused by the emulator/u);
  });

  it('a daily token budget that runs out mid-batch refuses the items it cannot hold, with the reason; earlier ones stand', async () => {
    // Each answer uses 2,000 tokens; the limit holds two answers and the largest reservation, not a third.
    const estimateRun = open();
    const est = (await estimateRun([...batchArgs([CANDIDATES[0]!], POSTINGS), '--estimate-only', '--json'])).json<{
      estimate: BatchEstimate;
    }>().estimate;
    const reservations = est.items.map((i) => i.draft.inputTokens + i.draft.maxOutputTokens);
    const limit = 2_000 + Math.max(...reservations) + 10;
    expect(4_000 + reservations[2]!).toBeGreaterThan(limit); // the third cannot fit
    const run = open({ dailyTokenLimit: limit, onLimit: 'error' });
    emulator.pushReplies(
      { text: 'Dear team, I build Go services.', usage: { input: 1_000, output: 1_000 } },
      { text: 'Dear team, I analyse data.', usage: { input: 1_000, output: 1_000 } },
    );
    const r = await run([...batchArgs([CANDIDATES[0]!], POSTINGS), '--concurrency', '1', '--yes', '--json']);
    expect(r.code).toBe(1);
    const out = r.json<BatchRunOutput>();
    expect(out.items.map((i) => i.status)).toEqual(['done', 'done', 'failed']);
    expect(out.items[2]!.reason?.code).toBe('budget_exceeded');
    expect(chatCalls()).toHaveLength(2);
  });

  it('a budget whose limit behaviour is queue queues the items it cannot hold (exit status 3), each with its queue id', async () => {
    const run = open({ dailyTokenLimit: 100, onLimit: 'queue' });
    const r = await run([...batchArgs(CANDIDATES.slice(0, 2), [POSTINGS[0]!]), '--yes', '--json']);
    expect(r.code, r.stderr).toBe(3);
    const out = r.json<BatchRunOutput>();
    expect(out.counts).toEqual({ done: 0, failed: 0, queued: 2, cancelled: 0 });
    const queue = (await run(['queue', 'list', '--json'])).json<{ id: string }[]>();
    expect(out.items.map((i) => i.queued?.outboxId).sort()).toEqual(queue.map((q) => q.id).sort());
    expect(out.items.every((i) => i.documentId !== null && i.queued?.why === 'budget')).toBe(true);
    expect(chatCalls()).toHaveLength(0);
  });

  it('with no provider at all the offline drafter drafts every item, cover letters and CVs', async () => {
    const data = tempDir();
    folders.push(data);
    const r = await cli([
      '--data-dir',
      data.dir,
      ...batchArgs(CANDIDATES.slice(0, 2), [POSTINGS[0]!]),
      '--yes',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const out = r.json<BatchRunOutput & { estimate: BatchEstimate }>();
    expect(out.estimate.total.costUsd).toBe(0);
    expect(out.items.every((i) => i.status === 'done' && i.offline && i.version === 1)).toBe(true);
    const cvs = await cli([
      '--data-dir',
      data.dir,
      ...batchArgs([CANDIDATES[0]!], POSTINGS.slice(0, 2)).map((a) => (a === 'cover-letter' ? 'cv' : a)),
      '--yes',
      '--json',
    ]);
    expect(cvs.code, cvs.stderr).toBe(0);
    expect(cvs.json<BatchRunOutput>().items.map((i) => [i.status, i.providerName])).toEqual([
      ['done', 'builtin'],
      ['done', 'builtin'],
    ]);
  });
});
