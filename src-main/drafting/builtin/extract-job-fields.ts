import type { JobFields } from '@contract';
import { findSkills } from '../skills/find-skills';
import { isBulletLine, plainLine, splitLines } from '../text/lines';
import { detectEmploymentType } from './employment-type';
import { detectLanguage } from './language';
import { splitPostingSections, type PostingSection, type PostingSectionKey } from './posting-sections';
import { parseSalary } from './salary';
import { detectSeniority } from './seniority';
import { detectIdentity } from './title-company-location';
import { detectWorkMode } from './work-mode';

const OPTIONAL_MARKER =
  /\b(?:nice to have|a plus|is a plus|bonus|preferred|ideally|desirable|would be great|von vorteil|wünschenswert)\b/iu;
const HEADER_LABELS =
  /^\s*(?:location|job location|employment type|job type|contract|work mode|workplace|standort|arbeitsort)\s*:/iu;

function itemsOf(sections: PostingSection[], key: PostingSectionKey): string[] {
  const items: string[] = [];
  for (const section of sections.filter((s) => s.key === key)) {
    const bullets = section.lines.filter(isBulletLine);
    const lines = bullets.length > 0 ? bullets : section.lines;
    for (const line of lines) {
      const text = plainLine(line);
      if (text.length > 0) items.push(text.slice(0, 1000));
    }
  }
  return items.slice(0, 40);
}

function uniqueSkills(skills: string[], exclude: Set<string>): string[] {
  return [...new Set(skills)].filter((s) => !exclude.has(s)).slice(0, 60);
}

/**
 * Deterministic, offline extraction of job fields from posting text: headings split the
 * posting into responsibilities / requirements / nice-to-have, a skills lexicon finds skills,
 * and patterns find salary, location, work mode, employment type, seniority and language.
 */
export function extractJobFieldsOffline(postingText: string): JobFields {
  const lines = splitLines(postingText);
  const { preamble, sections } = splitPostingSections(postingText);
  const identity = detectIdentity(preamble, lines);
  const headerText = [...preamble, ...lines.filter((l) => HEADER_LABELS.test(l))].join('\n');

  const requirements = itemsOf(sections, 'requirements');
  const niceItems = itemsOf(sections, 'niceToHave');
  const optionalRequirements = requirements.filter((r) => OPTIONAL_MARKER.test(r));
  const coreRequirements = requirements.filter((r) => !OPTIONAL_MARKER.test(r));
  const hasRequirementSections = requirements.length > 0;

  // Without a requirements heading, every skill outside a nice-to-have or benefits section counts as required.
  const requiredText = hasRequirementSections
    ? coreRequirements.join('\n')
    : sections
        .filter((s) => s.key !== 'niceToHave' && s.key !== 'benefits' && s.key !== 'about')
        .flatMap((s) => s.lines)
        .concat(preamble)
        .join('\n');
  const mustHaveSkills = uniqueSkills(findSkills(requiredText), new Set());
  const niceToHaveSkills = uniqueSkills(
    findSkills([...niceItems, ...optionalRequirements].join('\n')),
    new Set(mustHaveSkills),
  );

  return {
    title: identity.title,
    company: identity.company,
    location: identity.location,
    workMode: detectWorkMode(headerText, postingText),
    employmentType: detectEmploymentType(headerText, postingText),
    seniority: detectSeniority(identity.title, [...requirements, ...preamble].join('\n')),
    salary: parseSalary(postingText),
    mustHaveSkills,
    niceToHaveSkills,
    responsibilities: itemsOf(sections, 'responsibilities'),
    requirements,
    language: detectLanguage(postingText),
  };
}
