import type { CandidateRecord } from '@contract';
import { formatProfileDate } from '../text/dates';

function dates(entry: { startDate?: string; endDate?: string; date?: string; releaseDate?: string }): string {
  const start = entry.startDate ? formatProfileDate(entry.startDate) : '';
  const end = entry.endDate ? formatProfileDate(entry.endDate) : start ? 'Present' : '';
  const single = entry.date ?? entry.releaseDate;
  const range = start ? `${start} – ${end}` : end;
  const text = range || (single ? formatProfileDate(single) : '');
  return text ? ` (${text})` : '';
}

const joined = (...parts: (string | undefined)[]): string =>
  parts.filter((p): p is string => typeof p === 'string' && p.trim().length > 0).join(' — ');

/** A plain-text CV of a record: the source text of a candidate that arrived as JSON, and what validation reads. */
export function recordToText(record: CandidateRecord): string {
  const { resume } = record;
  const b = resume.basics ?? {};
  const lines: string[] = [b.name ?? ''];
  if (b.label) lines.push(b.label);
  const place = [b.location?.city, b.location?.region, b.location?.address].filter(Boolean).join(', ');
  const contact = [place, b.email, b.phone, b.url, ...(b.profiles ?? []).map((p) => p.url)].filter(
    (v): v is string => typeof v === 'string' && v.length > 0,
  );
  if (contact.length > 0) lines.push(contact.join(' · '));
  if (b.summary) lines.push('', 'Summary', b.summary);
  const section = (title: string, entries: string[][]): void => {
    if (entries.length > 0) lines.push('', title, ...entries.flat());
  };
  const withBullets = (head: string, highlights: string[] | undefined, summary?: string): string[] => [
    head,
    ...(summary ? [summary] : []),
    ...(highlights ?? []).map((h) => `- ${h}`),
  ];
  section(
    'Experience',
    (resume.work ?? []).map((w) =>
      withBullets(
        `${joined(w.position, w.name)}${w.location ? `, ${w.location}` : ''}${dates(w)}`,
        w.highlights,
        w.summary,
      ),
    ),
  );
  section(
    'Volunteer',
    (resume.volunteer ?? []).map((v) =>
      withBullets(`${joined(v.position, v.organization)}${dates(v)}`, v.highlights, v.summary),
    ),
  );
  section(
    'Projects',
    (resume.projects ?? []).map((p) =>
      withBullets(`${joined(p.name, p.entity)}${dates(p)}`, p.highlights, p.description ?? p.summary),
    ),
  );
  section(
    'Education',
    (resume.education ?? []).map((e) => [
      `- ${joined([e.studyType, e.area].filter(Boolean).join(' in '), e.institution)}${dates(e)}`,
    ]),
  );
  const skills = (resume.skills ?? []).map((s) =>
    s.keywords && s.keywords.length > 0 ? `${s.name ? `${s.name}: ` : ''}${s.keywords.join(', ')}` : (s.name ?? ''),
  );
  if (skills.length > 0) lines.push('', 'Skills', ...skills.filter((s) => s.length > 0).map((s) => `- ${s}`));
  section(
    'Certifications',
    (resume.certificates ?? []).map((c) => [`- ${joined(c.name, c.issuer)}${dates(c)}`]),
  );
  section(
    'Awards',
    (resume.awards ?? []).map((a) => [`- ${joined(a.title, a.awarder)}${dates(a)}`]),
  );
  section(
    'Publications',
    (resume.publications ?? []).map((p) => [`- ${joined(p.name, p.publisher)}${dates(p)}`]),
  );
  section(
    'Languages',
    (resume.languages ?? []).map((l) => [`- ${l.language ?? ''}${l.fluency ? ` (${l.fluency})` : ''}`]),
  );
  section(
    'Interests',
    (resume.interests ?? []).map((i) => [`- ${joined(i.name, (i.keywords ?? []).join(', '))}`]),
  );
  return lines.join('\n');
}
