import { useCallback, useState } from 'react';

/** What the drafting pages remember between page switches (for this tab only). */
export type SelectionKey = 'candidate' | 'job' | 'document';

const storageKey = (key: SelectionKey) => `aditus.drafting.${key}`;

function read(key: SelectionKey): string | null {
  try {
    return sessionStorage.getItem(storageKey(key));
  } catch {
    return null;
  }
}

/** Writes a selection so the next page that reads it starts there (e.g. Candidates → Documents). */
export function rememberSelection(key: SelectionKey, id: string | null): void {
  try {
    if (id === null) sessionStorage.removeItem(storageKey(key));
    else sessionStorage.setItem(storageKey(key), id);
  } catch {
    // Storage can be unavailable (private mode): the selection just is not remembered.
  }
}

/** The selected candidate, posting or document id, kept in sessionStorage across page switches. */
export function useSelection(key: SelectionKey): [string | null, (id: string | null) => void] {
  const [id, setId] = useState<string | null>(() => read(key));
  const set = useCallback(
    (next: string | null) => {
      rememberSelection(key, next);
      setId(next);
    },
    [key],
  );
  return [id, set];
}
