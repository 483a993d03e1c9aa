import { readFile, stat } from 'node:fs/promises';
import { InputError } from './input-error';
import { describeOverLimit, INPUT_LIMITS } from './input-limits';

const LARGEST_FILE = Math.max(INPUT_LIMITS.maxImageBytes, ...Object.values(INPUT_LIMITS.maxFileBytes));

/** A candidate or posting file's bytes; an unreadable or oversized file is an InputError that names it. */
export async function readInputFile(path: string): Promise<Buffer> {
  try {
    // Checked before reading, so a huge file is never loaded; each format's own limit is checked after.
    const { size } = await stat(path);
    if (size > LARGEST_FILE) {
      const over = describeOverLimit(size, LARGEST_FILE);
      throw new InputError(path, `is ${over.size}; no input file may be larger than ${over.limit}`, {
        code: 'input_too_large',
      });
    }
    return await readFile(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      cause: error,
      code: 'input_unreadable',
    });
  }
}
