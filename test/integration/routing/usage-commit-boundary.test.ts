import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { GROUP_MAX_EVENTS } from '../../../src-main/usage/usage-log';
import { prompt, routingWorld, untilCommitted, type RoutingWorld } from '../../helpers/routing';

const EXAMPLES = join(__dirname, '../../../examples');
const file = (name: string) => ({ fileName: name, dataBase64: readFileSync(join(EXAMPLES, name)).toString('base64') });
const validFields = JSON.stringify(extractJobFieldsOffline(readFileSync(join(EXAMPLES, 'job-backend.txt'), 'utf8')));

/**
 * Usage events are committed in groups behind the router's answers. With a group window far longer than
 * any test, only the flushes at the main process's boundary can have committed them.
 */
describe('usage events are committed before anything leaves the main process', () => {
  let w: RoutingWorld;
  const count = () => w.core.store.sqlite.prepare('SELECT count(*) FROM usage_events').pluck().get() as number;
  const call = async <T>(channel: string, input: unknown, emit?: (e: string, p: unknown) => void): Promise<T> => {
    const session = w.core.localSession('web');
    const r = await w.core.dispatch(channel, input, session, emit ? { emit: emit as never } : undefined);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.data as T;
  };
  beforeEach(async () => {
    w = await routingWorld(1, undefined, { usageGroupWindowMs: 60_000 });
    await w.addProvider('a', w.emulators[0]!);
  });
  afterEach(() => w.close());

  const extractedJob = async (): Promise<{ id: string }> => {
    const job = await call<{ id: string }>('jobs:import', { file: file('job-backend.txt') });
    w.emulators[0]!.pushReplies(validFields);
    const out = await call<{ meta: { offline: boolean } }>('jobs:extract', { id: job.id });
    expect(out.meta.offline).toBe(false);
    return job;
  };

  it('an answer returned over IPC has its usage event committed', async () => {
    await extractedJob();
    expect([count(), w.core.services.usageLog.pending()]).toEqual([1, 0]);
  });

  it('a streamed chunk goes out only after the answers before it are committed', async () => {
    const candidate = await call<{ id: string }>('candidates:import', { file: file('candidate.json') });
    const job = await extractedJob();
    await w.core.services.router.route({ task: 'cv_draft', userId: 'ana', request: prompt('Draft') });
    expect([count(), w.core.services.usageLog.pending()]).toEqual([1, 1]);
    w.emulators[0]!.pushReplies({ text: 'Lea Sørensen, backend engineer. Go, Kafka, Kubernetes.' });
    const committedAtChunk: number[] = [];
    await call(
      'drafts:generate',
      { kind: 'cover_letter', candidateId: candidate.id, jobPostingId: job.id, streamId: 's1' },
      (event) => {
        if (event === 'stream:chunk') committedAtChunk.push(count());
      },
    );
    expect(committedAtChunk.length).toBeGreaterThan(0);
    expect(committedAtChunk[0]).toBe(2); // the earlier answer's event, committed before the first chunk
    expect(count()).toBe(3);
  });

  it('a queued task run by the outbox has its usage committed before its answer is stored', async () => {
    w.core.services.outbox.enqueue({
      idempotencyKey: 'letter-1',
      task: 'cover_letter',
      request: prompt('Write the letter'),
      userId: 'ana',
      providerName: null,
      completion: { kind: 'test', target: 'doc-1' },
    });
    w.emulators[0]!.pushReplies('Dear hiring team');
    const committedWhenStored: number[] = [];
    w.core.services.outboxRunner.onComplete('test', () => {
      committedWhenStored.push(count());
    });
    expect(await w.core.services.outboxRunner.drain()).toBe(1);
    expect(committedWhenStored).toEqual([1]);
  });

  it('a full group commits at once, without waiting for the window to end', async () => {
    const calls = Array.from({ length: GROUP_MAX_EVENTS }, () =>
      w.core.services.router.route({ task: 'cv_draft', userId: 'ana', request: prompt('Draft') }),
    );
    await Promise.all(calls);
    await untilCommitted(w.core, 5_000);
    expect(count()).toBe(GROUP_MAX_EVENTS);
  });
});
