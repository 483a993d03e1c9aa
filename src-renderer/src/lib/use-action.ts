import { useState } from 'react';
import { errorMessage } from './ipc';

export interface ActionState<A extends unknown[], R> {
  run: (...args: A) => Promise<R | undefined>;
  running: boolean;
  error: string | null;
  clearError: () => void;
}

/**
 * Runs an async action (a mutation) with a running flag for button loading states; the error is kept as a
 * readable message and the action resolves to undefined instead of throwing.
 */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>): ActionState<A, R> {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (...args: A): Promise<R | undefined> => {
    setRunning(true);
    setError(null);
    try {
      return await action(...args);
    } catch (err) {
      setError(errorMessage(err));
      return undefined;
    } finally {
      setRunning(false);
    }
  };
  return { run, running, error, clearError: () => setError(null) };
}
