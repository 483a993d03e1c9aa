import type { CandidateProfile } from '@contract';
import { findEmails, findPhones, findUrls } from '../text/contact';
import { splitCvSections, type CvSection, type CvSectionKey } from '../text/cv-sections';
import { plainLine } from '../text/lines';
import { parseCvHeader } from './parse-cv-header';
import { parseEducationLines } from './parse-cv-education';
import { parseExperienceLines } from './parse-cv-experience';
import { splitListItems } from './split-list';

function linesOf(sections: CvSection[], key: CvSectionKey): string[] {
  return sections.filter((s) => s.key === key).flatMap((s) => s.lines);
}

function paragraphOf(lines: string[]): string | null {
  const text = lines
    .map(plainLine)
    .filter((l) => l.length > 0)
    .join(' ')
    .trim();
  return text.length > 0 ? text.slice(0, 5000) : null;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * Builds a candidate profile from CV text by rules: the first line is the name, contact details
 * come from the header, and known headings (Experience, Education, Skills, …) delimit sections.
 * The result only holds what the text states; anything it cannot find stays null or empty.
 */
export function parseCvText(text: string): CandidateProfile {
  const { header, sections } = splitCvSections(text);
  const contact = parseCvHeader([...header, ...linesOf(sections, 'contact')]);
  const email = contact.email ?? findEmails(text)[0] ?? null;
  const phoneLine = text.split('\n').find((l) => /\b(?:phone|tel|mobile)\b/iu.test(l));
  const phone = contact.phone ?? (phoneLine ? (findPhones(phoneLine)[0] ?? null) : null);

  return {
    name: contact.name.slice(0, 200),
    email,
    phone,
    location: contact.location,
    headline: contact.headline,
    summary: paragraphOf(linesOf(sections, 'summary')),
    skills: splitListItems(linesOf(sections, 'skills'), { splitCommas: true }).slice(0, 200),
    experience: parseExperienceLines(linesOf(sections, 'experience')).slice(0, 50),
    education: parseEducationLines(linesOf(sections, 'education')).slice(0, 20),
    certifications: splitListItems(linesOf(sections, 'certifications'), { splitCommas: false }).slice(0, 50),
    languages: splitListItems(linesOf(sections, 'languages'), { splitCommas: true }).slice(0, 30),
    links: unique(findUrls(text)).slice(0, 20),
  };
}
