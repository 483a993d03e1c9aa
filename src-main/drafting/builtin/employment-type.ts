import type { EmploymentType } from '@contract';

const PATTERNS: [RegExp, EmploymentType][] = [
  [
    /\b(?:internship|intern|praktikum|werkstudent(?:in)?|working student|stage|stagiaire|alternance|pr[áa]cticas|becari[oa])\b/iu,
    'internship',
  ],
  [/\bpart[\s-]?time\b|\bteilzeit\b|\btemps partiel\b|\bmedia jornada\b|\btiempo parcial\b/iu, 'part_time'],
  [/\bfreelance(?:r)?\b|\bfreiberuflich\b|\bind[ée]pendant\b|\baut[óo]nomo\b/iu, 'freelance'],
  [
    /\bcontract(?:or)?\s+(?:role|position|basis|assignment)\b|\bcontractor\b|\b\d+[\s-]months?\s+contract\b|\bb2b\b/iu,
    'contract',
  ],
  [/\b(?:temporary|fixed[\s-]term|befristet|interim|cdd|temporal)\b/iu, 'temporary'],
  [
    /\bfull[\s-]?time\b|\bpermanent\b|\bvollzeit\b|\bunbefristet\b|\bfestanstellung\b|\btemps plein\b|\bcdi\b|\bjornada completa\b|\btiempo completo\b|\bindefinido\b|\(\s*100\s?%\s*\)|\bpensum\s*:?\s*100\s?%/iu,
    'full_time',
  ],
];

function typeIn(text: string): EmploymentType | null {
  for (const [pattern, type] of PATTERNS) if (pattern.test(text)) return type;
  return null;
}

/**
 * Full-time, part-time, contract…; the header (title lines and labelled lines such as
 * "Employment type: …") decides before the body, where words like "intern" or "contract" are often incidental.
 */
export function detectEmploymentType(headerText: string, fullText: string): EmploymentType | null {
  return typeIn(headerText) ?? typeIn(fullText);
}
