import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentDto, EventName, QueueSettledEvent, QueuedTask, ValidationReport } from '@contract';
import { startEmulator, type Emulator } from '../../emulator';
import { closedPort, routingWorld, type RoutingWorld } from '../../helpers/routing';

const EXAMPLES = join(__dirname, '../../../examples');
const file = (name: string) => ({ fileName: name, dataBase64: readFileSync(join(EXAMPLES, name)).toString('base64') });

// Where a queued draft lands, and what every window is told, through the same dispatch the hosts use.
describe('queued drafts land in their document', () => {
  let w: RoutingWorld;
  let emulator: Emulator | null = null;
  afterEach(async () => {
    await emulator?.close();
    emulator = null;
    await w.close();
  });

  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await w.core.dispatch(channel, input, w.core.localSession('web'));
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.data as T;
  };

  async function queuedCv(): Promise<{ port: number; queued: QueuedTask; document: DocumentDto }> {
    const port = await closedPort();
    w = await routingWorld(0);
    await w.addProvider('local', `http://127.0.0.1:${port}/v1`, { tasks: ['cv_draft'] });
    const candidate = await call<{ id: string }>('candidates:import', { file: file('candidate.json') });
    const job = await call<{ id: string }>('jobs:import', { file: file('job-backend.txt') });
    const out = await call<{ queued: QueuedTask; document: DocumentDto }>('drafts:generate', {
      kind: 'cv',
      candidateId: candidate.id,
      jobPostingId: job.id,
    });
    return { port, ...out };
  }

  it('keeps the text typed while it waited as a version, adds the answer as the next one, and tells every window', async () => {
    const { port, queued, document } = await queuedCv();
    expect(queued).toMatchObject({ task: 'cv_draft', why: 'offline', runsAt: null });
    expect(document.versions).toEqual([]);
    await call('documents:autosave', { id: document.id, text: 'My own notes, typed while it waited.' });

    const events: { event: EventName; payload: unknown }[] = [];
    w.core.onEvent((event, payload) => events.push({ event, payload }));
    emulator = await startEmulator({ port, openMode: true });
    // The queued CV answer is JSON citing record ids; it lands rendered against the record it was asked about.
    const ids = ['work-0', 'work-1', 'work-2', 'education-0'];
    const entries = ids.map((id) => ({
      id,
      bullets: id === 'work-0' ? [{ text: 'From the queue', sourceIds: [id] }] : [],
    }));
    emulator.pushReplies(JSON.stringify({ summary: '', skills: ['Go'], entries }));
    expect(await call('outbox:run', {})).toEqual({ done: 1 });

    const doc = await call<DocumentDto>('documents:get', { id: document.id });
    expect(doc.versions.map((v) => [v.version, v.origin])).toEqual([
      [2, 'generated'],
      [1, 'edited'],
    ]);
    expect(doc.versions[1]?.text).toBe('My own notes, typed while it waited.');
    // The version that landed from the queue keeps why its provider was chosen and where the data went.
    expect(doc.versions[0]).toMatchObject({ routeReason: { strategy: 'priority' }, sentTo: [{ masked: true }] });
    expect(doc.versions[1]).toMatchObject({ routeReason: null, sentTo: null });
    expect(doc.draftText).toMatch(/^# Lea Sørensen\n/u);
    expect(doc.draftText).toContain(
      '### Senior Backend Engineer — Brightwave Analytics GmbH\n\nBerlin, Germany · Apr 2021 – Present\n\n- From the queue',
    );
    expect(events).toEqual([
      {
        event: 'queue:settled',
        payload: {
          outboxId: queued.outboxId,
          task: 'cv_draft',
          status: 'done',
          label: document.title,
          message: `${document.title}: the drafted text is saved as a new version.`,
          documentId: document.id,
          jobPostingId: null,
        } satisfies QueueSettledEvent,
      },
    ]);
  });

  it("a document's validation stores the local checks now, and the provider's review merged in when it lands", async () => {
    const port = await closedPort();
    w = await routingWorld(0);
    await w.addProvider('reviewer', `http://127.0.0.1:${port}/v1`, { tasks: ['validation'] });
    const candidate = await call<{ id: string }>('candidates:import', { file: file('candidate.json') });
    const job = await call<{ id: string }>('jobs:import', { file: file('job-backend.txt') });
    // No provider drafts: the built-in drafter writes the CV.
    const { document } = await call<{ document: DocumentDto }>('drafts:generate', {
      kind: 'cv',
      candidateId: candidate.id,
      jobPostingId: job.id,
    });
    const now = await call<{ report: ValidationReport; meta: null; queued: QueuedTask }>('drafts:validate', {
      documentId: document.id,
    });
    expect(now.queued).toMatchObject({ task: 'validation', why: 'offline', runsAt: null });
    expect(await call('documents:validation', { documentId: document.id })).toMatchObject({
      providerName: null,
      report: now.report,
    });
    const [item] = await call<{ label: string }[]>('outbox:list', {});
    expect(item?.label).toBe(`Validation of ${document.title}`);

    emulator = await startEmulator({ port, openMode: true });
    const review = { severity: 'warning', message: 'The summary repeats the title.', evidence: null };
    emulator.pushReplies(JSON.stringify({ findings: [review] }));
    expect(await call('outbox:run', {})).toEqual({ done: 1 });
    const stored = await call<{ providerName: string; report: ValidationReport }>('documents:validation', {
      documentId: document.id,
    });
    expect(stored.providerName).toBe('reviewer');
    expect(stored.report.offline).toBe(false);
    expect(stored.report.findings.map((f) => f.message)).toContain('The summary repeats the title.');
    expect(stored.report.findings.length).toBe(now.report.findings.length + 1);
  });

  it('a draft whose posting cannot be extracted now (a limit that queues) reads it with the built-in rules and is queued itself', async () => {
    const port = await closedPort();
    w = await routingWorld(0);
    await w.addProvider('capped', `http://127.0.0.1:${port}/v1`, {
      tasks: ['extraction'],
      dailyTokenLimit: 100,
      onLimit: 'queue',
    });
    await w.addProvider('local', `http://127.0.0.1:${port}/v1`, { tasks: ['cv_draft'] });
    const candidate = await call<{ id: string }>('candidates:import', { file: file('candidate.json') });
    const job = await call<{ id: string }>('jobs:import', { file: file('job-backend.txt') });
    const out = await call<{ queued: QueuedTask }>('drafts:generate', {
      kind: 'cv',
      candidateId: candidate.id,
      jobPostingId: job.id,
    });
    expect(out.queued).toMatchObject({ task: 'cv_draft', why: 'offline' });
    const [posting] = await call<{ id: string; extractedBy: string }[]>('jobs:list', {});
    expect(posting).toMatchObject({ id: job.id, extractedBy: 'builtin' });
    expect((await call<{ task: string }[]>('outbox:list', {})).map((i) => i.task)).toEqual(['cv_draft']);
  });

  it('a cancelled draft never runs and nothing lands', async () => {
    const { port, queued, document } = await queuedCv();
    expect(await call('outbox:cancel', { id: queued.outboxId })).toEqual({ cancelled: true });
    emulator = await startEmulator({ port, openMode: true });
    emulator.pushReplies('never sent');
    expect(await call('outbox:run', {})).toEqual({ done: 0 });
    expect(emulator.requests()).toEqual([]);
    expect((await call<DocumentDto>('documents:get', { id: document.id })).versions).toEqual([]);
  });
});
