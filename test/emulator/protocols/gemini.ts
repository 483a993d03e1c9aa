import type { ChatInput, ResolvedReply } from '../chat';
import { arrayField, field, isRecord, stringField } from '../json';
import type { ErrorDetails, ProtocolHandler, SseEvent, VendorError } from './protocol';

const MODELS = [
  {
    name: 'models/gemini-2.5-flash',
    displayName: 'Gemini 2.5 Flash',
    supportedGenerationMethods: ['generateContent', 'countTokens'],
  },
  {
    name: 'models/gemini-2.5-pro',
    displayName: 'Gemini 2.5 Pro',
    supportedGenerationMethods: ['generateContent', 'countTokens'],
  },
  {
    name: 'models/text-embedding-004',
    displayName: 'Text Embedding 004',
    supportedGenerationMethods: ['embedContent'],
  },
];

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

function error(status: number, message: string, details?: unknown[]): VendorError {
  return {
    status,
    body: {
      error: { code: status, message, status: STATUS_NAMES[status] ?? 'UNKNOWN', ...(details ? { details } : {}) },
    },
  };
}

function partsText(content: unknown): string {
  return arrayField(content, 'parts')
    .map((part) => stringField(part, 'text') ?? '')
    .join('');
}

function usageMetadata(reply: ResolvedReply): Record<string, unknown> {
  if (!reply.usage) return {};
  const { input, output, cached } = reply.usage;
  // The real API leaves cachedContentTokenCount out when nothing came from a cache.
  return {
    usageMetadata: {
      promptTokenCount: input,
      candidatesTokenCount: output,
      totalTokenCount: input + output,
      ...(cached > 0 ? { cachedContentTokenCount: cached } : {}),
      promptTokensDetails: [{ modality: 'TEXT', tokenCount: input }],
    },
  };
}

function finishReason(reply: ResolvedReply): string {
  return reply.finishReason === 'length' ? 'MAX_TOKENS' : 'STOP';
}

export const geminiProtocol: ProtocolHandler = {
  protocol: 'gemini',
  requestIdHeader: null,

  readKey(headers, query) {
    return headers['x-goog-api-key'] || query.get('key') || null;
  },

  authError(key, messageOverride) {
    if (key === null)
      return error(
        403,
        messageOverride ??
          "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
      );
    // Gemini answers a wrong key with a 400, not a 401.
    return error(400, messageOverride ?? 'API key not valid. Please pass a valid API key.', [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'API_KEY_INVALID',
        domain: 'googleapis.com',
        metadata: { service: 'generativelanguage.googleapis.com' },
      },
      {
        '@type': 'type.googleapis.com/google.rpc.LocalizedMessage',
        locale: 'en-US',
        message: 'API key not valid. Please pass a valid API key.',
      },
    ]);
  },

  errorBody(status, details: ErrorDetails) {
    const m = details.message;
    if (details.contextLength)
      return error(
        status,
        m ?? 'The input token count (1250000) exceeds the maximum number of tokens allowed (1048576).',
      ).body;
    switch (status) {
      case 401:
        return error(
          status,
          m ??
            'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
        ).body;
      case 403:
        return error(status, m ?? 'The caller does not have permission').body;
      case 404:
        return error(
          status,
          m ?? `models/${details.model} is not found for API version v1beta, or is not supported for generateContent.`,
        ).body;
      case 429:
        return error(status, m ?? 'You exceeded your current quota, please check your plan and billing details.', [
          {
            '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
            violations: [
              {
                quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
                quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier',
              },
            ],
          },
          ...(details.retryAfterSeconds !== undefined
            ? [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${details.retryAfterSeconds}s` }]
            : []),
        ]).body;
      case 503:
        return error(status, m ?? 'The model is overloaded. Please try again later.').body;
      default:
        if (status >= 500)
          return error(
            status,
            m ??
              'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
          ).body;
        return error(status, m ?? 'Request contains an invalid argument.').body;
    }
  },

  parseChat(body, pathModel, stream): ChatInput | VendorError {
    const contents = arrayField(body, 'contents');
    if (!isRecord(body) || !pathModel || contents.length === 0)
      return error(400, '* GenerateContentRequest.contents: contents is not specified');
    const lastUser = [...contents].reverse().find((c) => (stringField(c, 'role') ?? 'user') === 'user');
    const config = field(body, 'generationConfig');
    const wantsJson = stringField(config, 'responseMimeType') === 'application/json';
    return {
      model: pathModel,
      stream,
      promptChars:
        partsText(field(body, 'systemInstruction')).length +
        contents.reduce<number>((n, c) => n + partsText(c).length, 0),
      lastUserText: partsText(lastUser),
      json: wantsJson ? { schema: field(config, 'responseSchema') ?? null } : null,
      includeUsage: false,
      forcedTool: null,
    };
  },

  modelsBody() {
    return {
      models: MODELS.map((m) => ({ ...m, version: '001', inputTokenLimit: 1_048_576, outputTokenLimit: 65_536 })),
    };
  },

  jsonReply(input, reply, ids) {
    return {
      candidates: [
        { content: { parts: [{ text: reply.text }], role: 'model' }, finishReason: finishReason(reply), index: 0 },
      ],
      ...usageMetadata(reply),
      modelVersion: input.model,
      responseId: `resp_${ids.id}`,
    };
  },

  streamEvents(input, reply, ids): SseEvent[] {
    const texts = reply.chunks.length > 0 ? reply.chunks : [''];
    return texts.map((text, index) => {
      const last = index === texts.length - 1;
      const candidate = {
        content: { parts: [{ text }], role: 'model' },
        index: 0,
        ...(last ? { finishReason: finishReason(reply) } : {}),
      };
      return {
        data: JSON.stringify({
          candidates: [candidate],
          ...(last ? usageMetadata(reply) : {}),
          modelVersion: input.model,
          responseId: `resp_${ids.id}`,
        }),
      };
    });
  },

  malformedEvent() {
    return { data: '{"candidates":[{"content":{"parts":[{"text":"oo' };
  },
};
