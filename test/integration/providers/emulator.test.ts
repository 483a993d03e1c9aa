import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAULT_HEADER, startEmulator, type Emulator } from '../../emulator';

let emulator: Emulator;
const KEY = 'sk-emulator-test-key-0001';

beforeAll(async () => {
  emulator = await startEmulator({ validKeys: { openai: [KEY], anthropic: [KEY], gemini: [KEY] } });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

function openAiChat(extraHeaders: Record<string, string> = {}, body: Record<string, unknown> = {}): Promise<Response> {
  return fetch(`${emulator.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...extraHeaders },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }], ...body }),
  });
}

async function control(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(
    `${emulator.url}/__emulator/${path}`,
    body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) },
  );
  return response.json();
}

describe('provider emulator', () => {
  it('answers OpenAI chat with a request id header and records the request, key included', async () => {
    const response = await openAiChat();
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/u);
    const body = (await response.json()) as { choices: { message: { content: string } }[] };
    expect(body.choices[0]!.message.content).toBe('Echo: hello');
    const [request] = emulator.requests();
    expect(request).toMatchObject({ method: 'POST', path: '/v1/chat/completions', protocol: 'openai', status: 200 });
    expect(request!.headers['authorization']).toBe(`Bearer ${KEY}`);
    expect(request!.body).toMatchObject({ model: 'gpt-4o-mini' });
  });

  it('applies a fault from the x-emulator-fault header, in the vendor error shape', async () => {
    const response = await openAiChat({ [FAULT_HEADER]: JSON.stringify({ status: 429, retryAfterSeconds: 3 }) });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(await response.json()).toMatchObject({ error: { type: 'requests', code: 'rate_limit_exceeded' } });
  });

  it('applies queued faults to the next N requests only, through the control endpoint', async () => {
    expect(await control('faults', { faults: [{ status: 503, times: 2 }] })).toEqual({ queued: 1, pending: 1 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await openAiChat()).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('scripts replies per protocol through the control endpoint', async () => {
    await control('replies', { replies: [{ text: 'for anthropic', protocol: 'anthropic' }, { text: 'for anyone' }] });
    const body = (await (await openAiChat()).json()) as { choices: { message: { content: string } }[] };
    expect(body.choices[0]!.message.content).toBe('for anyone');
  });

  it('lists and resets recorded requests through the control endpoint', async () => {
    await openAiChat();
    expect(((await control('requests')) as { requests: unknown[] }).requests).toHaveLength(1);
    await control('reset', {});
    expect(((await control('requests')) as { requests: unknown[] }).requests).toHaveLength(0);
  });

  it('answers Anthropic errors in its error envelope with a request-id header', async () => {
    const response = await fetch(`${emulator.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': KEY, 'anthropic-version': '2023-06-01', [FAULT_HEADER]: JSON.stringify({ status: 529 }) },
      body: JSON.stringify({ model: 'claude-sonnet-5', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(response.status).toBe(529);
    expect(response.headers.get('request-id')).toMatch(/^req_/u);
    expect(await response.json()).toMatchObject({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
    });
  });

  it('streams Anthropic events in order, with usage in message_start and message_delta', async () => {
    emulator.pushReplies({ text: 'hi there', usage: { input: 11, output: 3, cached: 5 } });
    const response = await fetch(`${emulator.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': KEY, 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({
        model: 'claude-sonnet-5',
        max_tokens: 10,
        stream: true,
        messages: [{ role: 'user', content: 'hi' }],
      }),
    });
    const text = await response.text();
    const events = [...text.matchAll(/^event: (\w+)$/gmu)].map((m) => m[1]);
    expect(events).toEqual([
      'message_start',
      'ping',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(text).toContain('"input_tokens":11');
    expect(text).toContain('"cache_read_input_tokens":5');
    expect(text).toContain('"output_tokens":3');
  });

  it('accepts the Gemini key as a header or as the key query parameter, and answers a wrong one like Gemini (400)', async () => {
    const url = `${emulator.url}/v1beta/models/gemini-2.5-flash:generateContent`;
    const body = JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }] });
    expect((await fetch(url, { method: 'POST', headers: { 'x-goog-api-key': KEY }, body })).status).toBe(200);
    expect((await fetch(`${url}?key=${KEY}`, { method: 'POST', body })).status).toBe(200);
    const wrong = await fetch(url, { method: 'POST', headers: { 'x-goog-api-key': 'nope' }, body });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({
      error: {
        status: 'INVALID_ARGUMENT',
        details: expect.arrayContaining([expect.objectContaining({ reason: 'API_KEY_INVALID' })]),
      },
    });
  });

  it('ends a Gemini stream with finishReason and usageMetadata on the last chunk', async () => {
    emulator.pushReplies({ text: 'a b', usage: { input: 4, output: 2, cached: 3 } });
    const response = await fetch(`${emulator.url}/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse`, {
      method: 'POST',
      headers: { 'x-goog-api-key': KEY },
      body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }] }),
    });
    const chunks = (await response.text())
      .split('\n\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line.replace(/^data: /u, '')) as Record<string, unknown>);
    expect(chunks).toHaveLength(2);
    expect(chunks[1]).toMatchObject({
      candidates: [{ finishReason: 'STOP' }],
      usageMetadata: { promptTokenCount: 4, candidatesTokenCount: 2, cachedContentTokenCount: 3, totalTokenCount: 6 },
    });
  });

  it('rejects a missing key, except for OpenAI in open mode', async () => {
    const closed = await fetch(`${emulator.url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(closed.status).toBe(401);
    const open = await startEmulator({ openMode: true });
    try {
      const response = await fetch(`${open.url}/v1/chat/completions`, {
        method: 'POST',
        body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x' }] }),
      });
      expect(response.status).toBe(200);
    } finally {
      await open.close();
    }
  });

  it('omits usage on request', async () => {
    const body = (await (await openAiChat({ [FAULT_HEADER]: JSON.stringify({ omitUsage: true }) })).json()) as Record<
      string,
      unknown
    >;
    expect(body['usage']).toBeUndefined();
  });

  it('waits latencyMs before the headers', async () => {
    const started = Date.now();
    await openAiChat({ [FAULT_HEADER]: JSON.stringify({ latencyMs: 120 }) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('answers an unknown route with 404', async () => {
    expect((await fetch(`${emulator.url}/v2/whatever`)).status).toBe(404);
  });

  it('serves 300 concurrent requests, each with a complete answer', async () => {
    const answers = await Promise.all(Array.from({ length: 300 }, () => openAiChat().then((r) => r.json())));
    expect(emulator.requests()).toHaveLength(300);
    expect(answers.every((a) => (a as { choices?: unknown[] }).choices?.length === 1)).toBe(true);
  });
});
