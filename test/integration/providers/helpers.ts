import { createServer } from 'node:net';
import { expect } from 'vitest';
import type { ProviderErrorClass, ProviderKind } from '@contract';
import { ProviderError } from '../../../src-main/providers/errors';
import { createProvider } from '../../../src-main/providers/factory';
import type {
  ContentPart,
  LlmProvider,
  LlmRequest,
  LlmResult,
  ProviderOptions,
  StreamEvent,
} from '../../../src-main/providers/types';
import type { Emulator, Protocol, RecordedRequest } from '../../emulator';

export const KINDS: readonly ProviderKind[] = ['openai', 'anthropic', 'gemini', 'openai-compatible'];

/** Realistic-looking keys, long enough for fragment redaction to matter. */
export const KEYS: Record<ProviderKind, string> = {
  openai: 'sk-proj-TESTabcdefghijklmnopqrstuvwxyz0123456789',
  anthropic: 'sk-ant-api03-TESTabcdefghijklmnopqrstuvwxyz0123',
  gemini: 'AIzaSyTESTabcdefghijklmnopqrstuvwxyz012',
  'openai-compatible': 'local-TESTabcdefghijklmnop0123',
};

export const PROTOCOL_OF: Record<ProviderKind, Protocol> = {
  openai: 'openai',
  anthropic: 'anthropic',
  gemini: 'gemini',
  'openai-compatible': 'openai',
};

export const MODEL_OF: Record<ProviderKind, string> = {
  openai: 'gpt-4o-mini',
  anthropic: 'claude-sonnet-5',
  gemini: 'gemini-2.5-flash',
  'openai-compatible': 'llama3.1:8b',
};

export function baseUrlFor(kind: ProviderKind, url: string): string {
  return PROTOCOL_OF[kind] === 'openai' ? `${url}/v1` : url;
}

export function makeProvider(
  kind: ProviderKind,
  emulator: Emulator,
  overrides: Partial<ProviderOptions> = {},
): LlmProvider {
  return createProvider(kind, {
    model: MODEL_OF[kind],
    baseUrl: baseUrlFor(kind, emulator.url),
    getApiKey: () => Promise.resolve(KEYS[kind]),
    timeoutMs: 5_000,
    ...overrides,
  });
}

export function textRequest(text: string, extra: Partial<LlmRequest> = {}): LlmRequest {
  return { messages: [{ role: 'user', content: [{ type: 'text', text }] }], maxOutputTokens: 256, ...extra };
}

export function requestWithParts(parts: ContentPart[], extra: Partial<LlmRequest> = {}): LlmRequest {
  return { messages: [{ role: 'user', content: parts }], maxOutputTokens: 256, ...extra };
}

export interface Collected {
  deltas: string[];
  result: LlmResult;
}

export async function collect(stream: AsyncIterable<StreamEvent>): Promise<Collected> {
  const deltas: string[] = [];
  let result: LlmResult | undefined;
  for await (const event of stream) {
    if (event.type === 'text') deltas.push(event.text);
    else result = event.result;
  }
  if (!result) throw new Error('stream ended without a done event');
  return { deltas, result };
}

/** Awaits a failure and checks it is a classified ProviderError. */
export async function expectProviderError(
  work: Promise<unknown>,
  errorClass: ProviderErrorClass,
): Promise<ProviderError> {
  const outcome = await work.then(
    () => null,
    (err: unknown) => err,
  );
  expect(outcome).toBeInstanceOf(ProviderError);
  const error = outcome as ProviderError;
  expect(error.errorClass, error.message).toBe(errorClass);
  return error;
}

/** The key a request carried, whichever header (or query parameter) its protocol uses. */
export function keySent(request: RecordedRequest): string | null {
  const bearer = /^Bearer\s+(.+)$/iu.exec(request.headers['authorization'] ?? '')?.[1];
  const query = new URL(request.url, 'http://x').searchParams.get('key');
  return request.headers['x-api-key'] ?? request.headers['x-goog-api-key'] ?? bearer ?? query ?? null;
}

/** Chat requests only (not model listings). */
export function chatRequests(emulator: Emulator): RecordedRequest[] {
  return emulator.requests().filter((r) => r.method === 'POST');
}

/** A port on 127.0.0.1 that was free a moment ago and has nothing listening now. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A 1×1 transparent PNG. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
