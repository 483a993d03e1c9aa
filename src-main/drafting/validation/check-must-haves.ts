import type { JobFields, MustHaveCoverage, ValidationFinding } from '@contract';
import { mentionsSkill, skillText, type SkillText } from '../skills/find-skills';

/**
 * Which of the posting's must-have skills the draft mentions, by any known spelling. With the candidate's source,
 * a skill counts only when the source shows it too: adding a skill the candidate lacks never raises coverage.
 */
export function mustHaveCoverage(
  markdown: string | SkillText,
  job: JobFields | null,
  sourceText: string | SkillText | null = null,
): MustHaveCoverage {
  const skills = [...new Set(job?.mustHaveSkills ?? [])];
  const keys = typeof markdown === 'string' ? skillText(markdown) : markdown;
  const source = sourceText === null || typeof sourceText !== 'string' ? sourceText : skillText(sourceText);
  const covered = skills.filter((s) => mentionsSkill(keys, s) && (source === null || mentionsSkill(source, s)));
  const missing = skills.filter((s) => !covered.includes(s));
  return { covered, missing, ratio: skills.length === 0 ? 1 : covered.length / skills.length };
}

/**
 * A finding per missing must-have. If the candidate's source shows the skill, the draft should
 * mention it (warning); if not, it must not be added (info, so the recruiter can ask the candidate).
 */
export function checkMustHaves(coverage: MustHaveCoverage, sourceText: string | SkillText): ValidationFinding[] {
  const source = typeof sourceText === 'string' ? skillText(sourceText) : sourceText;
  return coverage.missing.map((skill): ValidationFinding =>
    mentionsSkill(source, skill)
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
