import type { ChatInput, ResolvedReply } from '../chat';
import { arrayField, field, isRecord, parseJson, stringField } from '../json';
import type { ErrorDetails, ProtocolHandler, SseEvent, VendorError } from './protocol';

const MODELS = [
  { id: 'claude-sonnet-5', display_name: 'Claude Sonnet 5' },
  { id: 'claude-opus-5', display_name: 'Claude Opus 5' },
  { id: 'claude-haiku-4-5', display_name: 'Claude Haiku 4.5' },
];

function error(status: number, type: string, message: string): VendorError {
  return { status, body: { type: 'error', error: { type, message }, request_id: null } };
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((block) => (stringField(block, 'type') === 'text' ? (stringField(block, 'text') ?? '') : ''))
    .join('');
}

/** A forced tool call answers with the tool's input, which must be a JSON object; anything else comes back as text. */
function toolInput(input: ChatInput, reply: ResolvedReply): Record<string, unknown> | null {
  if (!input.forcedTool) return null;
  const parsed = parseJson(reply.text);
  return parsed.ok && isRecord(parsed.value) ? parsed.value : null;
}

function stopReason(reply: ResolvedReply, usesTool: boolean): string {
  if (reply.finishReason === 'length') return 'max_tokens';
  return usesTool ? 'tool_use' : 'end_turn';
}

/** `message_start` reports output_tokens 1 (as the real API does); the final count comes in `message_delta`. */
function usageField(reply: ResolvedReply, outputTokens: number): Record<string, unknown> {
  if (!reply.usage) return {};
  return {
    usage: {
      input_tokens: reply.usage.input,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: reply.usage.cached,
      output_tokens: outputTokens,
      service_tier: 'standard',
    },
  };
}

export const anthropicProtocol: ProtocolHandler = {
  protocol: 'anthropic',
  requestIdHeader: 'request-id',

  /** `x-api-key` is the documented header; SDK 1.x sends the key as `Authorization: Bearer` instead. */
  readKey(headers) {
    const bearer = /^Bearer\s+(.+)$/iu.exec(headers['authorization'] ?? '')?.[1];
    return headers['x-api-key'] || bearer || null;
  },

  authError(key, messageOverride) {
    return error(
      401,
      'authentication_error',
      messageOverride ?? (key === null ? 'x-api-key header is required' : 'invalid x-api-key'),
    );
  },

  errorBody(status, details: ErrorDetails) {
    const m = details.message;
    if (details.contextLength)
      return error(status, 'invalid_request_error', m ?? 'prompt is too long: 215033 tokens > 200000 maximum').body;
    switch (status) {
      case 401:
        return error(status, 'authentication_error', m ?? 'invalid x-api-key').body;
      case 402:
        return error(status, 'billing_error', m ?? 'Your credit balance is too low to access the Anthropic API.').body;
      case 403:
        return error(
          status,
          'permission_error',
          m ?? 'Your API key does not have permission to use the specified resource.',
        ).body;
      case 404:
        return error(status, 'not_found_error', m ?? `model: ${details.model}`).body;
      case 413:
        return error(status, 'request_too_large', m ?? 'Request exceeds the maximum allowed number of bytes.').body;
      case 429:
        return error(
          status,
          'rate_limit_error',
          m ?? 'This request would exceed the rate limit for your organization of 50 requests per minute.',
        ).body;
      case 529:
        return error(status, 'overloaded_error', m ?? 'Overloaded').body;
      default:
        if (status >= 500) return error(status, 'api_error', m ?? 'Internal server error').body;
        return error(status, 'invalid_request_error', m ?? 'messages: field required').body;
    }
  },

  parseChat(body): ChatInput | VendorError {
    const model = stringField(body, 'model');
    const messages = arrayField(body, 'messages');
    if (!isRecord(body) || !model || messages.length === 0)
      return error(400, 'invalid_request_error', 'messages: Field required');
    if (typeof body['max_tokens'] !== 'number')
      return error(400, 'invalid_request_error', 'max_tokens: Field required');
    const lastUser = [...messages].reverse().find((m) => stringField(m, 'role') === 'user');
    const choice = field(body, 'tool_choice');
    const forcedTool = stringField(choice, 'type') === 'tool' ? (stringField(choice, 'name') ?? null) : null;
    const tool = arrayField(body, 'tools').find((t) => stringField(t, 'name') === forcedTool);
    return {
      model,
      stream: body['stream'] === true,
      promptChars:
        textOf(body['system']).length + messages.reduce<number>((n, m) => n + textOf(field(m, 'content')).length, 0),
      lastUserText: textOf(field(lastUser, 'content')),
      json: forcedTool ? { schema: field(tool, 'input_schema') ?? null } : null,
      includeUsage: false,
      forcedTool,
    };
  },

  modelsBody() {
    return {
      data: MODELS.map((m) => ({ ...m, type: 'model', created_at: '2025-09-29T00:00:00Z' })),
      has_more: false,
      first_id: MODELS[0]?.id ?? null,
      last_id: MODELS[MODELS.length - 1]?.id ?? null,
    };
  },

  jsonReply(input, reply, ids) {
    const tool = toolInput(input, reply);
    const content =
      tool && input.forcedTool
        ? [{ type: 'tool_use', id: `toolu_${ids.id}`, name: input.forcedTool, input: tool }]
        : [{ type: 'text', text: reply.text }];
    return {
      id: `msg_${ids.id}`,
      type: 'message',
      role: 'assistant',
      model: input.model,
      content,
      stop_reason: stopReason(reply, tool !== null),
      stop_sequence: null,
      ...usageField(reply, reply.usage?.output ?? 0),
    };
  },

  streamEvents(input, reply, ids): SseEvent[] {
    const tool = toolInput(input, reply);
    const event = (name: string, data: Record<string, unknown>): SseEvent => ({
      event: name,
      data: JSON.stringify({ type: name, ...data }),
    });
    const message = {
      id: `msg_${ids.id}`,
      type: 'message',
      role: 'assistant',
      model: input.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      ...usageField(reply, 1),
    };
    const block =
      tool && input.forcedTool
        ? { type: 'tool_use', id: `toolu_${ids.id}`, name: input.forcedTool, input: {} }
        : { type: 'text', text: '' };
    const events = [
      event('message_start', { message }),
      event('ping', {}),
      event('content_block_start', { index: 0, content_block: block }),
    ];
    for (const text of reply.chunks) {
      const delta = tool ? { type: 'input_json_delta', partial_json: text } : { type: 'text_delta', text };
      events.push(event('content_block_delta', { index: 0, delta }));
    }
    events.push(event('content_block_stop', { index: 0 }));
    events.push(
      event('message_delta', {
        delta: { stop_reason: stopReason(reply, tool !== null), stop_sequence: null },
        ...(reply.usage ? { usage: { output_tokens: reply.usage.output } } : {}),
      }),
    );
    events.push(event('message_stop', {}));
    return events;
  },

  malformedEvent() {
    return {
      event: 'content_block_delta',
      data: '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"oo',
    };
  },
};
