import type { LlmRequest } from '../providers/types';

/** Deliberately generous (3 characters a token, ~1,600 a picture) so a reservation is an upper bound. */
const CHARS_PER_TOKEN = 3;
const TOKENS_PER_IMAGE = 1_600;

export function requestText(request: Pick<LlmRequest, 'system' | 'messages'>): string {
  const parts = [request.system ?? ''];
  for (const m of request.messages) for (const c of m.content) if (c.type === 'text') parts.push(c.text);
  return parts.join('\n');
}

/** A schema's JSON length, measured once: the same schema object goes with every call of a feature. */
const schemaChars = new WeakMap<object, number>();

function charsOfSchema(schema: Record<string, unknown>): number {
  let chars = schemaChars.get(schema);
  if (chars === undefined) {
    chars = JSON.stringify(schema).length;
    schemaChars.set(schema, chars);
  }
  return chars;
}

export function estimateRequestTokens(request: Pick<LlmRequest, 'system' | 'messages' | 'jsonSchema'>): number {
  let chars = (request.system ?? '').length + (request.jsonSchema ? charsOfSchema(request.jsonSchema.schema) : 0);
  let images = 0;
  for (const m of request.messages)
    for (const c of m.content) {
      if (c.type === 'text') chars += c.text.length;
      else images++;
    }
  return Math.ceil(chars / CHARS_PER_TOKEN) + images * TOKENS_PER_IMAGE + 16;
}
