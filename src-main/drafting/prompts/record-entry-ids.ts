import type { CandidateRecord } from '@contract';

export const ENTRY_SECTIONS = ['work', 'volunteer', 'projects', 'education'] as const;
export type EntrySection = (typeof ENTRY_SECTIONS)[number];

/** The id the prompt gives a record entry ("work-0"); a draft's content cites it to say where it came from. */
export const entryId = (section: EntrySection, index: number): string => `${section}-${index}`;

/** Every entry id of the record, with its section and index. */
export function recordEntryIds(record: CandidateRecord): Map<string, { section: EntrySection; index: number }> {
  const ids = new Map<string, { section: EntrySection; index: number }>();
  for (const section of ENTRY_SECTIONS) {
    (record.resume[section] ?? []).forEach((_entry, index) => ids.set(entryId(section, index), { section, index }));
  }
  return ids;
}
