import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator';
import { chatRequests, collect, KEYS, KINDS, keySent, makeProvider, PROTOCOL_OF, textRequest } from './helpers';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ validKeys: Object.values(KEYS) });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

describe.each(KINDS)('%s adapter: text, streaming and usage', (kind) => {
  it('returns the scripted answer and sends the key and the prompt', async () => {
    emulator.pushReplies({ text: 'Dear hiring manager, I am writing to apply.', protocol: PROTOCOL_OF[kind] });
    const result = await makeProvider(kind, emulator).generate(
      textRequest('Write a cover letter', { system: 'You are a recruiter.' }),
    );

    expect(result.text).toBe('Dear hiring manager, I am writing to apply.');
    expect(result.finishReason).toBe('stop');
    const [request] = chatRequests(emulator);
    expect(keySent(request!)).toBe(KEYS[kind]);
    expect(JSON.stringify(request!.body)).toContain('Write a cover letter');
    expect(JSON.stringify(request!.body)).toContain('You are a recruiter.');
  });

  it('answers deterministically from the prompt when nothing is scripted', async () => {
    const result = await makeProvider(kind, emulator).generate(textRequest('Summarise this CV'));
    expect(result.text).toBe('Echo: Summarise this CV');
  });

  it('streams deltas that join to the full text, then one done event', async () => {
    const text = 'Experienced nurse with ten years in intensive care and a calm manner.';
    emulator.pushReplies({ text, protocol: PROTOCOL_OF[kind] });
    const { deltas, result } = await collect(makeProvider(kind, emulator).stream(textRequest('Draft a profile')));

    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe(text);
    expect(result.text).toBe(text);
    expect(result.finishReason).toBe('stop');
  });

  it('reports usage exactly as the provider sent it, cached tokens included', async () => {
    const usage = { input: 1234, output: 56, cached: 1000 };
    emulator.pushReplies({ text: 'one', usage }, { text: 'two', usage });
    const provider = makeProvider(kind, emulator);

    const generated = await provider.generate(textRequest('hi'));
    const streamed = await collect(provider.stream(textRequest('hi')));

    const expected = { inputTokens: 1234, outputTokens: 56, cachedInputTokens: 1000 };
    expect(generated.usage).toEqual(expected);
    expect(streamed.result.usage).toEqual(expected);
  });

  it('reports null usage when the provider sent none', async () => {
    emulator.pushReplies({ text: 'one', usage: null }, { text: 'two', usage: null });
    const provider = makeProvider(kind, emulator);

    const none = { inputTokens: null, outputTokens: null, cachedInputTokens: null };
    expect((await provider.generate(textRequest('hi'))).usage).toEqual(none);
    expect((await collect(provider.stream(textRequest('hi')))).result.usage).toEqual(none);
  });

  it('maps a length stop to finishReason "length"', async () => {
    emulator.pushReplies({ text: 'cut short', finishReason: 'length' });
    expect((await makeProvider(kind, emulator).generate(textRequest('hi'))).finishReason).toBe('length');
  });

  it('fetches the key at every call, so a rotated key is used at once', async () => {
    const keys = [KEYS[kind], `${KEYS[kind]}-rotated`];
    emulator.setValidKeys(undefined);
    let call = 0;
    const provider = makeProvider(kind, emulator, { getApiKey: () => Promise.resolve(keys[call++] ?? null) });

    await provider.generate(textRequest('first'));
    await provider.generate(textRequest('second'));

    expect(chatRequests(emulator).map(keySent)).toEqual(keys);
    emulator.setValidKeys(Object.values(KEYS));
  });
});

describe('request details per vendor', () => {
  it('OpenAI: max_completion_tokens, include_usage on streams, provider request id from x-request-id', async () => {
    const provider = makeProvider('openai', emulator);
    const result = await provider.generate(textRequest('hi', { maxOutputTokens: 77, temperature: 0.2 }));
    await collect(provider.stream(textRequest('hi')));

    const [plain, streamed] = chatRequests(emulator);
    expect(plain!.body).toMatchObject({ max_completion_tokens: 77, temperature: 0.2, stream: false });
    expect(streamed!.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(result.providerRequestId).toMatch(/^req_/u);
  });

  it('OpenAI-compatible: max_tokens, and no key needed (a placeholder is sent)', async () => {
    const open = await startEmulator({ openMode: true });
    try {
      const provider = makeProvider('openai-compatible', open, { getApiKey: () => Promise.resolve(null) });
      const result = await provider.generate(textRequest('hello local model', { maxOutputTokens: 33 }));

      expect(result.text).toBe('Echo: hello local model');
      const [request] = chatRequests(open);
      expect(request!.body).toMatchObject({ max_tokens: 33 });
      expect(keySent(request!)).toBe('not-needed');
    } finally {
      await open.close();
    }
  });

  it('Anthropic: system prompt, max_tokens, request id from request-id', async () => {
    const result = await makeProvider('anthropic', emulator).generate(
      textRequest('hi', { system: 'Be brief.', maxOutputTokens: 12 }),
    );
    const [request] = chatRequests(emulator);
    expect(request!.body).toMatchObject({ system: 'Be brief.', max_tokens: 12 });
    expect(request!.headers['anthropic-version']).toBeDefined();
    expect(result.providerRequestId).toMatch(/^req_/u);
  });

  it('Gemini: systemInstruction, maxOutputTokens, model in the path, key in x-goog-api-key', async () => {
    const result = await makeProvider('gemini', emulator).generate(
      textRequest('hi', { system: 'Be brief.', maxOutputTokens: 12 }),
    );
    const [request] = chatRequests(emulator);
    expect(request!.path).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
    expect(request!.headers['x-goog-api-key']).toBe(KEYS.gemini);
    expect(request!.body).toMatchObject({
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      generationConfig: { maxOutputTokens: 12 },
    });
    expect(result.providerRequestId).toMatch(/^resp_/u);
  });

  it('Gemini: reports 0 cached tokens when usage came without cachedContentTokenCount', async () => {
    emulator.pushReplies({ text: 'x', usage: { input: 10, output: 2 } });
    const result = await makeProvider('gemini', emulator).generate(textRequest('hi'));
    expect(result.usage).toEqual({ inputTokens: 10, outputTokens: 2, cachedInputTokens: 0 });
  });
});

describe('leaving a stream early', () => {
  it.each(KINDS)('%s: breaking out of the loop ends the call without an error or a hang', async (kind) => {
    emulator.pushFaults({ chunkDelayMs: 50 });
    emulator.pushReplies('one two three four five six seven eight nine ten');
    const seen: string[] = [];
    for await (const event of makeProvider(kind, emulator).stream(textRequest('hi'))) {
      if (event.type === 'text') seen.push(event.text);
      if (seen.length === 2) break;
    }
    expect(seen).toHaveLength(2);
  });
});
