import type { JobFields, MustHaveCoverage, ValidationFinding } from '@contract';
import { mentionsSkill, skillText, type SkillText } from '../skills/find-skills';
import { mustHaveGroups } from './must-have-groups';

/**
 * Which of the posting's must-have requirements the draft meets, by any known spelling; alternatives ("GCP or
 * AWS") are one requirement met by any of them. With the candidate's source, a skill counts only when the source
 * shows it too: adding a skill the candidate lacks never raises coverage.
 */
export function mustHaveCoverage(
  markdown: string | SkillText,
  job: JobFields | null,
  sourceText: string | SkillText | null = null,
): MustHaveCoverage {
  const groups = mustHaveGroups(job);
  const keys = typeof markdown === 'string' ? skillText(markdown) : markdown;
  const source = sourceText === null || typeof sourceText !== 'string' ? sourceText : skillText(sourceText);
  const meets = (skill: string) => mentionsSkill(keys, skill) && (source === null || mentionsSkill(source, skill));
  const covered = groups.filter((g) => g.skills.some(meets)).map((g) => g.label);
  const missing = groups.map((g) => g.label).filter((label) => !covered.includes(label));
  return { covered, missing, ratio: groups.length === 0 ? 1 : covered.length / groups.length };
}

/**
 * A finding per missing must-have. If the candidate's source shows the skill, the draft should
 * mention it (warning); if not, it must not be added (info, so the recruiter can ask the candidate).
 */
export function checkMustHaves(
  coverage: MustHaveCoverage,
  sourceText: string | SkillText,
  job: JobFields | null,
): ValidationFinding[] {
  const source = typeof sourceText === 'string' ? skillText(sourceText) : sourceText;
  const skillsOf = new Map(mustHaveGroups(job).map((g) => [g.label, g.skills]));
  return coverage.missing.map((skill): ValidationFinding =>
    (skillsOf.get(skill) ?? [skill]).some((alternative) => mentionsSkill(source, alternative))
      ? {
          severity: 'warning',
          kind: 'missing_must_have',
          message: `The posting requires ${skill} and the candidate's source shows it, but the draft does not mention it.`,
        }
      : {
          severity: 'info',
          kind: 'missing_must_have',
          message: `The posting requires ${skill}; the candidate's source does not show it, so the draft rightly leaves it out. Ask the candidate before adding it.`,
        },
  );
}
