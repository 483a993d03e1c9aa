import { useCallback, useEffect, useRef, useState } from 'react';
import { call, errorMessage } from '../../../lib/ipc';

export const AUTOSAVE_DELAY_MS = 500;

export interface AutosaveState {
  status: 'idle' | 'pending' | 'saving' | 'saved' | 'error';
  savedAt: number | null;
  error: string | null;
}

/**
 * Debounced `documents:autosave` of the working text. `flush()` saves what is pending now (before validate, export,
 * versions) and rejects when it could not be saved; leaving the page or the document flushes too.
 */
export function useAutosave(documentId: string, initialSavedAt: number | null) {
  const [state, setState] = useState<AutosaveState>({
    status: initialSavedAt === null ? 'idle' : 'saved',
    savedAt: initialSavedAt,
    error: null,
  });
  const pending = useRef<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const failed = useRef(false);

  const flush = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    const text = pending.current;
    if (text !== null) {
      pending.current = null;
      setState((s) => ({ ...s, status: 'saving' }));
      chain.current = chain.current.then(() =>
        call('documents:autosave', { id: documentId, text }).then(
          ({ autosavedAt }) => {
            failed.current = false;
            setState({ status: pending.current === null ? 'saved' : 'pending', savedAt: autosavedAt, error: null });
          },
          (err: unknown) => {
            failed.current = true;
            pending.current ??= text;
            setState((s) => ({ ...s, status: 'error', error: errorMessage(err) }));
          },
        ),
      );
    }
    await chain.current;
    if (failed.current) throw new Error('Your latest changes could not be saved. Try again in a moment.');
  }, [documentId]);

  const schedule = useCallback(
    (text: string) => {
      pending.current = text;
      setState((s) => ({ ...s, status: s.status === 'error' ? 'error' : 'pending' }));
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => flush().catch(() => undefined), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    const save = () => void flush().catch(() => undefined);
    window.addEventListener('pagehide', save);
    return () => {
      window.removeEventListener('pagehide', save);
      save();
    };
  }, [flush]);

  return { ...state, schedule, flush };
}
