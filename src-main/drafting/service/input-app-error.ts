import { AppError } from '../../errors';
import { InputError } from '../inputs/input-error';

/** Runs a file read; an input the readers refuse becomes the typed `invalid_input` error the hosts show. */
export async function readingInput<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof InputError)
      throw new AppError('invalid_input', err.message, { reason: err.code, fileName: err.fileName });
    throw err;
  }
}
