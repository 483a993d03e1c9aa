import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Why a file could not be written, or null when it was: the path and the system's error code. */
export interface WriteFailure {
  path: string;
  cause: string;
}

/**
 * Writes `data` to a hidden temporary file next to `path`, flushes it, then renames it over `path`: a reader never
 * sees half a file, and a failure (unwritable folder, full disk) leaves nothing behind. Owner-only permissions.
 */
export async function writeWholeFile(path: string, data: Uint8Array): Promise<WriteFailure | null> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    return null;
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    return { path, cause: (err as NodeJS.ErrnoException).code ?? 'unknown' };
  }
}
