import type { InputErrorCode } from './input-error';

/** One file for the document worker to read; it replies once with a WorkerReply and exits. */
export interface WorkerRequest {
  format: 'pdf' | 'docx' | 'html';
  fileName: string;
  bytes: Uint8Array;
}

export type WorkerReply = { ok: true; text: string } | { ok: false; code: InputErrorCode; reason: string };
