import { readFile } from 'node:fs/promises';
import { InputError } from './input-error';

/** A candidate or posting file's bytes; an unreadable file is an InputError that names it. */
export async function readInputFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new InputError(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      cause: error,
    });
  }
}
