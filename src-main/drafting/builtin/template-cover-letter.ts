import type { CandidateProfile, EducationEntry, ExperienceEntry, JobFields } from '@contract';
import { WORD_RANGES } from '../validation/check-length';
import { countWords } from '../text/words';
import { findSkills, mentionsSkill, skillText } from '../skills/find-skills';
import { formatDateRange } from '../text/dates';
import { bulletAsClause } from './clause';
import { pickLetterEvidence, remainingBullets, type LetterEvidence } from './letter-evidence';
import { escapeMarkdown as md, joinList, withoutFinalStop } from './markdown-text';
import { orderSkills } from './relevance';

interface Names {
  role: string;
  company: string;
}

/** The company alone, should the extracted field still carry its location ("Acme GmbH — Berlin, Germany (hybrid)"). */
export function companyName(company: string): string {
  const [name = company, ...rest] = company.split(/\s+[—–|]\s+|\s+-\s+/u);
  return rest.length > 0 && name.trim().length > 0 ? name.trim() : company;
}

function namesOf(job: JobFields): Names {
  return {
    role: job.title ? `${md(job.title)} role` : 'role',
    company: job.company ? md(companyName(job.company)) : 'your team',
  };
}

function roleAt(entry: ExperienceEntry): string {
  const dates = formatDateRange(entry.start, entry.end);
  const where = entry.title === entry.employer ? md(entry.employer) : `${md(entry.title)} at ${md(entry.employer)}`;
  return dates ? `${where} (${dates})` : where;
}

function greeting(job: JobFields, names: Names): string {
  return job.company ? `Dear ${names.company} hiring team,` : 'Dear hiring team,';
}

function opening(profile: CandidateProfile, job: JobFields, names: Names, evidence: LetterEvidence[]): string {
  const role = job.title ? `the ${md(job.title)} position` : 'this position';
  const company = job.company ? ` at ${names.company}` : '';
  const current = profile.experience.find((e) => e.end === null && (e.kind ?? 'work') === 'work');
  const now = current ? `, and I currently work as ${md(current.title)} at ${md(current.employer)}` : '';
  const asks = evidence.flatMap((e) => (e.skill ? [md(e.skill)] : []));
  const plan =
    asks.length > 0
      ? ` Your posting asks for ${joinList(asks)}; below I show where my CV backs this up, naming the role and employer for each example so that ${names.company} can check it.`
      : ` Below I show the work from my CV that comes closest to the ${names.role}, naming the role and employer for each example.`;
  return `I am applying for ${role}${company}${now}.${plan}`;
}

const OTHER_LEADS = ['Closest to the {role} among my other work', 'Also relevant to the {role}'];

function evidenceSentence(evidence: LetterEvidence, names: Names, otherIndex: number, sameRole: boolean): string {
  const clause = bulletAsClause(md(evidence.bullet));
  const other = (OTHER_LEADS[otherIndex] ?? OTHER_LEADS[1] ?? '').replace('{role}', names.role);
  const lead = evidence.skill ? `On ${md(evidence.skill)}, which the ${names.role} calls for` : other;
  const where = sameRole ? `in the same role at ${md(evidence.entry.employer)}` : `as ${roleAt(evidence.entry)}`;
  return `${lead}: ${where}, ${clause}.`;
}

function skillsParagraph(profile: CandidateProfile, job: JobFields, names: Names): string | null {
  const { matching, other } = orderSkills(profile.skills, job);
  const sentences: string[] = [];
  if (matching.length > 0) {
    sentences.push(
      `Of the skills the ${names.role} at ${names.company} lists, my CV names ${joinList(matching.slice(0, 8).map(md))}.`,
    );
  }
  if (other.length > 0) sentences.push(`My CV also lists ${joinList(other.slice(0, 5).map(md))}.`);
  return sentences.length > 0 ? sentences.join(' ') : null;
}

/** Whether a posting's task names only skills the candidate has, so quoting it cannot read as a claim. */
function coveredBySkills(task: string, skills: readonly string[]): boolean {
  const own = skillText(skills.join(', '));
  return findSkills(task).every((skill) => mentionsSkill(own, skill));
}

/** The posting's own tasks, quoted when they carry no numbers and no skill the candidate lacks. */
function workParagraph(profile: CandidateProfile, job: JobFields, names: Names): string | null {
  const tasks = job.responsibilities
    .filter((t) => !/\d/u.test(t) && coveredBySkills(t, profile.skills))
    .slice(0, 2)
    .map((t) => `to ${md(withoutFinalStop(t)).replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase())}`);
  if (tasks.length === 0) return null;
  return `What draws me to the ${names.role} is the work your posting describes: ${joinList(tasks)}. That is the work I want to do next at ${names.company}.`;
}

function educationSentence(education: readonly EducationEntry[]): string | null {
  const first = education[0];
  if (!first) return null;
  const what = [first.degree, first.field ? `in ${first.field}` : ''].filter((p) => p.length > 0).join(' ');
  // The school is not left at the end of a sentence, where a reader of the flattened text could run it on.
  return what ? `I studied at ${md(first.school)} (${md(what)}).` : null;
}

function closing(profile: CandidateProfile, names: Names): string[] {
  const contact = [profile.email, profile.phone]
    .filter((v): v is string => typeof v === 'string' && v.length > 0)
    .map(md);
  return [
    `I would welcome a conversation about the ${names.role} and how this experience can help ${names.company}. Thank you for considering my application.`,
    '',
    'Kind regards,',
    '',
    md(profile.name),
    ...(contact.length > 0 ? ['', contact.join(' · ')] : []),
  ];
}

function assemble(paragraphs: readonly (string | null)[], end: readonly string[]): string {
  const body = paragraphs.filter((p): p is string => p !== null && p.length > 0);
  return `${[...body.flatMap((p) => [p, '']), ...end].join('\n').trim()}\n`;
}

/**
 * A cover letter from the candidate's own facts: the posting's role and company, two or three of its must-haves each
 * argued with one bullet of one entry (word for word, with that entry's title, employer and dates), and further
 * bullets only while the letter is shorter than the length rule asks.
 */
export function renderTemplateCoverLetter(profile: CandidateProfile, job: JobFields): string {
  const names = namesOf(job);
  const evidence = pickLetterEvidence(profile.experience, job);
  let others = 0;
  const argued = evidence.map((e, i) =>
    evidenceSentence(e, names, e.skill ? 0 : others++, evidence[i - 1]?.entry === e.entry),
  );
  const extras = remainingBullets(profile.experience, job, evidence);
  const { min, max } = WORD_RANGES.cover_letter;
  const build = (more: number): string => {
    const further = extras
      .slice(0, more)
      .map(({ entry, bullet }) => `as ${roleAt(entry)}, ${bulletAsClause(md(bullet))}`);
    return assemble(
      [
        greeting(job, names),
        opening(profile, job, names, evidence),
        argued.join(' '),
        further.length > 0 ? `Other work from my CV that bears on the ${names.role}: ${further.join('; ')}.` : null,
        skillsParagraph(profile, job, names),
        workParagraph(profile, job, names),
        educationSentence(profile.education),
      ],
      closing(profile, names),
    );
  };
  let more = 0;
  let letter = build(more);
  // Aim a little above the minimum so a small edit does not drop the letter under it.
  while (countWords(letter) < min + 20 && more < extras.length) letter = build(++more);
  while (countWords(letter) > max && more > 0) letter = build(--more);
  return letter;
}
