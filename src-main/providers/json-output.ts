import { ProviderError, vendorNameInSentence, type ProviderErrorKind } from './errors';

const FENCED = /^```(?:json)?\s*([\s\S]*?)\s*```$/u;

/**
 * A JSON-mode answer must be one JSON object. Returns its text (without a Markdown fence some local
 * models add); anything else is `invalid_output`. Validation against the schema is the caller's.
 */
export function requireJsonObject(text: string, kind: ProviderErrorKind): string {
  const trimmed = text.trim();
  const unfenced = FENCED.exec(trimmed)?.[1] ?? trimmed;
  let parsed: unknown;
  try {
    parsed = JSON.parse(unfenced);
  } catch {
    throw invalidOutput(kind, 'is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw invalidOutput(kind, 'is not a JSON object');
  return unfenced;
}

export function invalidOutput(kind: ProviderErrorKind, why: string): ProviderError {
  return new ProviderError({
    errorClass: 'invalid_output',
    providerKind: kind,
    message: `The answer from ${vendorNameInSentence(kind)} ${why}`,
  });
}

/** Vendors allow `[a-zA-Z0-9_-]{1,64}` for schema and tool names. */
export function wireSchemaName(name: string): string {
  const cleaned = name.replace(/[^a-zA-Z0-9_-]/gu, '_').slice(0, 64);
  return cleaned || 'output';
}

/** For servers without structured output: the schema goes into the system prompt. */
export function jsonInstruction(schema: Record<string, unknown>): string {
  return `Reply with a single JSON object and nothing else (no prose, no Markdown). It must match this JSON Schema:\n${JSON.stringify(schema)}`;
}
