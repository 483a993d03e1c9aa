import type { JobFields } from '@contract';
import { canonicalSkillName, mentionsSkill, skillText } from '../skills/find-skills';

/** How much a piece of text speaks to the posting: must-have skills count double, nice-to-haves once. */
export function relevanceScore(text: string, job: JobFields): number {
  const keys = skillText(text);
  const must = job.mustHaveSkills.filter((s) => mentionsSkill(keys, s)).length;
  const nice = job.niceToHaveSkills.filter((s) => mentionsSkill(keys, s)).length;
  return must * 2 + nice;
}

/** Stable sort by relevance, most relevant first; ties keep their original order. */
export function byRelevance<T>(items: readonly T[], textOf: (item: T) => string, job: JobFields): T[] {
  return items
    .map((item, index) => ({ item, index, score: relevanceScore(textOf(item), job) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.item);
}

function matchesJobSkill(candidateSkill: string, jobSkill: string): boolean {
  return canonicalSkillName(candidateSkill) === canonicalSkillName(jobSkill) || mentionsSkill(candidateSkill, jobSkill);
}

export interface OrderedSkills {
  /** The candidate's skills the posting asks for, in the posting's order (must-haves first). */
  matching: string[];
  /** The candidate's other skills, in their original order. */
  other: string[];
}

/** Splits the candidate's skills into those the posting asks for and the rest, using the candidate's wording. */
export function orderSkills(candidateSkills: readonly string[], job: JobFields): OrderedSkills {
  const matching: string[] = [];
  for (const jobSkill of [...job.mustHaveSkills, ...job.niceToHaveSkills]) {
    const own = candidateSkills.find((s) => matchesJobSkill(s, jobSkill));
    if (own !== undefined && !matching.includes(own)) matching.push(own);
  }
  return { matching, other: candidateSkills.filter((s) => !matching.includes(s)) };
}
