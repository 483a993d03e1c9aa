import type { DraftKind, EventPayload } from '@contract';

/** A draft while it streams in: into a new document (documentId null) or as a new version of one. */
export interface LiveDraft {
  kind: DraftKind;
  documentId: string | null;
  text: string;
  /** Set when a provider failed mid-answer and another one (or the offline drafter) started over. */
  takeover: string | null;
  startedAt: number;
}

export function applyChunk(draft: LiveDraft, chunk: EventPayload<'stream:chunk'>): LiveDraft {
  if (chunk.type === 'reset') return { ...draft, text: '', takeover: chunk.providerName ?? 'Another provider' };
  return { ...draft, text: draft.text + chunk.text };
}

export function newStreamId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export const KIND_LABEL: Record<DraftKind, string> = { cv: 'CV', cover_letter: 'cover letter' };
export const KIND_TITLE: Record<DraftKind, string> = { cv: 'CV', cover_letter: 'Cover letter' };
