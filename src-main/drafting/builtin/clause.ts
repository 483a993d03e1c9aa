import { withoutFinalStop } from './markdown-text';

const LEADING_VERBS = new Set([
  'built',
  'led',
  'wrote',
  'ran',
  'made',
  'set',
  'drove',
  'grew',
  'won',
  'took',
  'gave',
  'kept',
  'began',
  'brought',
  'taught',
  'sold',
  'held',
  'cut',
  'put',
  'shipped',
  'lead',
  'mentor',
  'build',
  'design',
  'own',
  'run',
  'manage',
  'develop',
  'maintain',
  'write',
  'drive',
  'coordinate',
  'support',
  'deliver',
  'create',
  'oversee',
  'plan',
  'work',
]);

function lowerFirst(text: string): string {
  // Acronyms ("AWS", "API") keep their capitals.
  return /^\p{Lu}\p{Ll}/u.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}

function startsWithVerb(text: string): boolean {
  const first = (text.split(/\s+/u)[0] ?? '').toLowerCase();
  return first.endsWith('ed') || LEADING_VERBS.has(first);
}

/**
 * One bullet as the rest of a sentence, word for word: "I built X" when it starts with a verb, otherwise the bullet
 * quoted as the candidate wrote it, so a description never reads as something the candidate did.
 */
export function bulletAsClause(bullet: string): string {
  const text = withoutFinalStop(bullet);
  return startsWithVerb(text) ? `I ${lowerFirst(text)}` : `my CV lists "${text}"`;
}
