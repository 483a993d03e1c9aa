import Anthropic from '@anthropic-ai/sdk';
import type {
  ContentBlockParam,
  Message,
  MessageCreateParamsNonStreaming,
  MessageCreateParamsStreaming,
  MessageParam,
  Tool,
} from '@anthropic-ai/sdk/resources/messages';
import { readField } from './fields';
import { invalidOutput, requireJsonObject, wireSchemaName } from './json-output';
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
import { countOrNull } from './reported-usage';

const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';
const MODEL_PAGE_LIMIT = 1000;

export function createAnthropicProvider(options: ProviderOptions): LlmProvider {
  return new AnthropicProvider(options);
}

/**
 * Usage note for pricing: Anthropic's `input_tokens` EXCLUDES cache reads (and cache writes).
 * `cachedInputTokens` (cache_read_input_tokens) is reported alongside and is kept as reported, not
 * added in: total prompt tokens = inputTokens + cachedInputTokens (+ cache writes, not reported here).
 * OpenAI and Gemini instead count cached tokens inside their input figure.
 */
class AnthropicProvider implements LlmProvider {
  readonly kind = 'anthropic' as const;
  readonly model: string;
  private sdk: Anthropic | null = null;

  constructor(private readonly options: ProviderOptions) {
    this.model = options.model;
  }

  generate(request: LlmRequest, signal?: AbortSignal): Promise<LlmResult> {
    return runCall(this.settings(request.timeoutMs), signal, async (call) => {
      const params: MessageCreateParamsNonStreaming = { ...this.params(request), stream: false };
      // The SDK puts the request-id header on the parsed answer (`withResponse()` would cost a second chain).
      const data = await this.client().messages.create(params, callOptions(call));
      return this.resultOf(data, data._request_id ?? null, request);
    });
  }

  stream(request: LlmRequest, signal?: AbortSignal): AsyncIterable<StreamEvent> {
    return runStream(this.settings(request.timeoutMs), signal, (call) => this.streamEvents(request, call));
  }

  async testCredentials(signal?: AbortSignal): Promise<void> {
    await runCall(this.settings(), signal, (call) => this.client().models.list({ limit: 1 }, callOptions(call)));
  }

  listModels(signal?: AbortSignal): Promise<ModelInfo[]> {
    return runCall(this.settings(), signal, async (call) => {
      const models: ModelInfo[] = [];
      for await (const model of this.client().models.list({ limit: 100 }, callOptions(call))) {
        models.push({ id: model.id, displayName: model.display_name });
        if (models.length >= MODEL_PAGE_LIMIT) break;
      }
      return models;
    });
  }

  private settings(timeoutMs?: number): CallSettings {
    return {
      kind: this.kind,
      endpoint: this.options.baseUrl ?? ANTHROPIC_BASE_URL,
      getApiKey: this.options.getApiKey,
      keyRequired: true,
      timeoutMs: timeoutMs ?? this.options.timeoutMs,
    };
  }

  /**
   * One client per provider object (building one reads the environment and sets up tracing: a client per
   * call cost more than the rest of the adapter). It holds only a placeholder key: each call sends the key
   * read at call time in its own headers (`callOptions`), so a rotated key is used at once and is never kept.
   */
  private client(): Anthropic {
    this.sdk ??= new Anthropic({
      apiKey: PLACEHOLDER_KEY,
      // An explicit value (never undefined) keeps the SDK from reading ANTHROPIC_BASE_URL.
      baseURL: this.options.baseUrl ?? ANTHROPIC_BASE_URL,
      maxRetries: 0,
      logLevel: 'off',
    });
    return this.sdk;
  }

  /** JSON output goes through a forced tool call whose input schema is the requested schema. */
  private params(request: LlmRequest): Omit<MessageCreateParamsNonStreaming, 'stream'> {
    const schema = request.jsonSchema;
    const tool: Tool | undefined = schema
      ? {
          name: wireSchemaName(schema.name),
          description: 'Return the answer as this tool input.',
          input_schema: { ...schema.schema, type: 'object' },
        }
      : undefined;
    return {
      model: this.model,
      max_tokens: request.maxOutputTokens,
      messages: request.messages.map(toAnthropicMessage),
      ...(request.system ? { system: request.system } : {}),
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(tool ? { tools: [tool], tool_choice: { type: 'tool' as const, name: tool.name } } : {}),
    };
  }

  private resultOf(message: Message, requestId: string | null, request: LlmRequest): LlmResult {
    let text: string;
    if (request.jsonSchema) {
      const toolUse = message.content.find((block) => block.type === 'tool_use');
      if (!toolUse) throw invalidOutput(this.kind, 'did not call the output tool');
      text = requireJsonObject(JSON.stringify(toolUse.input), this.kind);
    } else {
      text = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
    }
    return {
      text,
      finishReason: toFinishReason(message.stop_reason, request.jsonSchema !== undefined),
      usage: toUsage(message.usage),
      providerRequestId: requestId ?? message.id ?? null,
      model: message.model || this.model,
    };
  }

  private async *streamEvents(request: LlmRequest, call: ActiveCall): AsyncGenerator<StreamEvent> {
    const params: MessageCreateParamsStreaming = { ...this.params(request), stream: true };
    const { data: stream, request_id } = await this.client().messages.create(params, callOptions(call)).withResponse();
    const wantsJson = request.jsonSchema !== undefined;
    let text = '';
    let usage: ProviderUsage = { inputTokens: null, outputTokens: null, cachedInputTokens: null };
    let stopReason: string | null = null;
    let stopped = false;
    let messageId: string | null = null;
    let model = this.model;
    for await (const event of stream) {
      call.progress();
      switch (event.type) {
        case 'message_start':
          messageId = event.message.id;
          model = event.message.model || model;
          usage = toUsage(event.message.usage);
          break;
        case 'content_block_delta': {
          const delta = wantsJson
            ? event.delta.type === 'input_json_delta'
              ? event.delta.partial_json
              : ''
            : event.delta.type === 'text_delta'
              ? event.delta.text
              : '';
          if (delta) {
            text += delta;
            yield { type: 'text', text: delta };
          }
          break;
        }
        case 'message_delta':
          stopReason = event.delta.stop_reason ?? stopReason;
          usage = mergeDeltaUsage(usage, event.usage);
          break;
        case 'message_stop':
          stopped = true;
          break;
        default:
          break;
      }
    }
    // No message_stop: the stream stopped early (the SDK ends quietly on an abort).
    if (!stopped) return;
    if (wantsJson && text === '') throw invalidOutput(this.kind, 'did not call the output tool');
    yield {
      type: 'done',
      result: {
        text: wantsJson ? requireJsonObject(text, this.kind) : text,
        finishReason: toFinishReason(stopReason, wantsJson),
        usage,
        providerRequestId: request_id ?? messageId,
        model,
      },
    };
  }
}

function toAnthropicMessage(message: LlmMessage): MessageParam {
  const content: ContentBlockParam[] = message.content.map((part) =>
    part.type === 'text'
      ? { type: 'text', text: part.text }
      : { type: 'image', source: { type: 'base64', media_type: part.mediaType, data: part.data } },
  );
  return { role: message.role, content };
}

/** In JSON mode the forced tool call IS the answer, so `tool_use` is a normal stop. */
function toFinishReason(reason: string | null | undefined, jsonMode: boolean): FinishReason {
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'tool_use':
      return jsonMode ? 'stop' : 'tool_use';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'refusal':
      return 'content_filter';
    default:
      return 'other';
  }
}

/** Reads the usage object defensively: it can be missing (an OpenAI-style gateway in front, or a trimmed stream). */
function toUsage(usage: unknown): ProviderUsage {
  return {
    inputTokens: countOrNull(readField(usage, 'input_tokens')),
    outputTokens: countOrNull(readField(usage, 'output_tokens')),
    cachedInputTokens: countOrNull(readField(usage, 'cache_read_input_tokens')),
  };
}

/** message_delta carries the final (cumulative) output count, and sometimes updated input counts. */
function mergeDeltaUsage(current: ProviderUsage, delta: unknown): ProviderUsage {
  const next = toUsage(delta);
  return {
    inputTokens: next.inputTokens ?? current.inputTokens,
    outputTokens: next.outputTokens ?? current.outputTokens,
    cachedInputTokens: next.cachedInputTokens ?? current.cachedInputTokens,
  };
}

/** Per-request options: the call's deadline, timeout and the key read for this call. */
function callOptions(call: ActiveCall): { signal: AbortSignal; timeout: number; headers: Record<string, string> } {
  return { signal: call.signal, timeout: call.timeoutMs, headers: { 'x-api-key': call.apiKey } };
}
