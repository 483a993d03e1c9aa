import type { CandidateProfile, ExperienceEntry, JobFields } from '@contract';
import { bulletsAsClause } from './clause';
import { escapeMarkdown as md, joinList } from './markdown-text';
import { byRelevance, orderSkills } from './relevance';

function achievements(role: ExperienceEntry, job: JobFields, count: number): string[] {
  return byRelevance(role.bullets, (b) => b, job)
    .slice(0, count)
    .map(md);
}

const LEADS = ['At', 'Before that, at', 'Earlier, at'];

function roleParagraph(role: ExperienceEntry, job: JobFields, isCurrent: boolean, position: number): string {
  const lead = LEADS[position] ?? 'At';
  const verb = isCurrent ? 'work' : 'worked';
  const done = achievements(role, job, position === 0 ? 3 : 2);
  const opening = `${lead} ${md(role.employer)}, where I ${verb} as ${md(role.title)}`;
  if (done.length === 0) return `${opening}, I built the experience this role asks for.`;
  return `${opening}, ${bulletsAsClause(done)}.`;
}

function greeting(job: JobFields): string {
  return job.company ? `Dear ${md(job.company)} hiring team,` : 'Dear hiring team,';
}

function opening(job: JobFields, current: ExperienceEntry | undefined): string {
  const role = job.title ? `the ${md(job.title)} position` : 'this position';
  const company = job.company ? ` at ${md(job.company)}` : '';
  const who = current ? `As ${md(current.title)} at ${md(current.employer)}, I` : 'I';
  return `I am writing to apply for ${role}${company}. ${who} would like to bring my experience to your team.`;
}

function skillsParagraph(profile: CandidateProfile, job: JobFields): string | null {
  const { matching } = orderSkills(profile.skills, job);
  if (matching.length === 0) return null;
  const lead = job.mustHaveSkills.length > 0 ? 'Of the skills your posting lists, I bring' : 'I bring';
  return `${lead} ${joinList(matching.slice(0, 8).map(md))}.`;
}

function closing(profile: CandidateProfile, job: JobFields): string[] {
  const company = job.company ? md(job.company) : 'your team';
  const contact = [profile.email, profile.phone]
    .filter((v): v is string => typeof v === 'string' && v.length > 0)
    .map(md);
  return [
    `I would welcome the opportunity to discuss how my experience can help ${company}. Thank you for considering my application.`,
    '',
    'Kind regards,',
    '',
    md(profile.name),
    ...(contact.length > 0 ? ['', contact.join(' · ')] : []),
  ];
}

/** A cover letter from the profile alone, naming the company, the role and the candidate's real employers. */
export function renderTemplateCoverLetter(profile: CandidateProfile, job: JobFields): string {
  const current = profile.experience.find((r) => r.end === null) ?? profile.experience[0];
  const roles = profile.experience.slice(0, 3).map((role, index) => roleParagraph(role, job, role.end === null, index));
  const paragraphs = [greeting(job), opening(job, current), skillsParagraph(profile, job), ...roles].filter(
    (p): p is string => p !== null,
  );
  return `${[...paragraphs.flatMap((p) => [p, '']), ...closing(profile, job)].join('\n').trim()}\n`;
}
