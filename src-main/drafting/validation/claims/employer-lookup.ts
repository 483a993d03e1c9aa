import type { CandidateProfile, ExperienceEntry } from '@contract';
import { containsKey, matchKey } from '../../text/fold';
import { KeySet } from '../../text/key-index';
import { withoutCorporateSuffix } from '../support-index';

/** The record's entries under an employer a draft names, found without comparing the name with every entry. */
export interface EmployerLookup {
  /** Entries whose employer names the same organisation (one name within the other, legal suffixes aside), in record order. */
  entriesFor(employer: string): ExperienceEntry[];
}

/** Built once per validation: a draft may name employers thousands of times, and a record may hold many entries. */
export function employerLookup(profile: CandidateProfile): EmployerLookup {
  const keys = profile.experience.map((e) => withoutCorporateSuffix(matchKey(e.employer)));
  const byKey = new Map<string, number[]>();
  const byToken = new Map<string, number[]>();
  keys.forEach((key, index) => {
    if (key.length === 0) return;
    byKey.set(key, [...(byKey.get(key) ?? []), index]);
    for (const token of new Set(key.split(' '))) {
      const list = byToken.get(token);
      if (list) list.push(index);
      else byToken.set(token, [index]);
    }
  });
  const recordNames = new KeySet(byKey.keys());
  const answers = new Map<string, ExperienceEntry[]>();

  const find = (named: string): ExperienceEntry[] => {
    const hits = new Set<number>();
    // A record name inside the draft's ("Acme" in "Acme Robotics").
    for (const key of recordNames.foundIn(named)) for (const index of byKey.get(key) ?? []) hits.add(index);
    // The draft's name inside a record name: only names holding the draft name's rarest word can.
    let rarest: number[] = [];
    for (const [i, token] of named.split(' ').entries()) {
      const list = byToken.get(token) ?? [];
      if (i === 0 || list.length < rarest.length) rarest = list;
      if (list.length === 0) break;
    }
    for (const index of rarest) if (containsKey(keys[index] ?? '', named)) hits.add(index);
    return [...hits].sort((a, b) => a - b).flatMap((index) => profile.experience[index] ?? []);
  };

  return {
    entriesFor(employer) {
      const named = withoutCorporateSuffix(matchKey(employer));
      if (named.length === 0) return [];
      let entries = answers.get(named);
      if (!entries) {
        entries = find(named);
        answers.set(named, entries);
      }
      return entries;
    },
  };
}
