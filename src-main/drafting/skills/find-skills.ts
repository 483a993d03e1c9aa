import { caseSensitiveMatchKey, indexOfKey, matchKey } from '../text/fold';
import { SKILLS_LEXICON, type SkillEntry } from './skills-lexicon';

interface CompiledSkill {
  name: string;
  caseSensitive: boolean;
  keys: string[];
}

function compile(entry: SkillEntry): CompiledSkill {
  const caseSensitive = entry.caseSensitive === true;
  const toKey = caseSensitive ? caseSensitiveMatchKey : matchKey;
  // Aliases of a case-sensitive name are distinctive spellings ("Golang"), matched case-insensitively.
  const aliasKeys = (entry.aliases ?? []).map(matchKey);
  return { name: entry.name, caseSensitive, keys: [toKey(entry.name), ...aliasKeys] };
}

interface Lexicon {
  compiled: CompiledSkill[];
  byKey: Map<string, CompiledSkill>;
}

let lexicon: Lexicon | null = null;

/** The lexicon's match keys, folded on first use rather than when the module loads (every command's start-up). */
function compiledLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const compiled = SKILLS_LEXICON.map(compile);
  const byKey = new Map<string, CompiledSkill>();
  for (const skill of compiled) {
    for (const key of [matchKey(skill.name), ...skill.keys.slice(1)]) {
      if (!byKey.has(key)) byKey.set(key, skill);
    }
  }
  lexicon = { compiled, byKey };
  return lexicon;
}

/** Keys of a text for skill matching; compute once per text. */
export interface SkillText {
  lower: string;
  cased: string;
}

export function skillText(text: string): SkillText {
  // matchKey is the case-sensitive key lower-cased: folding a long text once, not twice.
  const cased = caseSensitiveMatchKey(text);
  return { lower: cased.toLowerCase(), cased };
}

/** Where a skill is first mentioned, and how long that mention is; `at` is -1 when it is not. */
function firstMention(text: SkillText, skill: CompiledSkill): { at: number; length: number } {
  let best = { at: -1, length: 0 };
  skill.keys.forEach((key, position) => {
    const haystack = position === 0 && skill.caseSensitive ? text.cased : text.lower;
    const at = indexOfKey(haystack, key);
    if (at >= 0 && (best.at < 0 || at < best.at)) best = { at, length: key.length };
  });
  return best;
}

function firstIndex(text: SkillText, skill: CompiledSkill): number {
  return firstMention(text, skill).at;
}

/**
 * Lexicon skills mentioned in a text, by canonical name, in order of first mention. A skill whose first mention
 * lies inside a longer skill's ("GitHub" in "GitHub Actions", "React" in "React Native") is that longer skill.
 */
export function findSkills(text: string | SkillText): string[] {
  const keys = typeof text === 'string' ? skillText(text) : text;
  const hits = compiledLexicon()
    .compiled.map((skill, order) => ({ skill, order, ...firstMention(keys, skill) }))
    .filter((hit) => hit.at >= 0);
  const inside = (a: (typeof hits)[number], b: (typeof hits)[number]) =>
    b.length > a.length && b.at <= a.at && a.at + a.length <= b.at + b.length;
  return hits
    .filter((hit) => !hits.some((other) => inside(hit, other)))
    .sort((a, b) => a.at - b.at || a.order - b.order)
    .map((hit) => hit.skill.name);
}

/** The lexicon's canonical name for a skill written any known way ("golang" → "Go"), or the name itself. */
export function canonicalSkillName(name: string): string {
  return compiledLexicon().byKey.get(matchKey(name))?.name ?? name.trim();
}

/** Where a text first mentions a skill (in the text's folded keys), by any known spelling; `at` is -1 when not. */
export function skillMention(text: SkillText, name: string): { at: number; length: number } {
  const skill = compiledLexicon().byKey.get(matchKey(name));
  if (skill) return firstMention(text, skill);
  const key = matchKey(name);
  return { at: indexOfKey(text.lower, key), length: key.length };
}

/** Whether a text mentions a skill, by any of its known spellings (or literally, for skills the lexicon lacks). */
export function mentionsSkill(text: string | SkillText, name: string): boolean {
  const keys = typeof text === 'string' ? skillText(text) : text;
  const skill = compiledLexicon().byKey.get(matchKey(name));
  if (skill) return firstIndex(keys, skill) >= 0;
  return indexOfKey(keys.lower, matchKey(name)) >= 0;
}

/** Whether the lexicon knows this name as a skill (by any spelling). */
export function isKnownSkill(name: string): boolean {
  return compiledLexicon().byKey.has(matchKey(name));
}
