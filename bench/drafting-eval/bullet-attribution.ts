import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CandidateRecord } from '@contract';

// Where each bullet of a hand-checked candidate fixture (*.expected.json) ended up after parsing. Shared by the
// fixture test and `npm run eval:drafting`.

export type FixtureSection = 'work' | 'volunteer' | 'projects' | 'education';
export interface ExpectedCandidate {
  file: string;
  sections: string[];
  entries: { section: FixtureSection; org: string; title?: string; bullets: string[] }[];
}

export const ORG_KEY: Record<FixtureSection, string> = {
  work: 'name',
  volunteer: 'organization',
  projects: 'name',
  education: 'institution',
};
export const normalizeSpace = (text: string): string => text.replace(/\s+/gu, ' ').trim();

export function entriesOf(record: CandidateRecord, section: FixtureSection): Record<string, unknown>[] {
  return (record.resume[section] ?? []) as Record<string, unknown>[];
}

export function expectedCandidates(dir: string): ExpectedCandidate[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ExpectedCandidate);
}

/** Where each expected bullet ended up: under its own entry, under another entry, unassigned, or nowhere. */
export function bulletAttribution(record: CandidateRecord, expected: ExpectedCandidate) {
  const result = { bullets: 0, misattributed: [] as string[], unassigned: [] as string[], dropped: [] as string[] };
  const norm = normalizeSpace;
  for (const entry of expected.entries) {
    const own = entriesOf(record, entry.section).find(
      (e) => norm(String(e[ORG_KEY[entry.section]] ?? '')) === entry.org,
    );
    for (const bullet of entry.bullets) {
      result.bullets++;
      const inOwn = ((own?.highlights as string[] | undefined) ?? []).map(norm).includes(norm(bullet));
      if (inOwn) continue;
      const elsewhere = (['work', 'volunteer', 'projects', 'education'] as const).some((s) =>
        entriesOf(record, s).some((e) =>
          ((e.highlights as string[] | undefined) ?? []).map(norm).includes(norm(bullet)),
        ),
      );
      if (elsewhere) result.misattributed.push(`${entry.org}: ${bullet}`);
      else if (record.unassigned.some((u) => norm(u.text) === norm(bullet))) result.unassigned.push(bullet);
      else result.dropped.push(bullet);
    }
  }
  return result;
}
