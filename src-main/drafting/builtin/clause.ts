import { joinList, withoutFinalStop } from './markdown-text';

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
 * Joins CV bullets into the rest of a sentence: "I designed X; moved Y; and introduced Z" when each
 * starts with a verb, otherwise "my work included: X; Y; and Z". Bullet text is kept word for word.
 */
export function bulletsAsClause(bullets: readonly string[]): string {
  const clauses = bullets.map((b) => lowerFirst(withoutFinalStop(b)));
  // Bullets often contain commas, so three or more are separated by semicolons.
  const list =
    clauses.length > 2
      ? `${clauses.slice(0, -1).join('; ')}; and ${clauses[clauses.length - 1] ?? ''}`
      : joinList(clauses);
  return bullets.every(startsWithVerb) ? `I ${list}` : `my work included: ${list}`;
}
