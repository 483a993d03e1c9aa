import { basename } from 'node:path';

/**
 * Why an input was refused: `input_too_large` and `input_too_complex` mean a limit of docs/input-limits.md was hit
 * (size, depth, pages, time or memory); `input_type_mismatch` that a file's content is not what its name says.
 */
export type InputErrorCode =
  'input_invalid' | 'input_unreadable' | 'input_too_large' | 'input_too_complex' | 'input_type_mismatch';

/** A candidate or job-posting file that cannot be used; the message names the file. */
export class InputError extends Error {
  readonly code: InputErrorCode;
  readonly fileName: string;
  /** The message without the file name. */
  readonly reason: string;

  constructor(fileName: string, reason: string, options?: { cause?: unknown; code?: InputErrorCode }) {
    super(`${basename(fileName)}: ${reason}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'InputError';
    this.fileName = basename(fileName);
    this.reason = reason;
    this.code = options?.code ?? 'input_invalid';
  }
}
