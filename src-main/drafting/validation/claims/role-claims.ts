import { parseExperienceLines } from '../../inputs/parse-cv-experience';
import type { CvSectionKey } from '../../text/cv-sections';
import { parseRoleLine } from '../../text/role-line';
import type { DraftDocument } from '../draft-document';
import type { SupportIndex } from '../support-index';
import type { UnsupportedClaim } from './claim';

/** Sections whose lines are lists of words, where "Engineer — X" patterns are not role headers. */
const LIST_SECTIONS = new Set<CvSectionKey>(['summary', 'skills', 'languages', 'certifications', 'contact']);
const SUBHEADING = /^\s{0,3}#{2,6}\s/u;

interface Role {
  title: string;
  employer: string;
}

/**
 * Roles the draft states: everything the CV parser reads as a role in Experience sections, plus
 * role-like subheadings ("### Engineer — Acme") anywhere else, such as under Education or Projects.
 */
function rolesIn(draft: DraftDocument): Role[] {
  const roles: Role[] = [];
  for (const section of draft.sections) {
    if (section.key === 'experience') {
      roles.push(...parseExperienceLines(section.lines));
    } else if (!LIST_SECTIONS.has(section.key)) {
      for (const line of section.lines.filter((l) => SUBHEADING.test(l))) {
        const role = parseRoleLine(line);
        if (role) roles.push(role);
      }
    }
  }
  return roles;
}

export function unsupportedRoles(draft: DraftDocument, support: SupportIndex): UnsupportedClaim[] {
  const claims: UnsupportedClaim[] = [];
  for (const role of rolesIn(draft)) {
    const line = `${role.title} — ${role.employer}`;
    if (!support.supportsName(role.employer)) claims.push({ type: 'employer', text: role.employer, line });
    if (!support.supportsTitle(role.title)) claims.push({ type: 'job title', text: role.title, line });
  }
  return claims;
}
