import type { CandidateProfile, EducationEntry, ExperienceEntry, JobFields } from '@contract';
import { formatDateRange, formatProfileDate } from '../text/dates';
import { escapeMarkdown as md, joinList, withoutFinalStop } from './markdown-text';
import { byRelevance, orderSkills } from './relevance';

function contactLine(profile: CandidateProfile): string | null {
  const parts = [profile.location, profile.email, profile.phone, ...profile.links].filter(
    (v): v is string => typeof v === 'string' && v.trim().length > 0,
  );
  return parts.length > 0 ? parts.map(md).join(' · ') : null;
}

function summarySection(profile: CandidateProfile, matching: string[], job: JobFields): string[] {
  const sentences: string[] = [];
  if (profile.summary) sentences.push(md(profile.summary.trim()));
  else if (profile.headline) sentences.push(`${withoutFinalStop(md(profile.headline))}.`);
  if (matching.length > 0) {
    const role = job.title ? ` to the ${md(job.title)} role` : job.company ? ' to the role' : '';
    const target = role && job.company ? `${role} at ${md(job.company)}` : role;
    sentences.push(`Relevant${target}: hands-on experience with ${joinList(matching.slice(0, 6).map(md))}.`);
  }
  return sentences.length > 0 ? ['## Summary', '', sentences.join(' '), ''] : [];
}

function skillsSection(matching: string[], other: string[]): string[] {
  if (matching.length === 0 && other.length === 0) return [];
  const lines = ['## Skills', ''];
  if (matching.length > 0) lines.push(`**Most relevant:** ${matching.map(md).join(', ')}`, '');
  if (other.length > 0) lines.push(`${matching.length > 0 ? '**Also:** ' : ''}${other.map(md).join(', ')}`, '');
  return lines;
}

function roleBlock(role: ExperienceEntry, job: JobFields): string[] {
  const meta = [role.location, formatDateRange(role.start, role.end)].filter(
    (v): v is string => typeof v === 'string' && v.length > 0,
  );
  const bullets = byRelevance(role.bullets, (b) => b, job).map((b) => `- ${md(withoutFinalStop(b))}`);
  const heading = role.title === role.employer ? md(role.title) : `${md(role.title)} — ${md(role.employer)}`;
  return [
    `### ${heading}`,
    '',
    ...(meta.length > 0 ? [md(meta.join(' · ')), ''] : []),
    ...bullets,
    ...(bullets.length > 0 ? [''] : []),
  ];
}

/** Work, projects and volunteering each under their own heading: tailoring orders bullets within an entry, never moves them. */
function entrySection(title: string, roles: ExperienceEntry[], job: JobFields): string[] {
  return roles.length > 0 ? [`## ${title}`, '', ...roles.flatMap((r) => roleBlock(r, job))] : [];
}

function educationLine(entry: EducationEntry): string {
  const degree = [entry.degree, entry.field].filter((v) => v && v.length > 0).join(' in ');
  const years =
    entry.start && entry.end
      ? `${formatProfileDate(entry.start)} – ${formatProfileDate(entry.end)}`
      : formatProfileDate(entry.end ?? entry.start ?? '');
  const main = [degree, entry.school]
    .filter((v) => v.length > 0)
    .map(md)
    .join(' — ');
  return `- ${main}${years ? ` (${md(years)})` : ''}`;
}

function listSection(title: string, items: string[], asBullets: boolean): string[] {
  if (items.length === 0) return [];
  return asBullets
    ? [`## ${title}`, '', ...items.map((i) => `- ${md(i)}`), '']
    : [`## ${title}`, '', items.map(md).join(', '), ''];
}

/**
 * A CV in Markdown from the profile alone, tailored by order: skills the posting asks for first,
 * each role's bullets by relevance. Roles stay in the profile's (chronological) order.
 */
export function renderTemplateCv(profile: CandidateProfile, job: JobFields): string {
  const { matching, other } = orderSkills(profile.skills, job);
  const contact = contactLine(profile);
  const lines = [
    `# ${md(profile.name)}`,
    '',
    ...(profile.headline && profile.summary ? [md(profile.headline), ''] : []),
    ...(contact ? [contact, ''] : []),
    ...summarySection(profile, matching, job),
    ...skillsSection(matching, other),
    ...entrySection(
      'Experience',
      profile.experience.filter((r) => (r.kind ?? 'work') === 'work'),
      job,
    ),
    ...entrySection(
      'Projects',
      profile.experience.filter((r) => r.kind === 'project'),
      job,
    ),
    ...entrySection(
      'Volunteering',
      profile.experience.filter((r) => r.kind === 'volunteer'),
      job,
    ),
    ...(profile.education.length > 0 ? ['## Education', '', ...profile.education.map(educationLine), ''] : []),
    ...listSection('Certifications', profile.certifications, true),
    ...listSection('Languages', profile.languages, false),
  ];
  return `${lines
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim()}\n`;
}
