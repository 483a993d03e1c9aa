import { APIConnectionError as AnthropicConnectionError, APIError as AnthropicAPIError } from '@anthropic-ai/sdk';
import {
  GoogleGenerativeAIAbortError,
  GoogleGenerativeAIError,
  GoogleGenerativeAIFetchError,
} from '@google/generative-ai';
import { APIConnectionError, APIConnectionTimeoutError, APIError as OpenAIAPIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import { classifyProviderError, ProviderError } from '../../../src-main/providers/errors';

const KEY = 'sk-proj-SECRETsecretSECRETsecret0123456789';

function openAiStatus(status: number, error: Record<string, unknown>, headers: Record<string, string> = {}): unknown {
  return OpenAIAPIError.generate(status, { error }, undefined, new Headers(headers));
}

function anthropicStatus(status: number, type: string, message: string, headers: Record<string, string> = {}): unknown {
  return AnthropicAPIError.generate(
    status,
    { type: 'error', error: { type, message } },
    undefined,
    new Headers(headers),
  );
}

function geminiStatus(status: number, statusText: string, message: string, details?: unknown[]): unknown {
  const suffix = details ? ` ${JSON.stringify(details)}` : '';
  return new GoogleGenerativeAIFetchError(
    `Error fetching from https://generativelanguage.googleapis.com/v1beta/models/m:generateContent: [${status} ${statusText}] ${message}${suffix}`,
    status,
    statusText,
    details as never,
  );
}

function systemError(code: string): Error {
  const socketError = Object.assign(new Error(`connect ${code} 127.0.0.1:4321`), { code });
  return new TypeError('fetch failed', { cause: socketError });
}

describe('classifyProviderError: OpenAI SDK errors', () => {
  it('429 with retry-after → rate_limited with retryAfterMs', () => {
    const error = classifyProviderError(
      openAiStatus(
        429,
        { message: 'slow down', type: 'requests', code: 'rate_limit_exceeded' },
        { 'retry-after': '2' },
      ),
      'openai',
    );
    expect(error).toMatchObject({
      errorClass: 'rate_limited',
      status: 429,
      retryAfterMs: 2000,
      providerKind: 'openai',
    });
  });

  it('retry-after as an HTTP date', () => {
    const inFive = new Date(Date.now() + 5_000).toUTCString();
    const error = classifyProviderError(openAiStatus(429, { message: 'x' }, { 'retry-after': inFive }), 'openai');
    expect(error.retryAfterMs).toBeGreaterThan(3_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(5_000);
  });

  it('insufficient_quota is still rate_limited, and says so', () => {
    const error = classifyProviderError(
      openAiStatus(429, {
        message: 'You exceeded your current quota',
        type: 'insufficient_quota',
        code: 'insufficient_quota',
      }),
      'openai',
    );
    expect(error.errorClass).toBe('rate_limited');
    expect(error.message).toContain('quota');
  });

  it('context_length_exceeded → context_length', () => {
    const error = classifyProviderError(
      openAiStatus(400, {
        message: "This model's maximum context length is 8192 tokens",
        code: 'context_length_exceeded',
      }),
      'openai',
    );
    expect(error).toMatchObject({
      errorClass: 'context_length',
      message: "The request is longer than the model's context window",
    });
  });

  it('401 / 403 / 400 / 404 / 500', () => {
    expect(classifyProviderError(openAiStatus(401, { message: 'bad key' }), 'openai')).toMatchObject({
      errorClass: 'auth',
      message: 'The API key was rejected by OpenAI (401)',
    });
    expect(classifyProviderError(openAiStatus(403, { message: 'region' }), 'openai').errorClass).toBe('auth');
    expect(classifyProviderError(openAiStatus(400, { message: 'temperature too high' }), 'openai')).toMatchObject({
      errorClass: 'bad_request',
      message: 'OpenAI rejected the request (400): temperature too high',
    });
    expect(classifyProviderError(openAiStatus(404, { message: 'no such model' }), 'openai').errorClass).toBe(
      'bad_request',
    );
    expect(classifyProviderError(openAiStatus(500, { message: 'oops' }), 'openai')).toMatchObject({
      errorClass: 'unavailable',
      status: 500,
    });
  });

  it('connection refused → offline, naming the endpoint', () => {
    const error = classifyProviderError(
      new APIConnectionError({ cause: systemError('ECONNREFUSED') }),
      'openai-compatible',
      { endpoint: 'http://127.0.0.1:11434/v1' },
    );
    expect(error).toMatchObject({
      errorClass: 'offline',
      message: 'Could not reach the server at http://127.0.0.1:11434/v1 (connection refused)',
    });
  });

  it('DNS failure → offline; connection reset → unavailable', () => {
    expect(
      classifyProviderError(new APIConnectionError({ cause: systemError('ENOTFOUND') }), 'openai').message,
    ).toContain('host not found');
    expect(
      classifyProviderError(new APIConnectionError({ cause: systemError('ECONNRESET') }), 'openai').errorClass,
    ).toBe('unavailable');
  });

  it('SDK timeout → unavailable; SDK user abort → aborted', () => {
    expect(classifyProviderError(new APIConnectionTimeoutError(), 'openai').errorClass).toBe('unavailable');
    expect(classifyProviderError(new APIUserAbortError(), 'openai').errorClass).toBe('aborted');
  });

  it('an error event inside a stream (no status) is classified by its type', () => {
    const streamed = new OpenAIAPIError(
      undefined,
      { message: 'The server had an error', type: 'server_error' },
      undefined,
      undefined,
    );
    expect(classifyProviderError(streamed, 'openai').errorClass).toBe('unavailable');
  });
});

describe('classifyProviderError: Anthropic SDK errors', () => {
  it('529 overloaded → unavailable with a human message', () => {
    expect(classifyProviderError(anthropicStatus(529, 'overloaded_error', 'Overloaded'), 'anthropic')).toMatchObject({
      errorClass: 'unavailable',
      status: 529,
      message: 'Anthropic is overloaded (529); try again shortly',
    });
  });

  it('"prompt is too long" → context_length', () => {
    expect(
      classifyProviderError(
        anthropicStatus(400, 'invalid_request_error', 'prompt is too long: 210000 tokens > 200000 maximum'),
        'anthropic',
      ).errorClass,
    ).toBe('context_length');
  });

  it('429 with retry-after-ms → rate_limited', () => {
    expect(
      classifyProviderError(anthropicStatus(429, 'rate_limit_error', 'slow', { 'retry-after-ms': '250' }), 'anthropic')
        .retryAfterMs,
    ).toBe(250);
  });

  it('an overloaded_error event in the middle of a stream → unavailable', () => {
    const event = new AnthropicAPIError(
      undefined,
      { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
      undefined,
      new Headers(),
      'overloaded_error',
    );
    expect(classifyProviderError(event, 'anthropic')).toMatchObject({
      errorClass: 'unavailable',
      message: 'Anthropic is overloaded; try again shortly',
    });
  });

  it('connection refused → offline', () => {
    expect(
      classifyProviderError(new AnthropicConnectionError({ cause: systemError('ECONNREFUSED') }), 'anthropic')
        .errorClass,
    ).toBe('offline');
  });
});

describe('classifyProviderError: Gemini SDK errors', () => {
  it('"exceeds the maximum number of tokens" → context_length', () => {
    const err = geminiStatus(
      400,
      'Bad Request',
      'The input token count (1250000) exceeds the maximum number of tokens allowed (1048576).',
    );
    expect(classifyProviderError(err, 'gemini').errorClass).toBe('context_length');
  });

  it('a wrong key comes back as 400 API_KEY_INVALID → auth', () => {
    const err = geminiStatus(400, 'Bad Request', 'API key not valid. Please pass a valid API key.', [
      { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' },
    ]);
    expect(classifyProviderError(err, 'gemini')).toMatchObject({
      errorClass: 'auth',
      message: 'The API key was rejected by Google Gemini (400)',
    });
  });

  it('429 with RetryInfo → rate_limited with retryAfterMs', () => {
    const err = geminiStatus(429, 'Too Many Requests', 'quota', [
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1.5s' },
    ]);
    expect(classifyProviderError(err, 'gemini')).toMatchObject({ errorClass: 'rate_limited', retryAfterMs: 1500 });
  });

  it('the vendor message is kept, without the details JSON', () => {
    const err = geminiStatus(400, 'Bad Request', 'Invalid value at generation_config.temperature', [{ reason: 'X' }]);
    expect(classifyProviderError(err, 'gemini').message).toBe(
      'Google Gemini rejected the request (400): Invalid value at generation_config.temperature',
    );
  });

  it('"fetch failed" without a cause → offline; a broken stream → unavailable; an abort → aborted', () => {
    const fetchFailed = new GoogleGenerativeAIError(
      'Error fetching from http://127.0.0.1:1/v1beta/models/m:generateContent: fetch failed',
    );
    expect(classifyProviderError(fetchFailed, 'gemini').errorClass).toBe('offline');
    expect(
      classifyProviderError(new GoogleGenerativeAIError('Error reading from the stream'), 'gemini').errorClass,
    ).toBe('unavailable');
    expect(
      classifyProviderError(new GoogleGenerativeAIAbortError('Request aborted when reading from the stream'), 'gemini')
        .errorClass,
    ).toBe('aborted');
  });
});

describe('classifyProviderError: context and other failures', () => {
  it("the caller's abort wins over whatever the SDK threw", () => {
    const controller = new AbortController();
    controller.abort();
    expect(classifyProviderError(new Error('anything'), 'openai', { callerSignal: controller.signal }).errorClass).toBe(
      'aborted',
    );
  });

  it('a caller signal that fired because of its own timeout → unavailable, not aborted', () => {
    const controller = new AbortController();
    controller.abort(new DOMException('deadline', 'TimeoutError'));
    expect(classifyProviderError(new Error('anything'), 'openai', { callerSignal: controller.signal }).errorClass).toBe(
      'unavailable',
    );
  });

  it('our own timeout → unavailable with the duration', () => {
    expect(classifyProviderError(new Error('aborted'), 'anthropic', { timedOut: true, timeoutMs: 1500 }).message).toBe(
      'Anthropic did not answer within 1.5 s',
    );
  });

  it('a malformed body (SyntaxError) → unavailable', () => {
    expect(classifyProviderError(new SyntaxError('Unexpected end of JSON input'), 'openai')).toMatchObject({
      errorClass: 'unavailable',
      message: 'OpenAI sent a response that could not be read',
    });
  });

  it('a ProviderError passes through unchanged', () => {
    const original = new ProviderError({ errorClass: 'invalid_output', providerKind: 'gemini', message: 'bad json' });
    expect(classifyProviderError(original, 'gemini')).toBe(original);
  });

  it('undici blocked ports → bad_request (a configuration mistake)', () => {
    expect(
      classifyProviderError(new TypeError('fetch failed', { cause: new Error('bad port') }), 'openai-compatible')
        .errorClass,
    ).toBe('bad_request');
  });

  it('never lets a key through, whole or in part', () => {
    const err = openAiStatus(400, { message: `Invalid key ${KEY} (also ${KEY.slice(5, 22)})` });
    const error = classifyProviderError(err, 'openai', { secrets: [KEY] });
    expect(error.message).toBe('OpenAI rejected the request (400): Invalid key [redacted] (also [redacted])');
  });

  it('an unknown failure → unavailable, redacted', () => {
    const error = classifyProviderError(new Error(`weird ${KEY}`), 'openai', { secrets: [KEY] });
    expect(error.errorClass).toBe('unavailable');
    expect(error.message).not.toContain(KEY);
  });
});

describe('classifyProviderError: endpoint in messages', () => {
  it('shows the endpoint without user info or query', () => {
    const error = classifyProviderError(
      new APIConnectionError({ cause: systemError('ECONNREFUSED') }),
      'openai-compatible',
      {
        endpoint: 'http://admin:hunter2@10.0.0.5:8080/v1/?token=abc',
      },
    );
    expect(error.message).toBe('Could not reach the server at http://10.0.0.5:8080/v1 (connection refused)');
  });
});
