import { REDACTED, redactSecrets } from './redact';

/**
 * Every secret read from or written to the keychain in this process is registered here, so any text
 * leaving main (an error message, a log line) can be scrubbed even when an SDK echoes a key back.
 */
const known = new Set<string>();
/** One pre-built pattern over every known secret (longest first), rebuilt only when a new secret is registered. */
let pattern: RegExp | null = null;
let longest = 0;

export function registerSecret(secret: string | null | undefined): void {
  if (!secret || secret.length < 8 || known.has(secret)) return;
  known.add(secret);
  const all = [...known].sort((a, b) => b.length - a.length);
  pattern = new RegExp(all.map(escapeRegExp).join('|'), 'gu');
  longest = all[0]?.length ?? 0;
}

/**
 * Model output with every known secret replaced whole by `[redacted]` (a provider echoing the Authorization
 * header). One pre-built regex: cheap on the hot path when no secret is known or the text holds none.
 */
export function scrubKnownSecrets(text: string): string {
  if (pattern === null) return text;
  pattern.lastIndex = 0;
  return pattern.test(text) ? text.replace(pattern, REDACTED) : text;
}

/** Length of the longest known secret: how much of a stream must be held back to catch one split across chunks. */
export function longestKnownSecret(): number {
  return longest;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

export function redactKnownSecrets(text: string): string {
  return known.size === 0 ? text : redactSecrets(text, [...known]);
}
