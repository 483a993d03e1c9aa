import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CliContext } from './context';

/** A file given on the command line as the contract's upload (name + base64); a missing file exits 2. */
export async function uploadOf(c: CliContext, path: string): Promise<{ fileName: string; dataBase64: string }> {
  try {
    return { fileName: basename(path), dataBase64: (await readFile(path)).toString('base64') };
  } catch (err) {
    return c.fail(
      `${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot be read'}`,
      2,
    );
  }
}
