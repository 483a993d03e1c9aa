import type { ProviderErrorClass, ProviderKind } from '@contract';

export type ImageMediaType = 'image/png' | 'image/jpeg' | 'image/webp';

export type ContentPart =
  | { type: 'text'; text: string }
  | { type: 'image'; mediaType: ImageMediaType; /** base64, no data: prefix */ data: string };

export interface LlmMessage {
  role: 'user' | 'assistant';
  content: ContentPart[];
}

export interface LlmRequest {
  system?: string;
  messages: LlmMessage[];
  /** When set, the provider is asked for JSON matching this JSON Schema (object at the top level). */
  jsonSchema?: { name: string; schema: Record<string, unknown> };
  maxOutputTokens: number;
  temperature?: number;
  /** Per-request timeout; the provider aborts and throws `unavailable` (timeout) when it passes. */
  timeoutMs?: number;
}

export type FinishReason = 'stop' | 'length' | 'content_filter' | 'tool_use' | 'error' | 'other';

/** Token usage exactly as the provider reported it. `null` where the provider did not report it. */
export interface ProviderUsage {
  inputTokens: number | null;
  outputTokens: number | null;
  cachedInputTokens: number | null;
}

export interface LlmResult {
  text: string;
  finishReason: FinishReason;
  usage: ProviderUsage;
  /** The provider's own request / response id, when it sent one. */
  providerRequestId: string | null;
  model: string;
}

export type StreamEvent = { type: 'text'; text: string } | { type: 'done'; result: LlmResult };

export interface ModelInfo {
  id: string;
  displayName?: string;
}

export interface LlmProvider {
  readonly kind: ProviderKind | 'builtin';
  readonly model: string;
  generate(request: LlmRequest, signal?: AbortSignal): Promise<LlmResult>;
  /** Yields text deltas, then exactly one `done` event; throws a ProviderError on failure (never hangs). */
  stream(request: LlmRequest, signal?: AbortSignal): AsyncIterable<StreamEvent>;
  /** Makes the cheapest authenticated call the provider allows; throws a ProviderError when it fails. */
  testCredentials(signal?: AbortSignal): Promise<void>;
  listModels(signal?: AbortSignal): Promise<ModelInfo[]>;
}

export interface ProviderOptions {
  model: string;
  /** null = the vendor's default endpoint. */
  baseUrl: string | null;
  /** Called at request time; the key is never stored on the provider object. */
  getApiKey: () => Promise<string | null>;
  /** Default timeout for calls that do not set one. */
  timeoutMs: number;
}

export type { ProviderErrorClass };
