import { redactSecrets } from './redact';

/**
 * Every secret read from or written to the keychain in this process is registered here, so any text
 * leaving main (an error message, a log line) can be scrubbed even when an SDK echoes a key back.
 */
const known = new Set<string>();

export function registerSecret(secret: string | null | undefined): void {
  if (secret && secret.length >= 8) known.add(secret);
}

export function redactKnownSecrets(text: string): string {
  return known.size === 0 ? text : redactSecrets(text, [...known]);
}
