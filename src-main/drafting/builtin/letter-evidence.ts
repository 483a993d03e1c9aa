import type { ExperienceEntry, JobFields } from '@contract';
import { mentionsSkill, skillText } from '../skills/find-skills';
import { byRelevance } from './relevance';

/** One bullet of one record entry, argued for a must-have of the posting (or, without one, for the role). */
export interface LetterEvidence {
  entry: ExperienceEntry;
  bullet: string;
  /** The posting's must-have this bullet shows, or null when it is the most relevant remaining bullet. */
  skill: string | null;
}

interface Candidate {
  entry: ExperienceEntry;
  bullet: string;
}

function allBullets(experience: readonly ExperienceEntry[]): Candidate[] {
  return experience.flatMap((entry) => entry.bullets.map((bullet) => ({ entry, bullet })));
}

/**
 * Up to `max` pieces of evidence: first a bullet for each of the posting's must-haves (in the posting's order)
 * that some bullet mentions, then the most relevant other bullets until there are at least `min`.
 * Each bullet stays with the entry it is listed under.
 */
export function pickLetterEvidence(
  experience: readonly ExperienceEntry[],
  job: JobFields,
  min = 2,
  max = 3,
): LetterEvidence[] {
  const bullets = allBullets(experience);
  const picked: LetterEvidence[] = [];
  const used = new Set<Candidate>();
  for (const skill of job.mustHaveSkills) {
    if (picked.length >= max) break;
    const match = bullets.find((c) => !used.has(c) && mentionsSkill(skillText(c.bullet), skill));
    if (!match) continue;
    used.add(match);
    picked.push({ ...match, skill });
  }
  const rest = byRelevance(
    bullets.filter((c) => !used.has(c)),
    (c) => c.bullet,
    job,
  );
  for (const c of rest) {
    if (picked.length >= min) break;
    used.add(c);
    picked.push({ ...c, skill: null });
  }
  return picked;
}

/** Bullets not used as evidence, most relevant to the posting first, each with its own entry. */
export function remainingBullets(
  experience: readonly ExperienceEntry[],
  job: JobFields,
  used: readonly LetterEvidence[],
): Candidate[] {
  const taken = new Set(used.map((e) => `${experience.indexOf(e.entry)}\u0000${e.bullet}`));
  const rest = allBullets(experience).filter((c) => !taken.has(`${experience.indexOf(c.entry)}\u0000${c.bullet}`));
  return byRelevance(rest, (c) => c.bullet, job);
}
