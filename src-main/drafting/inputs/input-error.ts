import { basename } from 'node:path';

/** A candidate or job-posting file that cannot be used; the message names the file. */
export class InputError extends Error {
  readonly code = 'input_error' as const;
  readonly fileName: string;

  constructor(fileName: string, reason: string, options?: { cause?: unknown }) {
    super(`${basename(fileName)}: ${reason}`, options);
    this.name = 'InputError';
    this.fileName = basename(fileName);
  }
}
