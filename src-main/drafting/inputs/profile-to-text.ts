import type { CandidateProfile } from '@contract';
import { formatDateRange } from '../text/dates';

/** A plain-text CV of a profile, used as the source text when a candidate arrives as JSON. */
export function profileToText(profile: CandidateProfile): string {
  const lines: string[] = [profile.name];
  if (profile.headline) lines.push(profile.headline);
  const contact = [profile.location, profile.email, profile.phone, ...profile.links].filter(
    (v): v is string => typeof v === 'string' && v.length > 0,
  );
  if (contact.length > 0) lines.push(contact.join(' · '));
  if (profile.summary) lines.push('', 'Summary', profile.summary);
  if (profile.experience.length > 0) {
    lines.push('', 'Experience');
    for (const job of profile.experience) {
      const dates = formatDateRange(job.start, job.end);
      const place = job.location ? `, ${job.location}` : '';
      lines.push(`${job.title} — ${job.employer}${place}${dates ? ` (${dates})` : ''}`);
      lines.push(...job.bullets.map((b) => `- ${b}`));
    }
  }
  if (profile.education.length > 0) {
    lines.push('', 'Education');
    for (const school of profile.education) {
      const degree = [school.degree, school.field].filter((v) => v && v.length > 0).join(' in ');
      const years = [school.start, school.end].filter((v) => v && v.length > 0).join('–');
      lines.push(`- ${[degree, school.school].filter((v) => v.length > 0).join(' — ')}${years ? ` (${years})` : ''}`);
    }
  }
  if (profile.skills.length > 0) lines.push('', 'Skills', profile.skills.join(', '));
  if (profile.certifications.length > 0)
    lines.push('', 'Certifications', ...profile.certifications.map((c) => `- ${c}`));
  if (profile.languages.length > 0) lines.push('', 'Languages', profile.languages.join(', '));
  return lines.join('\n');
}
