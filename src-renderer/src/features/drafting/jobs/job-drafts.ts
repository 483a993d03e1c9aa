import { useSyncExternalStore } from 'react';
import type { JobFormValues } from './job-form-values';

/**
 * Unsaved field edits per posting, kept in sessionStorage (this tab, across page switches and reloads) so that
 * clicking another posting, leaving the page or a fresh extraction never loses what was typed. Only the changed
 * inputs are kept: the posting's stored values show through everywhere else.
 */
export type JobDraft = Partial<JobFormValues>;

const PREFIX = 'aditus.drafting.job-draft.';
const listeners = new Set<() => void>();
let version = 0;

export function readJobDraft(jobId: string): JobDraft | null {
  try {
    const raw = sessionStorage.getItem(PREFIX + jobId);
    return raw ? (JSON.parse(raw) as JobDraft) : null;
  } catch {
    return null;
  }
}

export function writeJobDraft(jobId: string, draft: JobDraft | null): void {
  const empty = draft === null || Object.keys(draft).length === 0;
  if (empty && readJobDraft(jobId) === null) return;
  try {
    if (empty) sessionStorage.removeItem(PREFIX + jobId);
    else sessionStorage.setItem(PREFIX + jobId, JSON.stringify(draft));
  } catch {
    // Storage can be unavailable (private mode): the form still holds the edits while it is open.
  }
  version += 1;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Re-renders when any posting's draft is written; `has(id)` says whether that posting has unsaved edits. */
export function useJobDrafts(): { has: (jobId: string) => boolean } {
  useSyncExternalStore(
    subscribe,
    () => version,
    () => version,
  );
  return { has: (jobId) => readJobDraft(jobId) !== null };
}
