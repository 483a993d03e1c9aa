import type { JobFields } from '@contract';
import { skillMention, skillText } from '../skills/find-skills';

/** One requirement of the posting: a skill, or alternatives any one of which meets it ("GCP or AWS"). */
export interface MustHaveGroup {
  label: string;
  skills: string[];
}

// Between two alternatives only spaces (commas fold to spaces), slashes and "or" in the posting languages.
const ALTERNATIVE_GAP = /^(?:\s|\/|\bor\b|\boder\b|\bou\b|\bo\b|\bu\b)*$/u;
const OR_WORD = /\/|\bor\b|\boder\b|\bou\b|\bo\b|\bu\b/u;

/** Runs of must-haves in one requirement line joined by "or" (never by "and"): alternatives. */
function alternativesIn(line: string, skills: readonly string[]): string[][] {
  const keys = skillText(line);
  const hits = skills
    .map((skill) => ({ skill, ...skillMention(keys, skill) }))
    .filter((hit) => hit.at >= 0)
    .sort((a, b) => a.at - b.at);
  const runs: string[][] = [];
  let run: string[] = [];
  let hasOr = false;
  const close = (): void => {
    if (run.length > 1 && hasOr) runs.push(run);
    run = [];
    hasOr = false;
  };
  hits.forEach((hit, i) => {
    const previous = hits[i - 1];
    const gap = previous ? keys.lower.slice(previous.at + previous.length, hit.at) : null;
    if (gap === null || !ALTERNATIVE_GAP.test(gap)) close();
    else if (OR_WORD.test(gap)) hasOr = true;
    run.push(hit.skill);
  });
  close();
  return runs;
}

/**
 * The posting's must-haves as requirements: skills the requirement lines offer as alternatives ("Go or Python",
 * "GCP/AWS") form one requirement that any of them meets; every other must-have is a requirement of its own.
 */
export function mustHaveGroups(job: Pick<JobFields, 'mustHaveSkills' | 'requirements'> | null): MustHaveGroup[] {
  const skills = [...new Set(job?.mustHaveSkills ?? [])];
  const groupOf = new Map<string, string[]>();
  for (const line of job?.requirements ?? []) {
    for (const run of alternativesIn(line, skills)) {
      const free = run.filter((skill) => !groupOf.has(skill));
      if (free.length > 1) for (const skill of free) groupOf.set(skill, free);
    }
  }
  const groups: MustHaveGroup[] = [];
  const placed = new Set<string>();
  for (const skill of skills) {
    if (placed.has(skill)) continue;
    const members = groupOf.get(skill) ?? [skill];
    members.forEach((m) => placed.add(m));
    groups.push({ label: members.join(' or '), skills: members });
  }
  return groups;
}
