import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentDto, JobPostingDto } from '@contract';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { startEmulator, type Emulator } from '../../emulator';
import { cli } from '../../helpers/cli';
import { draftCvArgs, ex } from '../../helpers/examples';
import { testCore } from '../../helpers/core';
import { closedPort, routingWorld, type RoutingWorld } from '../../helpers/routing';

interface QueueItem {
  id: string;
  task: string;
  status: string;
  attempts: number;
  nextAttemptAt: number;
  label: string | null;
  lastError: string | null;
}

const JOB = ex('job-backend.txt');
const fieldsWithTitle = (title: string) =>
  JSON.stringify({ ...extractJobFieldsOffline(readFileSync(JOB, 'utf8')), title });

// "Queue until reset" and "every provider offline" through the real CLI: the task waits in the outbox, is listed
// and can be cancelled, and lands where it was asked for once a provider answers or the budget resets.
describe('aditus queue', () => {
  let w: RoutingWorld;
  let emulator: Emulator | null = null;
  afterEach(async () => {
    await emulator?.close();
    emulator = null;
    await w.close();
  });

  const run = (args: string[]) => cli(['--data-dir', w.dataDir, ...args], { secrets: w.secrets, clock: w.clock });
  const queueList = async () => {
    const r = await run(['--json', 'queue', 'list']);
    expect(r.code, r.stderr).toBe(0);
    return r.json<QueueItem[]>();
  };
  /** What a user sees in the app afterwards: the stored documents and postings (a fresh process). */
  const stored = <T>(read: (t: ReturnType<typeof testCore>) => T): T => {
    const t = testCore({ dataDir: w.dataDir, secrets: w.secrets, clock: w.clock });
    try {
      return read(t);
    } finally {
      t.core.close();
    }
  };

  it('every provider offline: `draft cv` queues (exit 3), `queue list` shows it, `queue cancel` drops an extraction, and the CV lands as a new version once the provider answers', async () => {
    const port = await closedPort();
    w = await routingWorld(0);
    await w.addProvider('local', `http://127.0.0.1:${port}/v1`);
    w.core.close();

    const out = join(w.dataDir, 'cv.md');
    const draft = await run(['--json', ...draftCvArgs(out)]);
    expect(draft.code, draft.stderr).toBe(3);
    const queued = draft.json<{
      out: null;
      documentId: string;
      queued: { outboxId: string; why: string; runsAt: null; message: string };
    }>();
    expect(queued.queued).toMatchObject({
      why: 'offline',
      runsAt: null,
      message: 'Queued: runs when a provider answers again.',
    });
    const human = await run(draftCvArgs(join(w.dataDir, 'cv2.md')));
    expect(human.code).toBe(3);
    expect(human.stdout).toMatch(
      /^Queued: runs when a provider answers again\. Queue id [\w-]+; the draft lands as a new version of "CV: Lea Sørensen/u,
    );
    expect(human.stdout).toMatch(/cv2\.md was not written/u);

    const extract = await run(['extract', JOB]);
    expect(extract.code, extract.stderr).toBe(0);
    expect(extract.stderr).toMatch(/Queued: runs when a provider answers again\. \(queue id [\w-]+\)/u);

    let items = await queueList();
    expect(items.map((i) => [i.task, i.status])).toEqual([
      ['cv_draft', 'queued'],
      ['cv_draft', 'queued'],
      ['extraction', 'queued'],
    ]);
    expect(items[0]!.id).toBe(queued.queued.outboxId);
    expect(items[0]!.label).toMatch(/^CV: Lea Sørensen/u);
    const text = await run(['queue', 'list']);
    expect(text.stdout).toContain(`${queued.queued.outboxId}  cv_draft  queued  tries 0`);

    // Cancel the second CV and the extraction: they are gone from the queue, and cancelling again says so.
    for (const item of items.slice(1)) {
      const cancel = await run(['queue', 'cancel', item.id]);
      expect(cancel.stdout).toBe('Cancelled.\n');
    }
    const again = await run(['queue', 'cancel', items[2]!.id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`no queued task ${items[2]!.id}`);
    items = await queueList();
    expect(items.map((i) => i.id)).toEqual([queued.queued.outboxId]);

    // Still offline: the run tries once, the task stays queued with the reason and a later next try.
    const stillOffline = await run(['--json', 'queue', 'run']);
    expect(stillOffline.json()).toEqual({ done: 0, waiting: 1 });
    const [waiting] = await queueList();
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting!.lastError).toMatch(/Queued: runs when a provider answers again/u);
    expect(waiting!.nextAttemptAt).toBeGreaterThan(w.clock.now());

    // The provider comes back on its port; once the next try is due the CV lands in its document.
    emulator = await startEmulator({ port, openMode: true });
    // A CV answer is JSON citing the record's entries by id; it lands rendered with the record's own headings.
    const entries = ['work-0', 'work-1', 'work-2', 'education-0'].map((id) => ({
      id,
      bullets: id === 'work-0' ? [{ text: 'Senior backend engineer (drafted from the queue)', sourceIds: [id] }] : [],
    }));
    emulator.pushReplies(JSON.stringify({ summary: '', skills: ['Go'], entries }));
    w.clock.set(waiting!.nextAttemptAt);
    const back = await run(['queue', 'run']);
    expect(back.stdout).toBe('1 task(s) completed; 0 still waiting.\n');
    expect(await queueList()).toEqual([]);
    const doc = stored((t) => t.core.services.drafting.repos.documents.get(queued.documentId)) as DocumentDto;
    expect(doc.versions).toHaveLength(1);
    expect(doc.versions[0]?.text).toMatch(
      /^# Lea Sørensen\n[\s\S]*### Senior Backend Engineer — Brightwave Analytics GmbH[\s\S]*- Senior backend engineer \(drafted from the queue\)\n/u,
    );
    expect(doc.versions[0]).toMatchObject({
      origin: 'generated',
      providerName: 'local',
      offline: false,
    });
    expect(doc.draftText).toBe(doc.versions[0]!.text);
    // The call that answered is in the usage log (committed before the answer was stored).
    const ok = stored(
      (t) =>
        t.core.store.sqlite
          .prepare("SELECT count(*) FROM usage_events WHERE status = 'ok' AND task = 'cv_draft'")
          .pluck()
          .get() as number,
    );
    expect(ok).toBe(1);
  });

  it('a limit that queues: `extract` waits until the budget resets, then the fields land on the posting', async () => {
    w = await routingWorld(1);
    emulator = w.emulators[0]!;
    await w.addProvider('capped', emulator, {
      tasks: ['extraction'],
      dailyTokenLimit: 20_000,
      onLimit: 'queue',
    });
    w.core.close();

    // The first extraction fits and uses most of the day's budget.
    emulator.pushReplies({ text: fieldsWithTitle('First title'), usage: { input: 19_500, output: 100 } });
    const first = await run(['extract', JOB]);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout.trim())).toMatchObject({ ok: true, providerName: 'capped' });

    // The second cannot fit its worst case: it is queued until the budget resets, not sent, not failed.
    const requests = emulator.requests().length;
    const second = await run(['extract', JOB]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/Queued: runs when the budget resets at \d{2} \w{3} \d{4}, \d{2}:\d{2}:\d{2}\./u);
    const line = JSON.parse(second.stdout.trim()) as { jobId: string; queued: { why: string; runsAt: number } };
    expect(line.queued.why).toBe('budget');
    expect(line.queued.runsAt).toBeGreaterThan(w.clock.now());
    expect(emulator.requests().length).toBe(requests);
    const [item] = await queueList();
    expect(item).toMatchObject({ task: 'extraction', status: 'queued', nextAttemptAt: line.queued.runsAt });

    // Before the reset nothing runs.
    expect((await run(['--json', 'queue', 'run'])).json()).toEqual({ done: 0, waiting: 1 });
    expect(emulator.requests().length).toBe(requests);

    // The day turns: the task runs and the posting gets its fields.
    w.clock.set(line.queued.runsAt + 60_000);
    emulator.pushReplies({ text: fieldsWithTitle('Landed from the queue'), usage: { input: 900, output: 100 } });
    expect((await run(['--json', 'queue', 'run'])).json()).toEqual({ done: 1, waiting: 0 });
    const job = stored((t) => t.core.services.drafting.repos.jobs.get(line.jobId)) as JobPostingDto;
    expect(job.fields?.title).toBe('Landed from the queue');
    expect(job.extractedBy).toBe('capped');
  });
});
