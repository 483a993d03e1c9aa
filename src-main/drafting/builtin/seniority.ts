import type { Seniority } from '@contract';

const FROM_TITLE: [RegExp, Seniority][] = [
  [/\b(?:chief|cto|ceo|cfo|coo|vp|vice president|director|head of)\b/iu, 'executive'],
  [/\bprincipal\b|\bdistinguished\b/iu, 'principal'],
  // "Manager" leads people only in titles such as "Engineering Manager"; an Account or Product Manager is an individual role.
  [
    /\b(?:lead|staff|team lead|tech lead|(?:engineering|development|software|team|delivery|it|data|qa) manager)\b|\bleiter(?:in)?\b|\bteamleitung\b|\bchef d'[ée]quipe\b|\bjefe de equipo\b/iu,
    'lead',
  ],
  [/\b(?:senior|sr\.?)\b/iu, 'senior'],
  [/\b(?:mid[\s-]?level|intermediate|medior)\b/iu, 'mid'],
  [/\b(?:junior|jr\.?|graduate|entry[\s-]level|associate)\b/iu, 'junior'],
  [/\b(?:intern|internship|trainee|working student|werkstudent)\b/iu, 'intern'],
];

const YEARS = /\b(\d{1,2})\s*(?:\+\s*)?(?:[-–]\s*\d{1,2}\s*)?(?:years?|yrs?|jahre|ans|a[ñn]os)\b/iu;

function fromText(text: string): Seniority | null {
  const levelWord = /\b(mid[\s-]?level|senior[\s-]level|entry[\s-]level|junior[\s-]level)\b/iu
    .exec(text)?.[1]
    ?.toLowerCase();
  if (levelWord?.startsWith('mid')) return 'mid';
  if (levelWord?.startsWith('senior')) return 'senior';
  if (levelWord?.startsWith('entry') || levelWord?.startsWith('junior')) return 'junior';
  const years = YEARS.exec(text);
  if (!years) return null;
  const count = Number(years[1]);
  if (count >= 5) return 'senior';
  if (count >= 2) return 'mid';
  return 'junior';
}

/** Seniority from the title when it says so, else from level words or years of experience asked for. */
export function detectSeniority(title: string | null, text: string): Seniority | null {
  if (title) {
    for (const [pattern, seniority] of FROM_TITLE) if (pattern.test(title)) return seniority;
  }
  return fromText(text);
}
