import { matchKey } from './fold';

export type DegreeLevel = 'associate' | 'bachelor' | 'master' | 'mba' | 'doctorate' | 'diploma' | 'law';

interface DegreeForm {
  pattern: string;
  /** Specific kind ("bsc"), or the level itself for a generic form ("bachelor"). */
  key: string;
  level: DegreeLevel;
}

const GENERIC: DegreeForm[] = [
  { pattern: "bachelor(?:'s|s)?(?:\\s+degree)?", key: 'bachelor', level: 'bachelor' },
  { pattern: "master(?:'s|s)?\\s+degree|master's|masters", key: 'master', level: 'master' },
  { pattern: 'doctorate|doctoral degree', key: 'doctorate', level: 'doctorate' },
  { pattern: "associate(?:'s)? degree", key: 'associate', level: 'associate' },
  { pattern: 'diploma|diplom(?:-ingenieur)?|dipl\\.-ing\\.?', key: 'diploma', level: 'diploma' },
];

const SPECIFIC: DegreeForm[] = [
  { pattern: 'bachelor of science|b\\.\\s?sc\\.?|bsc|b\\.s\\.|bs', key: 'bsc', level: 'bachelor' },
  { pattern: 'bachelor of arts|b\\.a\\.|ba', key: 'ba', level: 'bachelor' },
  { pattern: 'bachelor of engineering|b\\.\\s?eng\\.?|beng', key: 'beng', level: 'bachelor' },
  { pattern: 'bachelor of business administration|bba', key: 'bba', level: 'bachelor' },
  { pattern: 'master of science|m\\.\\s?sc\\.?|msc|m\\.s\\.|ms', key: 'msc', level: 'master' },
  { pattern: 'master of arts|m\\.a\\.|ma', key: 'ma', level: 'master' },
  { pattern: 'master of engineering|m\\.\\s?eng\\.?|meng', key: 'meng', level: 'master' },
  { pattern: 'master of philosophy|m\\.?phil\\.?', key: 'mphil', level: 'master' },
  { pattern: 'master of business administration|m\\.b\\.a\\.|mba', key: 'mba', level: 'mba' },
  { pattern: 'doctor of philosophy|ph\\.\\s?d\\.?|phd|d\\.?phil\\.?', key: 'phd', level: 'doctorate' },
  { pattern: 'll\\.\\s?b\\.?|llb', key: 'llb', level: 'law' },
  { pattern: 'll\\.\\s?m\\.?|llm', key: 'llm', level: 'law' },
];

/** Abbreviations that are ordinary words in lower case ("ms", "ma", "ba", "bs") count only in capitals. */
const UPPERCASE_ONLY = new Set(['bs', 'ms', 'ma', 'ba']);

// Case-sensitive on purpose: a field of study is written in capitals ("MSc in Computer Science").
const FIELD = new RegExp(
  "(?:\\s*\\([Hh]ons\\.?\\))?(?:\\s*,)?(?:\\s+(?:in|of))?\\s+(\\p{Lu}[\\p{L}'&-]*(?:\\s+(?:\\p{Lu}[\\p{L}'&-]*|and|&|of)){0,5})",
  'uy',
);
const MICROSOFT_PRODUCT =
  /^(?:Office|Excel|Word|Teams|SQL|Project|Access|Azure|Dynamics|PowerPoint|Outlook|Visio|SharePoint)\b/u;

export interface DegreeMention {
  /** The degree with its field, as written ("MSc in Computer Science"). */
  text: string;
  /** The degree alone, as written ("MSc"). */
  degreeText: string;
  key: string;
  level: DegreeLevel;
  field: string | null;
  index: number;
}

const FORMS = [...SPECIFIC, ...GENERIC];

function formRegex(form: DegreeForm): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}.])(?:${form.pattern})(?![\\p{L}\\p{N}])`, 'giu');
}
// Built on first use, not at module load (every command's start-up).
let formRegexes: { form: DegreeForm; regex: RegExp }[] | null = null;

function fieldAfter(text: string, index: number): { field: string | null; length: number } {
  FIELD.lastIndex = index;
  const match = FIELD.exec(text);
  if (!match) return { field: null, length: 0 };
  return { field: cleanField(match[1]), length: match[0].length };
}

function cleanField(field: string | undefined): string | null {
  if (!field) return null;
  const trimmed = field.replace(/(?<!\s)\s+(?:and|&|of)$/u, '').trim();
  return trimmed.length > 0 ? trimmed : null;
}

/** Degree mentions in text, each with its canonical key, level and field when one follows. */
export function findDegrees(text: string): DegreeMention[] {
  const found: DegreeMention[] = [];
  // Characters already claimed by an earlier (more specific) form; a lookup per character keeps a line with
  // thousands of mentions linear instead of comparing every mention with every other.
  const taken = new Uint8Array(text.length);
  formRegexes ??= FORMS.map((form) => ({ form, regex: formRegex(form) }));
  for (const { form, regex } of formRegexes) {
    for (const match of text.matchAll(regex)) {
      const degreeText = match[0];
      const start = match.index;
      const end = start + degreeText.length;
      if (taken.subarray(start, end).includes(1)) continue;
      const { field, length } = fieldAfter(text, end);
      if (UPPERCASE_ONLY.has(degreeText.toLowerCase())) {
        // "MS", "BA"… are degrees only in capitals, followed by a field, and not "MS Excel".
        if (degreeText !== degreeText.toUpperCase() || field === null || MICROSOFT_PRODUCT.test(field)) continue;
      }
      taken.fill(1, start, end);
      found.push({
        text: text.slice(start, end + length).trim(),
        degreeText,
        key: form.key,
        level: form.level,
        field,
        index: start,
      });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Whether the source backs a degree mention: same kind (or a generic form of the same level) and field. */
export function isDegreeSupported(
  claim: DegreeMention,
  sourceDegrees: DegreeMention[],
  sourceHas: (key: string) => boolean,
): boolean {
  const sameDegree = sourceDegrees.some(
    (d) => d.level === claim.level && (d.key === claim.key || d.key === d.level || claim.key === claim.level),
  );
  if (!sameDegree) return false;
  return claim.field === null || sourceHas(matchKey(claim.field));
}
