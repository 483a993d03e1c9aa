export const REDACTED = '[redacted]';

/** Fragments at least this long are treated as the key itself (SDKs and vendors echo partial keys). */
const MIN_FRAGMENT = 12;
/** Shorter secrets are only replaced whole, and below this length not at all (they would mangle ordinary text). */
const MIN_WHOLE = 8;

/**
 * Replaces every secret, and every run of 12+ characters that appears anywhere inside a secret,
 * with `[redacted]`.
 */
export function redactSecrets(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_WHOLE) continue;
    out = out.split(secret).join(REDACTED);
    if (secret.length > MIN_FRAGMENT) out = redactFragments(out, secret);
  }
  return out;
}

/** Greedy scan: at each position take the longest run that is a substring of the secret. */
function redactFragments(text: string, secret: string): string {
  const seeds = new Set<string>();
  for (let i = 0; i + MIN_FRAGMENT <= secret.length; i++) seeds.add(secret.slice(i, i + MIN_FRAGMENT));
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (!seeds.has(text.slice(i, i + MIN_FRAGMENT))) {
      out += text.charAt(i);
      i += 1;
      continue;
    }
    let end = i + MIN_FRAGMENT;
    while (end < text.length && secret.includes(text.slice(i, end + 1))) end += 1;
    out += REDACTED;
    i = end;
  }
  return out;
}
