import type { ChatInput, ResolvedReply } from '../chat';
import { arrayField, field, isRecord, parseJson, stringField } from '../json';
import { maskKey, type ErrorDetails, type ProtocolHandler, type SseEvent, type VendorError } from './protocol';

const MODELS = ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1', 'o4-mini'];

function error(
  status: number,
  message: string,
  type: string,
  code: string | null,
  param: string | null = null,
): VendorError {
  return { status, body: { error: { message, type, param, code } } };
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => (stringField(part, 'type') === 'text' ? (stringField(part, 'text') ?? '') : ''))
    .join('');
}

/**
 * JSON mode (`json_object`) carries no schema; clients that want a shape put it in the system prompt.
 * Finds a JSON object that runs to the end of the system text, so the default answer can follow it.
 */
function schemaInSystemPrompt(messages: unknown[]): unknown {
  const system = messages
    .filter((m) => stringField(m, 'role') === 'system')
    .map((m) => textOf(field(m, 'content')))
    .join('\n');
  let attempts = 0;
  for (let at = system.indexOf('{'); at >= 0 && attempts < 64; at = system.indexOf('{', at + 1), attempts++) {
    const parsed = parseJson(system.slice(at).trim());
    if (parsed.ok && isRecord(parsed.value)) return parsed.value;
  }
  return null;
}

function usageBody(reply: ResolvedReply): unknown {
  if (!reply.usage) return undefined;
  const { input, output, cached } = reply.usage;
  return {
    prompt_tokens: input,
    completion_tokens: output,
    total_tokens: input + output,
    prompt_tokens_details: { cached_tokens: cached, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

export const openAiProtocol: ProtocolHandler = {
  protocol: 'openai',
  requestIdHeader: 'x-request-id',

  readKey(headers) {
    const auth = headers['authorization'];
    const match = auth ? /^Bearer\s+(.*)$/iu.exec(auth) : null;
    return match?.[1] ? match[1] : null;
  },

  authError(key, messageOverride) {
    if (key === null)
      return error(
        401,
        messageOverride ??
          "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        'invalid_request_error',
        null,
      );
    return error(
      401,
      messageOverride ??
        `Incorrect API key provided: ${maskKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      'invalid_request_error',
      'invalid_api_key',
    );
  },

  errorBody(status, details: ErrorDetails) {
    const m = details.message;
    if (details.contextLength)
      return error(
        status,
        m ??
          "This model's maximum context length is 128000 tokens. However, your messages resulted in 131072 tokens. Please reduce the length of the messages.",
        'invalid_request_error',
        'context_length_exceeded',
        'messages',
      ).body;
    switch (status) {
      case 401:
        return error(status, m ?? 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key').body;
      case 403:
        return error(
          status,
          m ?? 'Project does not have access to this model.',
          'invalid_request_error',
          'model_not_allowed',
        ).body;
      case 404:
        return error(
          status,
          m ?? `The model \`${details.model}\` does not exist or you do not have access to it.`,
          'invalid_request_error',
          'model_not_found',
        ).body;
      case 429:
        return error(
          status,
          m ??
            `Rate limit reached for ${details.model} on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in ${details.retryAfterSeconds ?? 20}s.`,
          'requests',
          'rate_limit_exceeded',
        ).body;
      default:
        if (status >= 500)
          return error(
            status,
            m ?? 'The server had an error while processing your request. Sorry about that!',
            'server_error',
            null,
          ).body;
        return error(status, m ?? 'Invalid request: the request body is not valid.', 'invalid_request_error', null)
          .body;
    }
  },

  parseChat(body, _pathModel, _stream): ChatInput | VendorError {
    const model = stringField(body, 'model');
    const messages = arrayField(body, 'messages');
    if (!isRecord(body) || !model || messages.length === 0)
      return error(
        400,
        "Missing required parameter: 'messages' and 'model'.",
        'invalid_request_error',
        'missing_required_parameter',
      );
    const lastUser = [...messages].reverse().find((m) => stringField(m, 'role') === 'user');
    const format = field(body, 'response_format');
    const formatType = stringField(format, 'type');
    return {
      model,
      stream: body['stream'] === true,
      promptChars: messages.reduce<number>((n, m) => n + textOf(field(m, 'content')).length, 0),
      lastUserText: textOf(field(lastUser, 'content')),
      json:
        formatType === 'json_schema'
          ? { schema: field(field(format, 'json_schema'), 'schema') }
          : formatType === 'json_object'
            ? { schema: schemaInSystemPrompt(messages) }
            : null,
      includeUsage: field(field(body, 'stream_options'), 'include_usage') === true,
      forcedTool: null,
    };
  },

  modelsBody() {
    return {
      object: 'list',
      data: MODELS.map((id) => ({ id, object: 'model', created: 1_715_367_049, owned_by: 'system' })),
    };
  },

  jsonReply(input, reply, ids) {
    return {
      id: `chatcmpl-${ids.id}`,
      object: 'chat.completion',
      created: ids.createdSeconds,
      model: input.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: reply.text, refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: reply.finishReason,
        },
      ],
      usage: usageBody(reply),
      service_tier: 'default',
      system_fingerprint: 'fp_emulator',
    };
  },

  streamEvents(input, reply, ids): SseEvent[] {
    const base = {
      id: `chatcmpl-${ids.id}`,
      object: 'chat.completion.chunk',
      created: ids.createdSeconds,
      model: input.model,
      system_fingerprint: 'fp_emulator',
    };
    const withUsageField = input.includeUsage ? { usage: null } : {};
    const chunk = (delta: Record<string, unknown>, finish: string | null): SseEvent => ({
      data: JSON.stringify({
        ...base,
        choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
        ...withUsageField,
      }),
    });
    const events = [chunk({ role: 'assistant', content: '', refusal: null }, null)];
    for (const text of reply.chunks) events.push(chunk({ content: text }, null));
    events.push(chunk({}, reply.finishReason));
    const usage = usageBody(reply);
    if (input.includeUsage && usage) events.push({ data: JSON.stringify({ ...base, choices: [], usage }) });
    events.push({ data: '[DONE]' });
    return events;
  },

  malformedEvent() {
    return { data: '{"id":"chatcmpl-broken","choices":[{"delta":{"content":"oops' };
  },
};
