import { createHash } from 'node:crypto';
import type { DuplicateMatch, DuplicateReason } from '@contract';
import type { CandidateIdentity } from '../store/candidates-repo';
import { matchKey } from '../text/fold';

/** SHA-256 (hex) of a candidate's source text as read: the same file gives the same hash, whatever its name. */
export function sourceHash(sourceText: string): string {
  return createHash('sha256').update(sourceText, 'utf8').digest('hex');
}

/** A name compared without case, diacritics, punctuation or extra spaces ("Léa  Sørensen" = "lea sorensen"). */
const nameKey = (name: string): string => matchKey(name);

/** An email compared without case or diacritics; null when there is none. */
function emailKey(email: string | null): string | null {
  if (!email) return null;
  const key = email
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .trim()
    .toLowerCase();
  return key === '' ? null : key;
}

/**
 * The stored candidate an import duplicates, or null. `same_file`: the source text is identical; `same_person`:
 * the same name and the same email (both without an email counts as the same). The strongest match wins (both
 * reasons before one, the same file before the same person), the newest among equals.
 */
export function findDuplicate(
  stored: readonly CandidateIdentity[],
  incoming: { name: string; email: string | null; sourceHash: string },
): DuplicateMatch | null {
  const name = nameKey(incoming.name);
  const email = emailKey(incoming.email);
  let best: { match: DuplicateMatch; rank: number } | null = null;
  for (const row of stored) {
    const reasons: DuplicateReason[] = [];
    if (row.sourceHash === incoming.sourceHash) reasons.push('same_file');
    if (name !== '' && nameKey(row.name) === name && emailKey(row.email) === email) reasons.push('same_person');
    if (reasons.length === 0) continue;
    const rank = reasons.length * 2 + (reasons[0] === 'same_file' ? 1 : 0);
    if (best === null || rank > best.rank) {
      const { id, name: storedName, email: storedEmail, sourceFileName, createdAt } = row;
      best = { match: { id, name: storedName, email: storedEmail, sourceFileName, createdAt, reasons }, rank };
    }
  }
  return best?.match ?? null;
}
