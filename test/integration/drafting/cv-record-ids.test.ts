import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentDto } from '@contract';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { chatRequests, routingWorld, type RoutingWorld } from '../../helpers/routing';

const EXAMPLES = join(__dirname, '../../../examples');
const file = (name: string) => ({ fileName: name, dataBase64: readFileSync(join(EXAMPLES, name)).toString('base64') });
const fields = extractJobFieldsOffline(readFileSync(join(EXAMPLES, 'job-backend.txt'), 'utf8'));

const bullet = (text: string, ...sourceIds: string[]) => ({ text, sourceIds });
/** A CV answer for examples/candidate.json (work-0..2, education-0..1), as a model following the prompt gives it. */
function answer(overrides: { entries?: unknown[] } = {}): string {
  return JSON.stringify({
    summary: 'Backend engineer focused on Go services and PostgreSQL.',
    skills: ['Go', 'PostgreSQL', 'Kafka'],
    entries: overrides.entries ?? [
      {
        id: 'work-0',
        bullets: [
          bullet('Built an event-driven ingestion pipeline in Go and Kafka (40 million events a day)', 'work-0'),
        ],
      },
      { id: 'work-1', bullets: [bullet('Built the payment reconciliation service in Go', 'work-1')] },
      { id: 'work-2', bullets: [bullet('Developed Python and Django features', 'work-2')] },
      { id: 'education-0', bullets: [] },
    ],
  });
}

describe('AI CVs cite the record entry of every bullet (emulated providers)', () => {
  let w: RoutingWorld;
  const call = async <T>(channel: string, input: unknown, emit?: (e: string, p: unknown) => void): Promise<T> => {
    const r = await w.core.dispatch(
      channel,
      input,
      w.core.localSession('web'),
      emit ? { emit: emit as never } : undefined,
    );
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.data as T;
  };
  beforeEach(async () => {
    w = await routingWorld(2);
  });
  afterEach(() => w.close());

  async function draftCv(emit?: (e: string, p: unknown) => void) {
    const candidate = await call<{ id: string }>('candidates:import', { file: file('candidate.json') });
    const job = await call<{ id: string }>('jobs:import', { file: file('job-backend.txt') });
    await call('jobs:update-fields', { id: job.id, fields });
    return call<{ document: DocumentDto; meta: { providerName: string; offline: boolean } }>(
      'drafts:generate',
      { kind: 'cv', candidateId: candidate.id, jobPostingId: job.id, streamId: 'cv' },
      emit,
    );
  }

  it("a valid answer renders with the record's titles, employers and dates, and streams only the finished CV", async () => {
    await w.addProvider('a', w.emulators[0]!);
    w.emulators[0]!.pushReplies(answer());
    const chunks: string[] = [];
    const out = await draftCv((event, payload) => {
      if (event === 'stream:chunk') chunks.push((payload as { text: string }).text);
    });
    const cv = out.document.draftText;
    expect(out.meta.providerName).toBe('a');
    expect(cv.startsWith('# Lea Sørensen\n')).toBe(true);
    expect(cv).toContain('### Senior Backend Engineer — Brightwave Analytics GmbH');
    expect(cv).toContain('### Software Engineer — Nordlicht Payments');
    expect(cv).toContain('### Junior Developer — Fjordline Software ApS');
    expect(cv).toContain('## Education\n\n### MSc in Computer Science — Technical University of Denmark');
    const brightwave = cv.indexOf('Brightwave Analytics GmbH');
    const nordlicht = cv.indexOf('Nordlicht Payments');
    const pipeline = cv.indexOf('ingestion pipeline in Go and Kafka');
    expect(pipeline > brightwave && pipeline < nordlicht).toBe(true);
    // The model's JSON never reaches the editor: one chunk, the rendered CV.
    expect(chunks).toEqual([cv]);
    expect(out.document.versions[0]).toMatchObject({ providerName: 'a', origin: 'generated', text: cv });
  });

  it('an answer citing an unknown id gets one repair turn, then the next provider drafts', async () => {
    await w.addProvider('a', w.emulators[0]!, { priority: 1 });
    await w.addProvider('b', w.emulators[1]!, { priority: 2 });
    const invented = answer({
      entries: [
        { id: 'work-0', bullets: [bullet('Led the Go platform team', 'work-0')] },
        { id: 'work-7', bullets: [bullet('CTO at a unicorn', 'work-7')] },
        { id: 'education-0', bullets: [] },
      ],
    });
    w.emulators[0]!.pushReplies(invented, invented);
    w.emulators[1]!.pushReplies(answer());
    const out = await draftCv();
    expect(chatRequests(w.emulators[0]!)).toBe(2);
    const repair = JSON.stringify(w.emulators[0]!.requests().at(-1)!.body);
    expect(repair).toContain('\\"work-7\\" is not an id of the candidate record');
    expect(out.meta.providerName).toBe('b');
    expect(out.document.draftText).not.toContain('unicorn');
    expect(out.document.draftText).toContain('Brightwave Analytics GmbH');
  });

  it('a bullet moved under another entry is invalid output: repaired, or failed over', async () => {
    await w.addProvider('a', w.emulators[0]!, { priority: 1 });
    await w.addProvider('b', w.emulators[1]!, { priority: 2 });
    const moved = answer({
      entries: [
        // A Nordlicht bullet put under Brightwave: it cites work-1 but sits under work-0.
        { id: 'work-0', bullets: [bullet('Built the payment reconciliation service in Go', 'work-1')] },
        { id: 'work-1', bullets: [] },
        { id: 'work-2', bullets: [] },
        { id: 'education-0', bullets: [] },
      ],
    });
    const noIds = answer({ entries: [] });
    w.emulators[0]!.pushReplies(moved, noIds);
    w.emulators[1]!.pushReplies(answer());
    const out = await draftCv();
    const repair = JSON.stringify(w.emulators[0]!.requests().at(-1)!.body);
    expect(repair).toContain('cites \\"work-1\\" but sits under \\"work-0\\"');
    expect(out.meta.providerName).toBe('b');
    const cv = out.document.draftText;
    const reconciliation = cv.indexOf('payment reconciliation');
    expect(reconciliation).toBeGreaterThan(cv.indexOf('Nordlicht Payments'));
  });

  it('Stop during a CV cancels the request; no part of the JSON reaches the editor or a version', async () => {
    await w.addProvider('a', w.emulators[0]!);
    w.emulators[0]!.pushFaults({ chunkDelayMs: 200 });
    w.emulators[0]!.pushReplies(answer());
    const chunks: string[] = [];
    const pending = draftCv((event, payload) => {
      if (event === 'stream:chunk') chunks.push((payload as { text: string }).text);
    });
    const chats = () => w.emulators[0]!.requests().filter((r) => r.path.endsWith('/chat/completions'));
    await vi.waitFor(() => expect(chats()).toHaveLength(1));
    expect(await call('drafts:cancel', { streamId: 'cv' })).toEqual({ cancelled: true });
    await expect(pending).rejects.toMatchObject({ code: 'provider_error', details: { errorClass: 'aborted' } });
    expect(chunks).toEqual([]);
    expect(await call('documents:list', {})).toEqual([]);
  });
});
