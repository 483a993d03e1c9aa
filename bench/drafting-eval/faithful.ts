// Faithful rewrites of a CV draft: what a careful editor does without changing a fact. The validator must accept
// every one of them.

const SYNONYMS: [RegExp, string][] = [
  [/^- Led\b/gmu, '- Headed'],
  [/^- Built\b/gmu, '- Developed'],
  [/^- Managed\b/gmu, '- Ran'],
  [/^- Created\b/gmu, '- Set up'],
  [/^- Designed\b/gmu, '- Architected'],
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthNumber(name: string): string {
  return String(MONTHS.indexOf(name) + 1).padStart(2, '0');
}

/** Dates as "04/2021" or "2021-04" instead of "Apr 2021". */
export function reformatDates(markdown: string, style: 'slash' | 'iso'): string {
  return markdown.replace(
    /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ((?:19|20)\d{2})\b/gu,
    (_, m: string, y: string) => (style === 'slash' ? `${monthNumber(m)}/${y}` : `${y}-${monthNumber(m)}`),
  );
}

/** Verb synonyms at the start of bullets ("Led" → "Headed"). */
export function synonymVerbs(markdown: string): string {
  return SYNONYMS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), markdown);
}

/** Bullets of each entry in reverse order: reordering within an entry is allowed. */
export function reorderBullets(markdown: string): string {
  const out: string[] = [];
  let run: string[] = [];
  for (const line of markdown.split('\n')) {
    if (/^- /u.test(line)) {
      run.push(line);
      continue;
    }
    out.push(...run.reverse(), line);
    run = [];
  }
  out.push(...run.reverse());
  return out.join('\n');
}

export function faithfulRewrites(cv: string): { name: string; markdown: string }[] {
  return [
    { name: 'dates as MM/YYYY', markdown: reformatDates(cv, 'slash') },
    { name: 'dates as YYYY-MM, verb synonyms', markdown: synonymVerbs(reformatDates(cv, 'iso')) },
    { name: 'bullets reordered', markdown: reorderBullets(cv) },
  ];
}
