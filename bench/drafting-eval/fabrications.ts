import type { CandidateProfile } from '@contract';
import { isKnownSkill, mentionsSkill, skillText } from '../../src-main/drafting/skills/find-skills';
import { recordMonthsOfWork } from '../../src-main/drafting/validation/claims/experience-years';

// Fabrications planted in a faithful CV draft, one per kind, built from the candidate's record with general edits
// (not phrases tuned to the validator): what a careless or dishonest rewrite adds.

export const FABRICATION_KINDS = [
  'invented employer in prose',
  'changed metric',
  'added certification',
  'unlisted skill',
  'inflated years',
  'moved date',
  'changed title',
  'invented degree/school',
  'moved bullet',
] as const;
export type FabricationKind = (typeof FABRICATION_KINDS)[number];

export interface Fabrication {
  kind: FabricationKind;
  markdown: string;
}

const EMPLOYERS = ['Northwind Traders', 'Globex Corporation', 'Initech', 'Umbrella Analytics', 'Vandelay Industries'];
const PROSE = [
  (x: string) => `Before that, I spent two seasons consulting for ${x} on their platform.`,
  (x: string) => `My time with ${x} taught me to ship under pressure.`,
  (x: string) => `I was headhunted by ${x} to rebuild their delivery process.`,
  (x: string) => `Trusted by ${x} and its partners to run critical releases.`,
  (x: string) => `I also advised the ${x} team during a merger.`,
];
const CERTIFICATES = [
  'AWS Certified Solutions Architect – Professional',
  'PMP',
  'Certified Kubernetes Administrator (CKA)',
];
const SKILLS = ['Terraform', 'Kubernetes', 'Rust', 'Salesforce', 'TensorFlow', 'Kotlin', 'Scala', 'Go'];
const TITLE_PREFIXES = ['Senior', 'Lead', 'Head of', 'Principal'];
const DEGREES = [
  '- MBA — INSEAD',
  '- PhD in Computer Science — ETH Zürich',
  '- Master of Finance — London Business School',
];

function addToSummary(markdown: string, sentence: string): string {
  const lines = markdown.split('\n');
  const at = lines.findIndex((l) => /^##\s+(Summary|Profile|Kurzprofil|Profil|Resumen)/iu.test(l));
  if (at >= 0) {
    lines.splice(at + 2, 0, sentence, '');
    return lines.join('\n');
  }
  const header = lines.findIndex((l) => /^##\s/u.test(l));
  lines.splice(header < 0 ? lines.length : header, 0, '## Summary', '', sentence, '');
  return lines.join('\n');
}

function addToSection(markdown: string, heading: RegExp, newHeading: string, item: string): string {
  const lines = markdown.split('\n');
  const at = lines.findIndex((l) => heading.test(l));
  if (at < 0) return `${markdown.trimEnd()}\n\n${newHeading}\n\n${item}\n`;
  let end = at + 1;
  while (end < lines.length && !/^##\s/u.test(lines[end] ?? '')) end += 1;
  while (end > at + 1 && (lines[end - 1] ?? '').trim() === '') end -= 1;
  lines.splice(end, 0, item);
  return lines.join('\n');
}

/** The first role heading ("### Title — Employer") of the Experience section and the line index of its dates. */
function firstRole(lines: string[]): { heading: number; dates: number } | null {
  const exp = lines.findIndex((l) => /^##\s+(Experience|Berufserfahrung|Expérience|Experiencia)/iu.test(l));
  if (exp < 0) return null;
  const heading = lines.findIndex((l, i) => i > exp && /^###\s.+\s—\s/u.test(l));
  if (heading < 0) return null;
  const dates = lines.findIndex((l, i) => i > heading && i < heading + 4 && /(?:19|20)\d{2}/u.test(l));
  return { heading, dates };
}

function changeNumber(text: string): string | null {
  const m = /(?<![\p{L}\d])(\d+(?:[.,]\d+)?)(?![\d])/u.exec(
    text.replace(/(?:19|20)\d{2}/gu, (y) => 'Y'.repeat(y.length)),
  );
  if (!m) return null;
  const value = Number((m[1] ?? '').replace(',', '.'));
  const changed = String(Math.round(value * 2 + 3));
  return text.slice(0, m.index) + changed + text.slice(m.index + (m[1] ?? '').length);
}

export function plantFabrications(
  cv: string,
  profile: CandidateProfile,
  sourceText: string,
  seed: number,
  today: Date,
): Fabrication[] {
  const out: Fabrication[] = [];
  const pick = <T>(list: readonly T[], offset = 0): T => list[(seed + offset) % list.length] as T;
  const source = skillText(`${sourceText}\n${profile.skills.join(', ')}`);

  out.push({ kind: 'invented employer in prose', markdown: addToSummary(cv, pick(PROSE)(pick(EMPLOYERS, 2))) });

  const lines = cv.split('\n');
  const role = firstRole(lines);
  const bulletAt = lines.findIndex(
    (l, i) => i > (role?.heading ?? 0) && /^- .*\d/u.test(l) && changeNumber(l) !== null,
  );
  if (bulletAt >= 0) {
    const changed = [...lines];
    changed[bulletAt] = changeNumber(lines[bulletAt] ?? '') ?? '';
    out.push({ kind: 'changed metric', markdown: changed.join('\n') });
  } else if (role) {
    const changed = [...lines];
    const firstBullet = lines.findIndex((l, i) => i > role.heading && /^- /u.test(l));
    if (firstBullet >= 0) {
      changed[firstBullet] = `${(lines[firstBullet] ?? '').replace(/\.$/u, '')}, cutting costs by 35%`;
      out.push({ kind: 'changed metric', markdown: changed.join('\n') });
    }
  }

  const certificate = pick(CERTIFICATES);
  out.push({
    kind: 'added certification',
    markdown:
      seed % 2 === 0
        ? addToSection(cv, /^##\s+Certifications/iu, '## Certifications', `- ${certificate}`)
        : addToSummary(cv, `I hold the ${certificate} certification.`),
  });

  const skill = SKILLS.map((_, i) => pick(SKILLS, i)).find((s) => isKnownSkill(s) && !mentionsSkill(source, s));
  if (skill) {
    out.push({
      kind: 'unlisted skill',
      markdown:
        seed % 2 === 0 && /^##\s+Skills/imu.test(cv)
          ? addToSection(cv, /^##\s+Skills/iu, '## Skills', `- ${skill}`)
          : addToSummary(cv, `Hands-on with ${skill} in production.`),
    });
  }

  const supported = Math.ceil(recordMonthsOfWork(profile, today) / 12);
  out.push({
    kind: 'inflated years',
    markdown: addToSummary(cv, `${supported + 3}+ years of professional experience.`),
  });

  if (role && role.dates >= 0) {
    const changed = [...lines];
    const dateLine = lines[role.dates] ?? '';
    const moved = dateLine.replace(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/u, (m) =>
      m === 'Nov' ? 'Feb' : m === 'Feb' ? 'Nov' : m === 'Jun' ? 'Sep' : 'Jun',
    );
    changed[role.dates] =
      moved !== dateLine ? moved : dateLine.replace(/(?:19|20)\d{2}/u, (y) => String(Number(y) - 1));
    out.push({ kind: 'moved date', markdown: changed.join('\n') });
  }

  if (role) {
    const changed = [...lines];
    const heading = lines[role.heading] ?? '';
    const title = /^###\s+(.+?)\s—\s/u.exec(heading)?.[1] ?? '';
    const prefix = TITLE_PREFIXES.map((_, i) => pick(TITLE_PREFIXES, i)).find(
      (p) => !title.toLowerCase().includes(p.toLowerCase()),
    );
    changed[role.heading] = heading.replace(title, `${prefix ?? 'Chief'} ${title}`);
    out.push({ kind: 'changed title', markdown: changed.join('\n') });
  }

  out.push({
    kind: 'invented degree/school',
    markdown: addToSection(cv, /^##\s+(Education|Ausbildung|Formation|Educación)/iu, '## Education', pick(DEGREES)),
  });

  // A bullet of the second role placed under the first.
  const headings = lines.flatMap((l, i) => (/^###\s.+\s—\s/u.test(l) ? [i] : []));
  const second = headings[1];
  const firstBullet = role ? lines.findIndex((l, i) => i > role.heading && /^- /u.test(l)) : -1;
  const secondBullet = second === undefined ? -1 : lines.findIndex((l, i) => i > second && /^- /u.test(l));
  if (firstBullet >= 0 && secondBullet > (second ?? 0) && secondBullet > firstBullet) {
    const changed = [...lines];
    const [bullet] = changed.splice(secondBullet, 1);
    changed.splice(firstBullet, 0, bullet ?? '');
    out.push({ kind: 'moved bullet', markdown: changed.join('\n') });
  }
  return out;
}
