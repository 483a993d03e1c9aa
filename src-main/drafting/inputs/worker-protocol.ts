import type { InputErrorCode } from './input-error';

/** One file for the document worker to read; it replies once with a WorkerReply and exits. */
export interface WorkerRequest {
  format: 'pdf' | 'docx' | 'html';
  fileName: string;
  bytes: Uint8Array;
  /** PDF only: read text in column order from its positions (CVs) rather than in content order (postings). */
  columns?: boolean;
}

export type WorkerReply = { ok: true; text: string } | { ok: false; code: InputErrorCode; reason: string };
