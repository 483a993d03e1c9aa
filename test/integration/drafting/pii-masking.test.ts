import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { cvAnswerJson } from '../../helpers/cv-answer';
import { startEmulator } from '../../emulator';
import { chatRequests, closedPort, routingWorld, type RoutingWorld } from '../../helpers/routing';

const EXAMPLES = join(__dirname, '../../../examples');
const file = (name: string) => ({ fileName: name, dataBase64: readFileSync(join(EXAMPLES, name)).toString('base64') });
const fields = extractJobFieldsOffline(readFileSync(join(EXAMPLES, 'job-backend.txt'), 'utf8'));

/** What identifies the example candidate (examples/candidate.json). */
const IDENTIFIERS = [
  'Lea Sørensen',
  'Sørensen',
  'lea.sorensen@example.com',
  '+49 151 2345 6789',
  '2345 6789',
  'github.com/lea-sorensen-dev',
  'linkedin.com/in/lea-sorensen-example',
];

type Doc = { id: string; draftText: string };

describe('compliance routing and PII masking (emulated providers)', () => {
  let w: RoutingWorld;
  const session = () => w.core.localSession('web');
  const call = async <T>(channel: string, input: unknown, emit?: (e: string, p: unknown) => void): Promise<T> => {
    const r = await w.core.dispatch(channel, input, session(), emit ? { emit: emit as never } : undefined);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.data as T;
  };
  const setUp = async () => {
    const candidate = await call<{ id: string }>('candidates:import', { file: file('candidate.json') });
    const job = await call<{ id: string }>('jobs:import', { file: file('job-backend.txt') });
    await call('jobs:update-fields', { id: job.id, fields });
    return { candidateId: candidate.id, jobPostingId: job.id };
  };
  const sentTo = (i: number) => JSON.stringify(w.emulators[i]!.requests().map((r) => r.body));
  const dataSentAudit = () => w.core.services.audit.list({ action: 'candidate.data_sent' });

  beforeEach(async () => {
    w = await routingWorld(2);
  });
  afterEach(() => w.close());

  it('a cloud provider receives none of the candidate identifiers; the streamed answer and the document have them', async () => {
    await w.addProvider('cloud', w.emulators[0]!, { region: 'us' });
    const ids = await setUp();
    // The "model" answers with the placeholders it was given, split across chunks in awkward places.
    w.emulators[0]!.pushReplies({
      text: '# [[PERSON_1]]\n\nDear team, [[PERSON_1]] builds Go services.',
      chunks: ['# [[PER', 'SON_1]]\n\nDear team, [', '[PERSON_', '1]] builds Go services.'],
    });
    const chunks: string[] = [];
    const out = await call<{ document: Doc }>(
      'drafts:generate',
      { kind: 'cover_letter', ...ids, streamId: 's1' },
      (event, payload) => {
        if (event === 'stream:chunk') chunks.push((payload as { text: string }).text);
      },
    );
    const sent = sentTo(0);
    for (const id of IDENTIFIERS) expect(sent).not.toContain(id);
    expect(sent).toContain('[[PERSON_1]]');
    const letter = '# Lea Sørensen\n\nDear team, Lea Sørensen builds Go services.';
    expect(chunks.join('')).toBe(letter);
    expect(out.document.draftText).toBe(letter);
    expect((await call<Doc>('documents:get', { id: out.document.id })).draftText).toBe(letter);
    // The audit log says where the data went: ids and regions only.
    const [entry] = dataSentAudit();
    expect(entry).toBeDefined();
    expect(entry!.target).toBe(ids.candidateId);
    expect(JSON.parse(entry!.after ?? 'null')).toMatchObject({
      task: 'cover_letter',
      sentTo: [{ provider: 'cloud', region: 'us', masked: true }],
    });
    for (const id of IDENTIFIERS) expect(JSON.stringify(entry)).not.toContain(id);
  });

  it('a CV answer (JSON citing record ids) gets the identifiers back in the stored CV', async () => {
    await w.addProvider('cloud', w.emulators[0]!, { region: 'eu' });
    const ids = await setUp();
    w.emulators[0]!.pushReplies(
      cvAnswerJson({ 'work-0': ['Led the ingestion pipeline'] }, { summary: '[[PERSON_1]] "builds" Go services.' }),
    );
    const out = await call<{ document: Doc }>('drafts:generate', { kind: 'cv', ...ids });
    for (const id of IDENTIFIERS) expect(sentTo(0)).not.toContain(id);
    expect(out.document.draftText).toContain('Lea Sørensen "builds" Go services.');
    expect(out.document.draftText).not.toContain('[[');
  });

  it('a draft queued while offline is masked, and its candidate audited, when it runs later', async () => {
    const port = await closedPort();
    await w.addProvider('later', `http://127.0.0.1:${port}/v1`, { region: 'us', tasks: ['cover_letter'] });
    const ids = await setUp();
    const out = await call<{ queued?: unknown; document: Doc }>('drafts:generate', { kind: 'cover_letter', ...ids });
    expect(out.queued).toBeDefined();
    const later = await startEmulator({ port, openMode: true });
    try {
      later.pushReplies('Dear team, [[PERSON_1]] here.');
      expect(await call('outbox:run', {})).toEqual({ done: 1 });
      const sent = JSON.stringify(later.requests().map((r) => r.body));
      for (const id of IDENTIFIERS) expect(sent).not.toContain(id);
      expect((await call<Doc>('documents:get', { id: out.document.id })).draftText).toBe(
        'Dear team, Lea Sørensen here.',
      );
      expect(dataSentAudit()[0]).toMatchObject({ target: ids.candidateId });
    } finally {
      await later.close();
    }
  });

  it('a local provider with masking off receives the candidate data as it is', async () => {
    await w.addProvider('on-prem', w.emulators[0]!, { region: 'local', piiMasking: false });
    const ids = await setUp();
    w.emulators[0]!.pushReplies('Dear team, I am Lea Sørensen.');
    const out = await call<{ document: Doc }>('drafts:generate', { kind: 'cover_letter', ...ids });
    expect(sentTo(0)).toContain('Lea Sørensen');
    expect(sentTo(0)).not.toContain('[[PERSON_');
    expect(out.document.draftText).toBe('Dear team, I am Lea Sørensen.');
    expect(JSON.parse(dataSentAudit()[0]!.after ?? 'null')).toMatchObject({
      sentTo: [{ provider: 'on-prem', region: 'local', masked: false }],
    });
  });

  it('a candidate kept "EU only" with only a US provider is refused with the policy named, and nothing is sent', async () => {
    await w.addProvider('us-only', w.emulators[0]!, { region: 'us' });
    const ids = await setUp();
    await call('policies:set-candidate', { candidateId: ids.candidateId, allow: 'eu' });
    await expect(call('drafts:generate', { kind: 'cover_letter', ...ids })).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/data policy "EU only" \(set for candidate .*us-only \(us\)/u) as unknown,
      details: { reason: 'policy_refused', policy: 'eu' },
    });
    expect(chatRequests(w.emulators[0]!)).toBe(0);
    expect(dataSentAudit()).toEqual([]);
    // An EU provider added: the request goes there, and only there.
    await w.addProvider('eu', w.emulators[1]!, { region: 'eu', priority: 200 });
    w.emulators[1]!.pushReplies('Dear team.');
    await call('drafts:generate', { kind: 'cover_letter', ...ids });
    expect(chatRequests(w.emulators[0]!)).toBe(0);
    expect(chatRequests(w.emulators[1]!)).toBe(1);
  });

  it('a provider that may not receive personal data is never sent candidate data', async () => {
    await w.addProvider('no-pii', w.emulators[0]!, { region: 'eu', personalData: false });
    const ids = await setUp();
    await expect(call('drafts:generate', { kind: 'cover_letter', ...ids })).rejects.toMatchObject({
      details: { reason: 'policy_refused' },
    });
    expect(chatRequests(w.emulators[0]!)).toBe(0);
  });
});
