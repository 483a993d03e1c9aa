import type { JobFields } from '@contract';
import { findSkills, isKnownSkill } from '../skills/find-skills';
import { namedSkills } from '../skills/named-skills';
import { isBulletLine, plainLine, splitLines } from '../text/lines';
import { detectEmploymentType } from './employment-type';
import { detectLanguage } from './language';
import { splitPostingSections, type PostingSection, type PostingSectionKey } from './posting-sections';
import { parseSalary } from './salary';
import { detectSeniority } from './seniority';
import { detectIdentity } from './title-company-location';
import { detectWorkMode } from './work-mode';

const OPTIONAL_MARKER =
  /\b(?:nice to have|a plus|is a plus|bonus|preferred|ideally|desirable|would be great|von vorteil|wünschenswert|idealerweise|un plus|apprécié|se valorará|valorable|deseable)\b/iu;
const HEADER_LABELS =
  /^\s*(?:location|job location|employment type|job type|contract|contract type|duration|work mode|workplace|remote|standort|arbeitsort|anstellungsart|beschäftigungsart|arbeitsmodell|arbeitszeit|vertragsart|lieu|localisation|type de contrat|contrat|télétravail|teletravail|mode de travail|ubicación|modalidad|tipo de contrato|jornada)\s*:/iu;

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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * Lexicon skills and the skills named beyond it in requirement lines. A lexicon skill inside a longer name
 * ("Azure" in "Azure Data Factory", "Looker" in "Looker Studio") is not a skill of its own.
 */
function skillsIn(lines: string[]): string[] {
  const named = namedSkills(lines);
  const unknown = named.names.filter((n) => !isKnownSkill(n));
  let text = lines.join('\n');
  for (const name of unknown) text = text.replace(new RegExp(escapeRegExp(name), 'gu'), ' ; ');
  return [...findSkills(text), ...named.names, ...named.languages];
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
  const requiredLines = hasRequirementSections
    ? coreRequirements
    : sections
        .filter((s) => s.key !== 'niceToHave' && s.key !== 'benefits' && s.key !== 'about')
        .flatMap((s) => s.lines)
        .concat(preamble)
        .map(plainLine);
  const mustHaveSkills = uniqueSkills(
    hasRequirementSections ? skillsIn(requiredLines) : findSkills(requiredLines.join('\n')),
    new Set(),
  );
  const niceToHaveSkills = uniqueSkills(skillsIn([...niceItems, ...optionalRequirements]), new Set(mustHaveSkills));

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
