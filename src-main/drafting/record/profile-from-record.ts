import type { CandidateProfile, CandidateRecord, EducationEntry, ExperienceEntry } from '@contract';

const clip = (text: string | undefined, max: number): string => (text ?? '').trim().slice(0, max);

/** "2019-03" stays; an open end (no endDate) is the current role (null). */
function experienceOf(
  employer: string | undefined,
  title: string | undefined,
  entry: { startDate?: string; endDate?: string; highlights?: string[]; summary?: string },
  location?: string,
  kind: 'work' | 'volunteer' | 'project' = 'work',
): ExperienceEntry | null {
  const name = clip(employer, 200);
  const position = clip(title, 200);
  if (name.length === 0 && position.length === 0) return null;
  const result: ExperienceEntry = {
    employer: name || position,
    title: position || name,
    start: clip(entry.startDate, 40),
    end: entry.endDate ? clip(entry.endDate, 40) : entry.startDate ? null : '',
    bullets: (entry.highlights ?? [])
      .map((h) => clip(h, 1000))
      .filter((h) => h.length > 0)
      .slice(0, 40),
  };
  if (location) result.location = clip(location, 200);
  if (kind !== 'work') result.kind = kind;
  return result;
}

/**
 * The record flattened into the profile the drafting templates and the validator read. Work comes first, then
 * volunteer work and projects as further entries (each with its own bullets, never merged into another's).
 */
export function profileFromRecord(record: CandidateRecord): CandidateProfile {
  const { resume } = record;
  const basics = resume.basics ?? {};
  const location = [basics.location?.city, basics.location?.region, basics.location?.address]
    .filter((v): v is string => typeof v === 'string' && v.trim().length > 0)
    .join(', ');
  const experience: ExperienceEntry[] = [
    ...(resume.work ?? []).map((w) => experienceOf(w.name, w.position, w, w.location)),
    ...(resume.volunteer ?? []).map((v) => experienceOf(v.organization, v.position, v, undefined, 'volunteer')),
    ...(resume.projects ?? []).map((p) => experienceOf(p.name, p.roles?.[0], p, undefined, 'project')),
  ].filter((e): e is ExperienceEntry => e !== null);
  const education: EducationEntry[] = (resume.education ?? [])
    .filter((e) => clip(e.institution, 200).length > 0)
    .map((e) => ({
      school: clip(e.institution, 200),
      degree: clip(e.studyType, 200),
      ...(e.area ? { field: clip(e.area, 200) } : {}),
      ...(e.startDate ? { start: e.startDate } : {}),
      ...(e.endDate ? { end: e.endDate } : {}),
    }));
  const skills = (resume.skills ?? []).flatMap((s) =>
    s.keywords && s.keywords.length > 0 ? s.keywords : s.name ? [s.name] : [],
  );
  const email = basics.email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(basics.email) ? basics.email : null;
  return {
    name: clip(basics.name, 200) || 'Unnamed candidate',
    email,
    phone: basics.phone ? clip(basics.phone, 40) : null,
    location: location.length > 0 ? clip(location, 200) : null,
    headline: basics.label ? clip(basics.label, 300) : null,
    summary: basics.summary ? clip(basics.summary, 5000) : null,
    skills: [...new Set(skills.map((s) => clip(s, 300)))].filter((s) => s.length > 0).slice(0, 200),
    experience: experience.slice(0, 50),
    education: education.slice(0, 20),
    certifications: (resume.certificates ?? [])
      .map((c) => clip(c.name, 300))
      .filter((c) => c.length > 0)
      .slice(0, 50),
    languages: (resume.languages ?? [])
      .map((l) => clip([l.language, l.fluency ? `(${l.fluency})` : ''].join(' '), 300))
      .filter((l) => l.length > 0)
      .slice(0, 30),
    links: [basics.url, ...(basics.profiles ?? []).map((p) => p.url)]
      .filter((u): u is string => typeof u === 'string' && u.length > 0)
      .map((u) => clip(u, 300))
      .slice(0, 20),
  };
}
