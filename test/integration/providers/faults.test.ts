import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProviderErrorClass } from '@contract';
import { startEmulator, type Emulator, type FaultSpec } from '../../emulator';
import {
  chatRequests,
  closedPort,
  collect,
  expectProviderError,
  KEYS,
  KINDS,
  makeProvider,
  textRequest,
} from './helpers';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ validKeys: Object.values(KEYS) });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const STATUS_FAULTS: [string, ProviderErrorClass, FaultSpec][] = [
  ['500', 'unavailable', { status: 500 }],
  ['503', 'unavailable', { status: 503 }],
  ['529', 'unavailable', { status: 529 }],
  ['401', 'auth', { status: 401 }],
  ['403', 'auth', { status: 403 }],
  ['a rejected key', 'auth', { rejectKey: true }],
  ['400 context length', 'context_length', { status: 400, contextLength: true }],
  ['400', 'bad_request', { status: 400 }],
  ['a malformed JSON body', 'unavailable', { malformedBody: true }],
  ['a body cut off mid-way', 'unavailable', { cutAfterChunks: 0 }],
  ['a dropped connection', 'unavailable', { hangUp: true }],
];

describe.each(KINDS)('%s adapter: failures', (kind) => {
  it.each(STATUS_FAULTS)('maps %s to %s, after exactly one request', async (_name, errorClass, fault) => {
    emulator.pushFaults(fault);
    const error = await expectProviderError(makeProvider(kind, emulator).generate(textRequest('hi')), errorClass);
    expect(error.providerKind).toBe(kind);
    if (fault.status !== undefined) expect(error.status).toBe(fault.status);
    expect(chatRequests(emulator)).toHaveLength(1);
  });

  it('maps 429 with Retry-After to rate_limited with retryAfterMs, without retrying', async () => {
    emulator.pushFaults({ status: 429, retryAfterSeconds: 7 });
    const error = await expectProviderError(makeProvider(kind, emulator).generate(textRequest('hi')), 'rate_limited');
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(7_000);
    expect(error.message).toContain('retry after 7 s');
    expect(chatRequests(emulator)).toHaveLength(1);
  });

  it('does not retry a 503 on a stream either', async () => {
    emulator.pushFaults({ status: 503 });
    await expectProviderError(collect(makeProvider(kind, emulator).stream(textRequest('hi'))), 'unavailable');
    expect(chatRequests(emulator)).toHaveLength(1);
  });

  it('maps a closed port to offline', async () => {
    const port = await closedPort();
    const provider = makeProvider(kind, emulator, {
      baseUrl:
        kind === 'openai' || kind === 'openai-compatible' ? `http://127.0.0.1:${port}/v1` : `http://127.0.0.1:${port}`,
    });
    const error = await expectProviderError(provider.generate(textRequest('hi')), 'offline');
    expect(error.message).toContain(`http://127.0.0.1:${port}`);
    await expectProviderError(collect(provider.stream(textRequest('hi'))), 'offline');
  });

  it('maps a server slower than timeoutMs to unavailable, promptly', async () => {
    emulator.pushFaults({ latencyMs: 3_000 });
    const started = Date.now();
    const error = await expectProviderError(
      makeProvider(kind, emulator).generate(textRequest('hi', { timeoutMs: 200 })),
      'unavailable',
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error.message).toContain('did not answer within 0.2 s');
  });

  it('times out an answer whose body stalls after its headers, with no caller signal', async () => {
    emulator.pushFaults({ bodyStallMs: 3_000 });
    const started = Date.now();
    const error = await expectProviderError(
      makeProvider(kind, emulator).generate(textRequest('hi', { timeoutMs: 200 })),
      'unavailable',
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error.message).toContain('did not answer within 0.2 s');
  });

  it('times out a stream whose first token never comes', async () => {
    emulator.pushFaults({ firstChunkDelayMs: 3_000 });
    const started = Date.now();
    await expectProviderError(
      collect(makeProvider(kind, emulator).stream(textRequest('hi', { timeoutMs: 200 }))),
      'unavailable',
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('keeps a slow but steady stream alive: the stream timeout is an idle timeout', async () => {
    // The whole stream (7 chunks, 150 ms apart) takes longer than the timeout; no gap comes near it, even
    // on a loaded machine.
    emulator.pushFaults({ chunkDelayMs: 150 });
    emulator.pushReplies('one two three four five six seven');
    const { result } = await collect(makeProvider(kind, emulator).stream(textRequest('hi', { timeoutMs: 600 })));
    expect(result.text).toBe('one two three four five six seven');
  });

  it('maps a stream cut mid-way to unavailable, without hanging', async () => {
    emulator.pushFaults({ cutAfterChunks: 2 });
    emulator.pushReplies('a long answer that never finishes arriving at the client');
    const error = await expectProviderError(
      collect(makeProvider(kind, emulator).stream(textRequest('hi'))),
      'unavailable',
    );
    expect(error.message).toMatch(/lost|ended|could not be read/u);
    expect(emulator.requests().at(-1)?.clientAborted).toBe(false); // the emulator cut it, not the client
  });

  it('maps a stream that ends cleanly but without its final marker to unavailable', async () => {
    emulator.pushFaults({ endAfterChunks: 2 });
    emulator.pushReplies('a long answer that never finishes arriving at the client');
    const error = await expectProviderError(
      collect(makeProvider(kind, emulator).stream(textRequest('hi'))),
      'unavailable',
    );
    expect(error.message).toMatch(/ended before it was complete|lost/u);
  });

  it('maps a malformed stream event to unavailable', async () => {
    emulator.pushFaults({ malformedBody: true });
    await expectProviderError(collect(makeProvider(kind, emulator).stream(textRequest('hi'))), 'unavailable');
  });

  it('maps a caller abort while waiting to aborted', async () => {
    emulator.pushFaults({ latencyMs: 3_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expectProviderError(makeProvider(kind, emulator).generate(textRequest('hi'), controller.signal), 'aborted');
  });

  it('maps a caller abort in the middle of a stream to aborted', async () => {
    emulator.pushFaults({ chunkDelayMs: 100 });
    emulator.pushReplies('one two three four five six seven eight');
    const controller = new AbortController();
    const stream = makeProvider(kind, emulator).stream(textRequest('hi'), controller.signal);
    const seen: string[] = [];
    const consume = abortOnFirstText(stream, controller, seen);
    await expectProviderError(consume, 'aborted');
    expect(seen.length).toBeLessThan(8);
    // The request really went away: the emulator saw its client close the connection mid-answer.
    await vi.waitFor(() => expect(emulator.requests().at(-1)?.clientAborted).toBe(true));
  });

  it('hands out no buffered event once the caller has aborted a stream', async () => {
    emulator.pushReplies('one two three four five six seven eight'); // all chunks at once
    const controller = new AbortController();
    const stream = makeProvider(kind, emulator).stream(textRequest('hi'), controller.signal);
    const seen: string[] = [];
    const consume = abortOnFirstText(stream, controller, seen);
    await expectProviderError(consume, 'aborted');
    expect(seen).toHaveLength(1);
  });

  it('refuses an already aborted signal without sending anything', async () => {
    const controller = new AbortController();
    controller.abort();
    await expectProviderError(makeProvider(kind, emulator).generate(textRequest('hi'), controller.signal), 'aborted');
    expect(emulator.requests()).toHaveLength(0);
  });

  it("treats the caller's own timeout signal as a timeout (unavailable), not an abort", async () => {
    emulator.pushFaults({ latencyMs: 3_000 });
    await expectProviderError(
      makeProvider(kind, emulator).generate(textRequest('hi'), AbortSignal.timeout(100)),
      'unavailable',
    );
  });

  it('never puts the key into the message, even when the vendor echoes it', async () => {
    const key = KEYS[kind];
    const fragment = key.slice(3, 20);
    emulator.pushFaults(
      { status: 401, message: 'Incorrect API key provided: {key}' },
      { status: 400, message: `Invalid request for key {key} (starts ${fragment})` },
      { status: 403, message: `Key ${key.slice(-14)} may not use this model` },
    );
    const provider = makeProvider(kind, emulator);
    for (let i = 0; i < 3; i++) {
      const error = await expectProviderError(provider.generate(textRequest('hi')), i === 1 ? 'bad_request' : 'auth');
      expect(error.message).not.toContain(key);
      expect(error.message).not.toContain(fragment);
      expect(error.message).not.toContain(key.slice(-14));
      expect(error.stack ?? '').not.toContain(key);
    }
  });

  it('says when no key is set', async () => {
    if (kind === 'openai-compatible') return;
    const error = await expectProviderError(
      makeProvider(kind, emulator, { getApiKey: () => Promise.resolve(null) }).generate(textRequest('hi')),
      'auth',
    );
    expect(error.message).toMatch(/No API key is set/u);
    expect(emulator.requests()).toHaveLength(0);
  });
});

describe('retry hints that only some SDKs expose', () => {
  it.each(['openai', 'anthropic', 'openai-compatible'] as const)(
    '%s: retry-after-ms wins over retry-after',
    async (kind) => {
      emulator.pushFaults({ status: 429, retryAfterMs: 1_500, retryAfterSeconds: 9 });
      const error = await expectProviderError(makeProvider(kind, emulator).generate(textRequest('hi')), 'rate_limited');
      expect(error.retryAfterMs).toBe(1_500);
    },
  );

  it('gemini: the delay comes from the RetryInfo detail (its SDK drops response headers)', async () => {
    emulator.pushFaults({ status: 429, retryAfterSeconds: 4 });
    const error = await expectProviderError(
      makeProvider('gemini', emulator).generate(textRequest('hi')),
      'rate_limited',
    );
    expect(error.retryAfterMs).toBe(4_000);
  });

  it('a 429 without any hint has no retryAfterMs', async () => {
    emulator.pushFaults({ status: 429 });
    const error = await expectProviderError(
      makeProvider('openai', emulator).generate(textRequest('hi')),
      'rate_limited',
    );
    expect(error.retryAfterMs).toBeUndefined();
  });
});

/** Reads the stream, noting each text, and aborts the call as soon as the first text arrives. */
async function abortOnFirstText(
  stream: AsyncIterable<{ type: string; text?: string }>,
  controller: AbortController,
  seen: string[],
): Promise<void> {
  for await (const event of stream) {
    if (event.type === 'text') {
      seen.push(event.text ?? '');
      controller.abort();
    }
  }
}
