import type { CandidateProfile, CandidateRecord } from '@contract';
import { escapeMarkdown as md, withoutFinalStop } from '../builtin/markdown-text';
import { recordEntryIds, type EntrySection } from '../prompts/record-entry-ids';
import { formatDateRange, formatProfileDate } from '../text/dates';
import type { CvAnswer } from './cv-answer-schema';

interface EntryFacts {
  heading: string;
  meta: string[];
}

const HEADINGS: Record<EntrySection, string> = {
  work: 'Experience',
  projects: 'Projects',
  volunteer: 'Volunteering',
  education: 'Education',
};

const join = (...parts: (string | undefined)[]): string =>
  parts.filter((p): p is string => typeof p === 'string' && p.trim().length > 0).join(' — ');

function dates(entry: { startDate?: string; endDate?: string }): string {
  if (!entry.startDate) return entry.endDate ? formatProfileDate(entry.endDate) : '';
  return formatDateRange(entry.startDate, entry.endDate ?? null);
}

/** An entry's heading and meta line, straight from the record. */
function factsOf(record: CandidateRecord, section: EntrySection, index: number): EntryFacts {
  const { resume } = record;
  if (section === 'work') {
    const w = resume.work?.[index] ?? {};
    return { heading: join(w.position, w.name), meta: [w.location ?? '', dates(w)] };
  }
  if (section === 'volunteer') {
    const v = resume.volunteer?.[index] ?? {};
    return { heading: join(v.position, v.organization), meta: [dates(v)] };
  }
  if (section === 'projects') {
    const p = resume.projects?.[index] ?? {};
    return { heading: join(p.roles?.[0], p.name), meta: [dates(p)] };
  }
  const e = resume.education?.[index] ?? {};
  const degree = [e.studyType, e.area].filter((v) => v && v.length > 0).join(' in ');
  return { heading: join(degree, e.institution), meta: [dates(e)] };
}

function contactLine(profile: CandidateProfile): string | null {
  const parts = [profile.location, profile.email, profile.phone, ...profile.links].filter(
    (v): v is string => typeof v === 'string' && v.trim().length > 0,
  );
  return parts.length > 0 ? parts.map(md).join(' · ') : null;
}

/**
 * The CV in Markdown from a checked AI answer: the name, contact line and every entry's title, employer and dates
 * come from the record; the model's text (summary, skills, bullets) is escaped so it stays literal.
 */
export function renderCvAnswer(answer: CvAnswer, record: CandidateRecord, profile: CandidateProfile): string {
  const ids = recordEntryIds(record);
  const contact = contactLine(profile);
  const lines = [`# ${md(profile.name)}`, '', ...(contact ? [contact, ''] : [])];
  if (answer.summary) lines.push('## Summary', '', md(answer.summary), '');
  if (answer.skills.length > 0) lines.push('## Skills', '', answer.skills.map(md).join(', '), '');
  for (const section of ['work', 'projects', 'volunteer', 'education'] as const) {
    const entries = answer.entries.filter((e) => ids.get(e.id)?.section === section);
    if (entries.length === 0) continue;
    lines.push(`## ${HEADINGS[section]}`, '');
    for (const entry of entries) {
      const facts = factsOf(record, section, ids.get(entry.id)?.index ?? -1);
      const meta = facts.meta.filter((m) => m.length > 0).join(' · ');
      lines.push(`### ${md(facts.heading)}`, '', ...(meta ? [md(meta), ''] : []));
      const bullets = entry.bullets.map((b) => `- ${md(withoutFinalStop(b.text))}`);
      if (bullets.length > 0) lines.push(...bullets, '');
    }
  }
  return `${lines.join('\n').trim()}\n`;
}
