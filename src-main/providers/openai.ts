import OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionContentPart,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import { ProviderError, vendorNameInSentence } from './errors';
import { jsonInstruction, requireJsonObject, wireSchemaName } from './json-output';
import { PLACEHOLDER_KEY, runCall, runStream, type ActiveCall, type CallSettings } from './call-runner';
import type {
  FinishReason,
  LlmMessage,
  LlmProvider,
  LlmRequest,
  LlmResult,
  ModelInfo,
  ProviderOptions,
  ProviderUsage,
  StreamEvent,
} from './types';
import { countOrNull, NO_USAGE } from './reported-usage';

/** How a server that speaks the OpenAI chat-completions protocol differs from OpenAI itself. */
export interface OpenAiDialect {
  kind: 'openai' | 'openai-compatible';
  keyRequired: boolean;
  /** `json_schema`: strict structured output. `json_object`: JSON mode plus the schema in the system prompt. */
  jsonMode: 'json_schema' | 'json_object';
  /** Current OpenAI models take `max_completion_tokens`; many local servers only know `max_tokens`. */
  maxTokensField: 'max_completion_tokens' | 'max_tokens';
  /** When listing models is not supported, check credentials with a one-token call instead. */
  testWithCompletionFallback: boolean;
  /** Used when the config has no base URL. */
  defaultBaseUrl: string;
}

export const OPENAI_DIALECT: OpenAiDialect = {
  kind: 'openai',
  keyRequired: true,
  jsonMode: 'json_schema',
  maxTokensField: 'max_completion_tokens',
  testWithCompletionFallback: false,
  defaultBaseUrl: 'https://api.openai.com/v1',
};

export function createOpenAiProvider(options: ProviderOptions, dialect: OpenAiDialect = OPENAI_DIALECT): LlmProvider {
  return new OpenAiProvider(options, dialect);
}

class OpenAiProvider implements LlmProvider {
  readonly kind: 'openai' | 'openai-compatible';
  readonly model: string;
  private sdk: OpenAI | null = null;

  constructor(
    private readonly options: ProviderOptions,
    private readonly dialect: OpenAiDialect,
  ) {
    this.kind = dialect.kind;
    this.model = options.model;
  }

  generate(request: LlmRequest, signal?: AbortSignal): Promise<LlmResult> {
    return runCall(this.settings(request.timeoutMs), signal, async (call) => {
      // The SDK puts the x-request-id header on the parsed answer (`withResponse()` would cost a second chain).
      const data = await this.client().chat.completions.create(
        { ...this.body(request), stream: false } satisfies ChatCompletionCreateParamsNonStreaming,
        callOptions(call),
      );
      return this.resultOf(data, data._request_id ?? null, request);
    });
  }

  stream(request: LlmRequest, signal?: AbortSignal): AsyncIterable<StreamEvent> {
    return runStream(this.settings(request.timeoutMs), signal, (call) => this.streamEvents(request, call));
  }

  async testCredentials(signal?: AbortSignal): Promise<void> {
    try {
      await this.listModels(signal);
    } catch (err) {
      const unsupported = err instanceof ProviderError && err.status === 404;
      if (!this.dialect.testWithCompletionFallback || !unsupported) throw err;
      await this.generate(
        { messages: [{ role: 'user', content: [{ type: 'text', text: 'ping' }] }], maxOutputTokens: 1 },
        signal,
      );
    }
  }

  listModels(signal?: AbortSignal): Promise<ModelInfo[]> {
    return runCall(this.settings(), signal, async (call) => {
      const models: ModelInfo[] = [];
      for await (const model of this.client().models.list(callOptions(call))) models.push({ id: model.id });
      return models;
    });
  }

  private settings(timeoutMs?: number): CallSettings {
    return {
      kind: this.kind,
      endpoint: this.baseUrl(),
      getApiKey: this.options.getApiKey,
      keyRequired: this.dialect.keyRequired,
      timeoutMs: timeoutMs ?? this.options.timeoutMs,
    };
  }

  private baseUrl(): string {
    return this.options.baseUrl ?? this.dialect.defaultBaseUrl;
  }

  /**
   * One client per provider object, built once (a client per call cost ~50 µs of the router's overhead). It
   * holds no key, only the placeholder for servers that need none: each call sends the key read at call time
   * in its own headers (`callOptions`), so a rotated key is used at once and the key is never kept.
   */
  private client(): OpenAI {
    this.sdk ??= new OpenAI({
      apiKey: PLACEHOLDER_KEY,
      baseURL: this.baseUrl(),
      // null stops the SDK from reading OPENAI_ORG_ID / OPENAI_PROJECT_ID from the environment.
      organization: null,
      project: null,
      maxRetries: 0,
      logLevel: 'off',
    });
    return this.sdk;
  }

  private body(request: LlmRequest): Omit<ChatCompletionCreateParamsNonStreaming, 'stream'> {
    const schema = request.jsonSchema;
    const useJsonObject = schema !== undefined && this.dialect.jsonMode === 'json_object';
    const system = [request.system, useJsonObject ? jsonInstruction(schema.schema) : undefined]
      .filter(Boolean)
      .join('\n\n');
    return {
      model: this.model,
      messages: [
        ...(system ? [{ role: 'system' as const, content: system }] : []),
        ...request.messages.map(toOpenAiMessage),
      ],
      ...(this.dialect.maxTokensField === 'max_tokens'
        ? { max_tokens: request.maxOutputTokens }
        : { max_completion_tokens: request.maxOutputTokens }),
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(schema === undefined
        ? {}
        : useJsonObject
          ? { response_format: { type: 'json_object' as const } }
          : {
              response_format: {
                type: 'json_schema' as const,
                json_schema: { name: wireSchemaName(schema.name), schema: schema.schema, strict: true },
              },
            }),
    };
  }

  private resultOf(data: ChatCompletion, requestId: string | null, request: LlmRequest): LlmResult {
    const choice = data.choices[0];
    if (!choice) throw this.malformed('had no choices');
    const text = choice.message.content ?? '';
    return {
      text: request.jsonSchema ? requireJsonObject(text, this.kind) : text,
      finishReason: toFinishReason(choice.finish_reason),
      usage: toUsage(data.usage),
      providerRequestId: requestId ?? data.id ?? null,
      model: data.model || this.model,
    };
  }

  private async *streamEvents(request: LlmRequest, call: ActiveCall): AsyncGenerator<StreamEvent> {
    const params: ChatCompletionCreateParamsStreaming = {
      ...this.body(request),
      stream: true,
      stream_options: { include_usage: true },
    };
    const { data: stream, request_id } = await this.client()
      .chat.completions.create(params, callOptions(call))
      .withResponse();
    let text = '';
    let finish: string | null = null;
    let usage: CompletionUsage | null | undefined;
    let model = this.model;
    let responseId: string | null = null;
    for await (const chunk of stream) {
      call.progress();
      responseId ??= chunk.id || null;
      model = chunk.model || model;
      if (chunk.usage) usage = chunk.usage;
      const choice = chunk.choices[0];
      const delta = choice?.delta?.content;
      if (delta) {
        text += delta;
        yield { type: 'text', text: delta };
      }
      if (choice?.finish_reason) finish = choice.finish_reason;
    }
    // No finish_reason: the stream stopped early (the SDK ends quietly on an abort and on a missing [DONE]).
    if (finish === null) return;
    yield {
      type: 'done',
      result: {
        text: request.jsonSchema ? requireJsonObject(text, this.kind) : text,
        finishReason: toFinishReason(finish),
        usage: toUsage(usage),
        providerRequestId: request_id ?? responseId,
        model,
      },
    };
  }

  private malformed(what: string): ProviderError {
    return new ProviderError({
      errorClass: 'unavailable',
      providerKind: this.kind,
      message: `The answer from ${vendorNameInSentence(this.kind)} ${what}`,
    });
  }
}

/**
 * Per-request options: the call's deadline, timeout and key. A key goes in the request's own headers (they
 * override the client's placeholder); a server that needs none gets the placeholder, with no header to merge.
 */
function callOptions(call: ActiveCall): { signal: AbortSignal; timeout: number; headers?: Record<string, string> } {
  const options = { signal: call.signal, timeout: call.timeoutMs };
  return call.apiKey === PLACEHOLDER_KEY
    ? options
    : { ...options, headers: { Authorization: `Bearer ${call.apiKey}` } };
}

function toOpenAiMessage(message: LlmMessage): ChatCompletionMessageParam {
  if (message.role === 'assistant') {
    return {
      role: 'assistant',
      content: message.content.map((part) => (part.type === 'text' ? part.text : '')).join(''),
    };
  }
  const content: ChatCompletionContentPart[] = message.content.map((part) =>
    part.type === 'text'
      ? { type: 'text', text: part.text }
      : { type: 'image_url', image_url: { url: `data:${part.mediaType};base64,${part.data}` } },
  );
  return { role: 'user', content };
}

function toFinishReason(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content_filter';
    case 'tool_calls':
    case 'function_call':
      return 'tool_use';
    default:
      return 'other';
  }
}

/** OpenAI's prompt_tokens includes the cached tokens (cached_tokens is a part of it, billed at a discount). */
function toUsage(usage: CompletionUsage | null | undefined): ProviderUsage {
  if (!usage) return NO_USAGE;
  return {
    inputTokens: countOrNull(usage.prompt_tokens),
    outputTokens: countOrNull(usage.completion_tokens),
    cachedInputTokens: countOrNull(usage.prompt_tokens_details?.cached_tokens),
  };
}
