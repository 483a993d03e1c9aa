import { useReducer } from 'react';

/**
 * Results that are not stored in main (who answered a generation, the last validation report) kept for this app
 * session, per id: they survive switching pages, not a reload.
 */
export class SessionMemory<T> {
  private readonly values = new Map<string, T>();
  get(id: string): T | undefined {
    return this.values.get(id);
  }
  set(id: string, value: T | undefined): void {
    if (value === undefined) this.values.delete(id);
    else this.values.set(id, value);
  }
}

/** Reads a SessionMemory and re-renders when this component writes to it. */
export function useSessionMemory<T>(memory: SessionMemory<T>) {
  const [, changed] = useReducer((n: number) => n + 1, 0);
  return {
    get: (id: string) => memory.get(id),
    set: (id: string, value: T | undefined) => {
      memory.set(id, value);
      changed();
    },
  };
}
