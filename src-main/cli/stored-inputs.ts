import type { CliContext } from './context';

/**
 * The candidate a draft is for: the stored one when the same file was imported before (with any corrections made
 * to its record since); otherwise the file imported as a new candidate, even when the same person is stored.
 */
export async function storedCandidate(
  c: CliContext,
  file: { fileName: string; dataBase64: string },
): Promise<{ id: string }> {
  const imported = await c.call('candidates:import', { file, onDuplicate: 'ask' });
  if (!('duplicate' in imported)) return imported;
  if (imported.duplicate.reasons.includes('same_file')) return imported.duplicate;
  const added = await c.call('candidates:import', { file, onDuplicate: 'new' });
  return 'duplicate' in added ? added.duplicate : added; // `new` never answers with a duplicate
}

/** The posting an import stored, or the stored one it matched. */
export const postingId = (imported: { id: string } | { duplicate: { id: string } }): string =>
  'duplicate' in imported ? imported.duplicate.id : imported.id;
