import type { CandidateProfile, CandidateRecord, Resume } from '@contract';
import { isoDateOf } from './iso-date';

/**
 * A candidate stored before the record was JSON Resume (or sent as an Aditus profile) as a record. Dates that are
 * not ISO dates ("Spring 2019") cannot be kept in JSON Resume's date fields; they are kept in the entry's summary so
 * nothing is lost. Provenance points at the profile as a whole (line 0).
 */
export function recordFromProfile(profile: CandidateProfile, file: string): CandidateRecord {
  const [city = '', ...region] = (profile.location ?? '').split(/,\s*/u);
  const resume: Resume = {
    basics: {
      name: profile.name,
      ...(profile.headline ? { label: profile.headline } : {}),
      ...(profile.email ? { email: profile.email } : {}),
      ...(profile.phone ? { phone: profile.phone } : {}),
      ...(profile.summary ? { summary: profile.summary } : {}),
      ...(profile.location ? { location: region.length > 0 ? { city, region: region.join(', ') } : { city } } : {}),
      ...(profile.links.length > 0 ? { profiles: profile.links.map((url) => ({ url })) } : {}),
    },
    work: profile.experience.map((job) => {
      const start = job.start ? isoDateOf(job.start) : null;
      const end = job.end ? isoDateOf(job.end) : null;
      const unreadable = [job.start && !start ? job.start : '', job.end && !end ? job.end : ''].filter(Boolean);
      return {
        name: job.employer,
        position: job.title,
        ...(job.location ? { location: job.location } : {}),
        ...(start ? { startDate: start } : {}),
        ...(end ? { endDate: end } : {}),
        ...(unreadable.length > 0 ? { summary: `Dates as written: ${unreadable.join(' – ')}` } : {}),
        highlights: job.bullets,
      };
    }),
    education: profile.education.map((e) => {
      const start = e.start ? isoDateOf(e.start) : null;
      const end = e.end ? isoDateOf(e.end) : null;
      return {
        institution: e.school,
        ...(e.degree ? { studyType: e.degree } : {}),
        ...(e.field ? { area: e.field } : {}),
        ...(start ? { startDate: start } : {}),
        ...(end ? { endDate: end } : {}),
      };
    }),
    skills: profile.skills.map((name) => ({ name })),
    certificates: profile.certifications.map((name) => ({ name })),
    languages: profile.languages.map((language) => ({ language })),
  };
  const ref = { file, line: 0, text: '' };
  const provenance: CandidateRecord['provenance'] = { '/basics/name': ref };
  profile.experience.forEach((job, i) => {
    provenance[`/work/${i}/name`] = ref;
    provenance[`/work/${i}/position`] = ref;
    job.bullets.forEach((_, j) => (provenance[`/work/${i}/highlights/${j}`] = ref));
  });
  return { resume, provenance, unassigned: [] };
}
