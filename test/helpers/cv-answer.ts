/** The record entry ids of `examples/candidate.json` (Lea Sørensen), in the order the record lists them. */
export const LEA_ENTRY_IDS = ['work-0', 'work-1', 'work-2', 'education-0'] as const;

/**
 * An AI CV answer as the CV path requires it: JSON citing each record entry by id, every bullet citing the
 * entry it sits under. `bullets` maps an entry id to its bullets' text; entries not named get none.
 */
export function cvAnswerJson(
  bullets: Partial<Record<string, string[]>> = {},
  options: { summary?: string; skills?: string[]; ids?: readonly string[] } = {},
): string {
  const ids = options.ids ?? LEA_ENTRY_IDS;
  return JSON.stringify({
    summary: options.summary ?? '',
    skills: options.skills ?? [],
    entries: ids.map((id) => ({ id, bullets: (bullets[id] ?? []).map((text) => ({ text, sourceIds: [id] })) })),
  });
}
