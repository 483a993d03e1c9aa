import {
  GoogleGenerativeAI,
  SchemaType,
  type Content,
  type EnhancedGenerateContentResponse,
  type GenerateContentResponse,
  type GenerationConfig,
  type GenerativeModel,
  type Part,
  type Schema,
} from '@google/generative-ai';
import { ConnectionFailure, probeConnection } from './connection-probe';
import { readField, readString } from './fields';
import { toGeminiSchema, type GeminiSchemaNode } from './gemini-schema';
import { failureFromResponse } from './http-failure';
import { requireJsonObject } from './json-output';
import { runCall, runStream, type ActiveCall, type CallSettings } from './call-runner';
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

const GEMINI_BASE_URL = 'https://generativelanguage.googleapis.com';
const API_VERSION = 'v1beta';
const MAX_MODEL_PAGES = 10;
const SDK_FETCH_FAILED = /^\[GoogleGenerativeAI Error\]: Error fetching from .*: fetch failed/u;

export function createGeminiProvider(options: ProviderOptions): LlmProvider {
  return new GeminiProvider(options);
}

/**
 * SDK notes (@google/generative-ai 0.24): it makes exactly one fetch per call (no retries, nothing to
 * turn off); its `timeout` option starts a timer it never clears and reports a timeout as an abort,
 * so the deadline here is our own signal instead; it has no model listing, so that is a plain fetch.
 * Usage note for pricing: promptTokenCount INCLUDES cachedContentTokenCount.
 */
class GeminiProvider implements LlmProvider {
  readonly kind = 'gemini' as const;
  readonly model: string;

  constructor(private readonly options: ProviderOptions) {
    this.model = options.model;
  }

  generate(request: LlmRequest, signal?: AbortSignal): Promise<LlmResult> {
    return runCall(this.settings(request.timeoutMs), signal, async (call) => {
      const { response } = await this.diagnosed(call, () =>
        this.generativeModel(call, request).generateContent(
          { contents: toContents(request.messages) },
          { signal: call.signal },
        ),
      );
      return this.resultOf(response, request);
    });
  }

  stream(request: LlmRequest, signal?: AbortSignal): AsyncIterable<StreamEvent> {
    return runStream(this.settings(request.timeoutMs), signal, (call) => this.streamEvents(request, call));
  }

  async testCredentials(signal?: AbortSignal): Promise<void> {
    await runCall(this.settings(), signal, (call) => this.fetchModelPage(call, 1, undefined));
  }

  listModels(signal?: AbortSignal): Promise<ModelInfo[]> {
    return runCall(this.settings(), signal, async (call) => {
      const models: ModelInfo[] = [];
      let pageToken: string | undefined;
      for (let page = 0; page < MAX_MODEL_PAGES; page++) {
        const body = await this.fetchModelPage(call, 1000, pageToken);
        models.push(...toModelInfos(body));
        pageToken = readString(body, 'nextPageToken');
        if (!pageToken) break;
      }
      return models;
    });
  }

  private settings(timeoutMs?: number): CallSettings {
    return {
      kind: this.kind,
      endpoint: this.baseUrl(),
      getApiKey: this.options.getApiKey,
      keyRequired: true,
      timeoutMs: timeoutMs ?? this.options.timeoutMs,
    };
  }

  private baseUrl(): string {
    return (this.options.baseUrl ?? GEMINI_BASE_URL).replace(/\/+$/u, '');
  }

  /** A client per call: the key may have been rotated since the last one, and is never kept. */
  private generativeModel(call: ActiveCall, request: LlmRequest): GenerativeModel {
    const generationConfig: GenerationConfig = {
      maxOutputTokens: request.maxOutputTokens,
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.jsonSchema
        ? {
            responseMimeType: 'application/json',
            responseSchema: toSdkSchema(toGeminiSchema(request.jsonSchema.schema)),
          }
        : {}),
    };
    return new GoogleGenerativeAI(call.apiKey).getGenerativeModel(
      { model: this.model, generationConfig, ...(request.system ? { systemInstruction: request.system } : {}) },
      { baseUrl: this.baseUrl(), apiVersion: API_VERSION },
    );
  }

  /**
   * The SDK replaces a failed fetch by "Error fetching from …: fetch failed" and drops its cause, so
   * a refused connection and a dropped one look alike. One TCP probe tells them apart.
   */
  private async diagnosed<T>(call: ActiveCall, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (err) {
      const lostCause = err instanceof Error && SDK_FETCH_FAILED.test(err.message) && !call.signal.aborted;
      if (!lostCause) throw err;
      throw new ConnectionFailure((await probeConnection(this.baseUrl())) ?? 'ECONNRESET', this.baseUrl());
    }
  }

  private async fetchModelPage(call: ActiveCall, pageSize: number, pageToken: string | undefined): Promise<unknown> {
    const query = new URLSearchParams({ pageSize: String(pageSize), ...(pageToken ? { pageToken } : {}) });
    const response = await fetch(`${this.baseUrl()}/${API_VERSION}/models?${query}`, {
      headers: { 'x-goog-api-key': call.apiKey },
      signal: call.signal,
    });
    if (!response.ok) throw await failureFromResponse(response);
    return (await response.json()) as unknown;
  }

  private resultOf(response: GenerateContentResponse, request: LlmRequest): LlmResult {
    const candidate = response.candidates?.[0];
    const text = textOf(response);
    const blocked = !candidate && response.promptFeedback?.blockReason !== undefined;
    return {
      text: request.jsonSchema ? requireJsonObject(text, this.kind) : text,
      finishReason: blocked ? 'content_filter' : toFinishReason(candidate?.finishReason),
      usage: toUsage(response.usageMetadata),
      providerRequestId: readString(response, 'responseId') ?? null,
      model: readString(response, 'modelVersion') ?? this.model,
    };
  }

  private async *streamEvents(request: LlmRequest, call: ActiveCall): AsyncGenerator<StreamEvent> {
    const result = await this.diagnosed(call, () =>
      this.generativeModel(call, request).generateContentStream(
        { contents: toContents(request.messages) },
        { signal: call.signal },
      ),
    );
    // The SDK also aggregates the stream into `response`; when the stream fails that promise rejects
    // too, and nobody else awaits it.
    result.response.catch(() => undefined);
    let text = '';
    let last: EnhancedGenerateContentResponse | undefined;
    let finishReason: string | undefined;
    let usage: ProviderUsage = NO_USAGE;
    for await (const chunk of result.stream) {
      call.progress();
      last = chunk;
      const delta = textOf(chunk);
      if (delta) {
        text += delta;
        yield { type: 'text', text: delta };
      }
      finishReason = chunk.candidates?.[0]?.finishReason ?? finishReason;
      if (chunk.usageMetadata) usage = toUsage(chunk.usageMetadata);
    }
    // Gemini has no end-of-stream event: the last chunk carries the finish reason. Without one the stream was cut.
    const blocked = last?.promptFeedback?.blockReason !== undefined;
    if (finishReason === undefined && !blocked) return;
    yield {
      type: 'done',
      result: {
        text: request.jsonSchema ? requireJsonObject(text, this.kind) : text,
        finishReason: finishReason === undefined ? 'content_filter' : toFinishReason(finishReason),
        usage,
        providerRequestId: readString(last, 'responseId') ?? null,
        model: readString(last, 'modelVersion') ?? this.model,
      },
    };
  }
}

function toContents(messages: LlmMessage[]): Content[] {
  return messages.map((message) => ({
    role: message.role === 'assistant' ? 'model' : 'user',
    parts: message.content.map((part): Part =>
      part.type === 'text' ? { text: part.text } : { inlineData: { mimeType: part.mediaType, data: part.data } },
    ),
  }));
}

/** Joins the first candidate's text parts, skipping "thought" parts of thinking models. */
function textOf(response: GenerateContentResponse): string {
  const parts = response.candidates?.[0]?.content?.parts ?? [];
  return parts
    .filter((part) => readField(part, 'thought') !== true)
    .map((part) => part.text ?? '')
    .join('');
}

function toFinishReason(reason: string | undefined): FinishReason {
  switch (reason) {
    case 'STOP':
      return 'stop';
    case 'MAX_TOKENS':
      return 'length';
    case 'SAFETY':
    case 'RECITATION':
    case 'BLOCKLIST':
    case 'PROHIBITED_CONTENT':
    case 'SPII':
    case 'LANGUAGE':
      return 'content_filter';
    case 'MALFORMED_FUNCTION_CALL':
      return 'error';
    default:
      return 'other';
  }
}

/** Gemini leaves cachedContentTokenCount out when nothing came from a cache, so with usage present it means 0. */
function toUsage(metadata: GenerateContentResponse['usageMetadata']): ProviderUsage {
  if (!metadata) return NO_USAGE;
  return {
    inputTokens: countOrNull(metadata.promptTokenCount),
    outputTokens: countOrNull(metadata.candidatesTokenCount),
    cachedInputTokens: countOrNull(metadata.cachedContentTokenCount ?? 0),
  };
}

function toModelInfos(body: unknown): ModelInfo[] {
  const models = readField(body, 'models');
  if (!Array.isArray(models)) return [];
  return models.flatMap((model): ModelInfo[] => {
    const name = readString(model, 'name');
    const methods = readField(model, 'supportedGenerationMethods');
    const generates = !Array.isArray(methods) || methods.includes('generateContent');
    if (!name || !generates) return [];
    const displayName = readString(model, 'displayName');
    return [{ id: name.replace(/^models\//u, ''), ...(displayName ? { displayName } : {}) }];
  });
}

/** Maps the SDK-neutral Gemini schema onto the SDK's types (its `type` is a string enum). */
function toSdkSchema(node: GeminiSchemaNode): Schema {
  const base = {
    ...(node.description !== undefined ? { description: node.description } : {}),
    ...(node.nullable ? { nullable: true } : {}),
  };
  switch (node.type) {
    case 'object': {
      const properties: Record<string, Schema> = {};
      for (const [name, sub] of Object.entries(node.properties)) properties[name] = toSdkSchema(sub);
      return { ...base, type: SchemaType.OBJECT, properties, ...(node.required ? { required: node.required } : {}) };
    }
    case 'array':
      return {
        ...base,
        type: SchemaType.ARRAY,
        items: toSdkSchema(node.items),
        ...(node.minItems !== undefined ? { minItems: node.minItems } : {}),
        ...(node.maxItems !== undefined ? { maxItems: node.maxItems } : {}),
      };
    case 'integer':
      return { ...base, type: SchemaType.INTEGER, ...(node.format ? { format: node.format } : {}) };
    case 'number':
      return { ...base, type: SchemaType.NUMBER, ...(node.format ? { format: node.format } : {}) };
    case 'boolean':
      return { ...base, type: SchemaType.BOOLEAN };
    case 'string':
      if (node.enum) return { ...base, type: SchemaType.STRING, format: 'enum', enum: node.enum };
      return { ...base, type: SchemaType.STRING, ...(node.format === 'date-time' ? { format: 'date-time' } : {}) };
  }
}
