import { REDACTED, redactSecrets } from './redact';

/**
 * Every secret read from or written to the keychain in this process is registered here, so any text
 * leaving main (an error message, a log line) can be scrubbed even when an SDK echoes a key back.
 */
const known = new Set<string>();
/** One pre-built pattern over every known secret (longest first), rebuilt only when a new secret is registered. */
let pattern: RegExp | null = null;

export function registerSecret(secret: string | null | undefined): void {
  if (!secret || secret.length < 8 || known.has(secret)) return;
  known.add(secret);
  const all = [...known].sort((a, b) => b.length - a.length);
  pattern = new RegExp(all.map(escapeRegExp).join('|'), 'gu');
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

/**
 * The length of the longest end of `text` that is the beginning of a known secret (a secret a stream may have
 * split across chunks), 0 when there is none. Only positions holding a secret's first character are tried.
 */
export function heldSecretPrefix(text: string): number {
  let held = 0;
  for (const secret of known) {
    const first = secret[0]!;
    const from = Math.max(0, text.length - secret.length + 1);
    for (let at = text.indexOf(first, from); at !== -1 && text.length - at > held; at = text.indexOf(first, at + 1))
      if (secret.startsWith(text.slice(at))) {
        held = text.length - at;
        break;
      }
  }
  return held;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

export function redactKnownSecrets(text: string): string {
  return known.size === 0 ? text : redactSecrets(text, [...known]);
}
