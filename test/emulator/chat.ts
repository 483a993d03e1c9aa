import type { ReplyUsage, ScriptedReply } from './types';

/** What the emulator needs to know about a chat request, whatever the protocol. */
export interface ChatInput {
  model: string;
  stream: boolean;
  /** Characters of prompt text, for the default usage estimate. */
  promptChars: number;
  lastUserText: string;
  /** JSON output was requested (schema when one was sent). */
  json: { schema: unknown } | null;
  /** OpenAI: `stream_options.include_usage` was set. */
  includeUsage: boolean;
  /** Anthropic: the tool the request forces (JSON output through a tool call). */
  forcedTool: string | null;
}

export interface ResolvedReply {
  text: string;
  chunks: string[];
  usage: Required<ReplyUsage> | null;
  finishReason: 'stop' | 'length';
}

const MAX_ECHO = 500;
const MAX_CHUNK = 24;

/** `{key}` in a scripted reply (text and chunks) is replaced by the key the request carried: a provider echoing its Authorization header. */
export function resolveReply(
  input: ChatInput,
  scripted: ScriptedReply | null,
  omitUsage: boolean,
  key: string | null = null,
): ResolvedReply {
  const echo = (t: string) => t.split('{key}').join(key ?? '');
  const text = scripted ? echo(scripted.text) : defaultText(input);
  const usage = omitUsage || scripted?.usage === null ? null : completeUsage(scripted?.usage, input, text);
  return {
    text,
    chunks: scripted?.chunks?.map(echo) ?? splitIntoChunks(text),
    usage,
    finishReason: scripted?.finishReason ?? 'stop',
  };
}

/** Deterministic: echoes the last user text, or a JSON sample of the requested schema. */
function defaultText(input: ChatInput): string {
  if (input.json) return JSON.stringify(sampleFromSchema(input.json.schema, input.lastUserText.slice(0, 40), 0));
  return `Echo: ${input.lastUserText.slice(0, MAX_ECHO)}`;
}

function completeUsage(given: ReplyUsage | undefined, input: ChatInput, text: string): Required<ReplyUsage> {
  if (given) return { input: given.input, output: given.output, cached: given.cached ?? 0 };
  return {
    input: Math.max(1, Math.ceil(input.promptChars / 4)),
    output: Math.max(1, Math.ceil(text.length / 4)),
    cached: 0,
  };
}

/** Word-sized chunks whose concatenation is exactly `text`. */
export function splitIntoChunks(text: string): string[] {
  const chunks: string[] = [];
  for (const word of text.split(/(?<=\s)(?=\S)/u)) {
    for (let i = 0; i < word.length; i += MAX_CHUNK) chunks.push(word.slice(i, i + MAX_CHUNK));
  }
  return chunks;
}

function schemaType(schema: Record<string, unknown>): string | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return type.toLowerCase();
  if (Array.isArray(type)) {
    const first = type.find((t): t is string => typeof t === 'string' && t !== 'null');
    return first?.toLowerCase();
  }
  if (schema['properties'] !== undefined) return 'object';
  return undefined;
}

/** A value that satisfies common JSON Schemas (and Gemini's subset): every property filled in. */
export function sampleFromSchema(schema: unknown, seed: string, depth: number): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema) || depth > 8) return {};
  const s = schema as Record<string, unknown>;
  if ('const' in s) return s['const'];
  const enumValues = s['enum'];
  if (Array.isArray(enumValues) && enumValues.length > 0) return enumValues[0];
  const variants = s['anyOf'] ?? s['oneOf'];
  if (Array.isArray(variants) && variants.length > 0) return sampleFromSchema(variants[0], seed, depth + 1);
  switch (schemaType(s)) {
    case 'string':
      return seed || 'sample';
    case 'number':
    case 'integer':
      return typeof s['minimum'] === 'number' ? s['minimum'] : 0;
    case 'boolean':
      return false;
    case 'array': {
      const min = typeof s['minItems'] === 'number' ? s['minItems'] : 0;
      return Array.from({ length: min }, () => sampleFromSchema(s['items'], seed, depth + 1));
    }
    case 'null':
      return null;
    default: {
      const out: Record<string, unknown> = {};
      const properties = s['properties'];
      if (typeof properties === 'object' && properties !== null) {
        for (const [name, sub] of Object.entries(properties)) out[name] = sampleFromSchema(sub, seed, depth + 1);
      }
      return out;
    }
  }
}
