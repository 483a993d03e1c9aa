import type { CandidateProfile, ValidationFinding } from '@contract';
import type { CvSectionKey } from '../text/cv-sections';
import type { DraftDocument } from './draft-document';

const REQUIRED: { key: CvSectionKey; label: string; hasData: (p: CandidateProfile) => boolean }[] = [
  { key: 'experience', label: 'Experience', hasData: (p) => p.experience.length > 0 },
  { key: 'education', label: 'Education', hasData: (p) => p.education.length > 0 },
  { key: 'skills', label: 'Skills', hasData: (p) => p.skills.length > 0 },
];

/** A CV needs Experience, Education and Skills sections (contact details are checked separately). */
export function checkSections(draft: DraftDocument, profile: CandidateProfile): ValidationFinding[] {
  if (draft.kind !== 'cv') return [];
  const present = new Set(draft.sections.map((s) => s.key));
  return REQUIRED.filter((r) => !present.has(r.key)).map((r): ValidationFinding => ({
    severity: r.hasData(profile) ? 'warning' : 'info',
    kind: 'missing_section',
    message: r.hasData(profile)
      ? `The CV has no ${r.label} section, though the candidate's source has ${r.label.toLowerCase()} details.`
      : `The CV has no ${r.label} section (the candidate's source has none either).`,
  }));
}
