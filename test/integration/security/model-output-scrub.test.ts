import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { providerConfigInputSchema } from '@contract';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { routingWorld, type RoutingWorld } from '../../helpers/routing';

const EXAMPLES = join(__dirname, '../../../examples');
const file = (name: string) => ({ fileName: name, dataBase64: readFileSync(join(EXAMPLES, name)).toString('base64') });
const KEY = 'sk-live-ECHOabcdefghijklmnopqrstuvwxyz0123456789';
/** The provider echoes the Authorization header it received, split across stream chunks mid-key. */
const ECHO = 'Debug: Authorization: Bearer {key} -- end of echo.';
const ECHO_CHUNKS = [
  'Debug: Authorization: Bea',
  'rer sk-live-EC',
  'HOabcdefghijklmnopqrst',
  'uvwxyz0123456789 -- end',
  ' of echo.',
];

describe('model output never carries a stored key (a provider echoing its Authorization header)', () => {
  let w: RoutingWorld;
  const session = () => w.core.localSession('web');
  const call = async <T>(channel: string, input: unknown, emit?: (e: string, p: unknown) => void): Promise<T> => {
    const r = await w.core.dispatch(channel, input, session(), emit ? { emit: emit as never } : undefined);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.data as T;
  };
  beforeEach(async () => {
    w = await routingWorld(1);
    const config = providerConfigInputSchema.parse({
      name: 'echoing',
      kind: 'openai-compatible',
      model: 'gpt-4o-mini',
      baseUrl: `${w.emulators[0]!.url}/v1`,
      tasks: ['extraction', 'cv_draft', 'cover_letter', 'validation'],
      timeoutMs: 5_000,
      maxOutputTokens: 256,
    });
    await w.core.services.providers.create(config, KEY, 'test@cli');
  });
  afterEach(() => w.close());

  it('ask: the answer text is scrubbed, whole and streamed (key split across chunks)', async () => {
    w.emulators[0]!.pushReplies(ECHO);
    const plain = await w.core.services.router.route({
      task: 'validation',
      userId: 'u',
      request: { messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] },
    });
    expect(w.emulators[0]!.requests().at(-1)!.headers['authorization']).toContain(KEY); // the key was sent
    expect(plain.text).not.toContain(KEY);
    expect(plain.result.text).not.toContain(KEY);
    expect(plain.text).toBe('Debug: Authorization: Bearer [redacted] -- end of echo.');

    w.emulators[0]!.pushReplies({ text: ECHO, chunks: ECHO_CHUNKS });
    const deltas: string[] = [];
    const streamed = await w.core.services.router.route({
      task: 'validation',
      userId: 'u',
      request: { messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] },
      onStream: (e) => {
        if (e.type === 'text') deltas.push(e.text);
      },
    });
    expect(streamed.text).not.toContain(KEY);
    expect(deltas.join('')).toBe('Debug: Authorization: Bearer [redacted] -- end of echo.');
    for (const d of deltas) expect(d).not.toMatch(/ECHOabc|uvwxyz0123/u);
  });

  it('drafting: the streamed chunks, the stored draft and its version hold no key', async () => {
    const candidate = await call<{ id: string }>('candidates:import', { file: file('candidate.json') });
    const job = await call<{ id: string }>('jobs:import', { file: file('job-backend.txt') });
    const fields = extractJobFieldsOffline(readFileSync(join(EXAMPLES, 'job-backend.txt'), 'utf8'));
    await call('jobs:update-fields', { id: job.id, fields });
    w.emulators[0]!.pushReplies({ text: `# CV\n\n${ECHO}`, chunks: ['# CV\n\n', ...ECHO_CHUNKS] });
    const chunks: string[] = [];
    const out = await call<{ document: { id: string; draftText: string; versions: { text: string }[] } }>(
      'drafts:generate',
      { kind: 'cover_letter', candidateId: candidate.id, jobPostingId: job.id, streamId: 's1' },
      (event, payload) => {
        if (event === 'stream:chunk') chunks.push((payload as { text: string }).text);
      },
    );
    const stored = await call<{ draftText: string; versions: { text: string }[] }>('documents:get', {
      id: out.document.id,
    });
    expect(JSON.stringify({ out, stored, chunks })).not.toMatch(/ECHOabc|uvwxyz0123/u);
    expect(stored.draftText).toContain('Bearer [redacted]');
    expect(chunks.join('')).toContain('Bearer [redacted]');
  });
});
