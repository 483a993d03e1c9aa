import { AppError } from '../errors';
import { applyPendingRestore, discardPendingRestore, undoRestore } from '../backup/restore-database';
import type { Core } from '../core';

export interface Reopened {
  core: Core;
  /** Why the restore did not happen (the data folder is as it was before it), or null when it did. */
  error: AppError | null;
}

const asAppError = (err: unknown, what: string): AppError =>
  err instanceof AppError
    ? err
    : new AppError(
        'storage_error',
        `${what} (${err instanceof Error ? err.message : String(err)}). Nothing was changed.`,
      );

/**
 * A restore was staged through `closing`: closes it, swaps the backup in, opens the data folder again and
 * records the restore. If the swap is refused, or the restored database cannot be opened (a migration
 * fails), the previous database is put back and opened instead; the error says why.
 */
export async function reopenAfterRestore(
  closing: Core,
  open: () => Promise<Core>,
  close: () => void = () => void closing.close(),
): Promise<Reopened> {
  const { dataDir } = closing;
  close();
  let applied;
  try {
    applied = applyPendingRestore(dataDir);
  } catch (err) {
    discardPendingRestore(dataDir);
    return { core: await open(), error: asAppError(err, 'The backup could not be swapped in') };
  }
  try {
    const core = await open();
    if (applied) await core.recordRestore(applied);
    return { core, error: null };
  } catch (err) {
    if (!applied) throw err;
    const failedPath = undoRestore(dataDir, applied);
    const why = err instanceof Error ? err.message : String(err);
    const reopened = await open();
    reopened.log(
      `restore: the restored database could not be opened: ${err instanceof Error ? (err.stack ?? why) : why}`,
    );
    return {
      core: reopened,
      error: new AppError(
        'storage_error',
        `The restored database could not be opened (${why}); the previous database is back in place and the backup's copy is kept at ${failedPath}.`,
        { reason: 'restore_failed' },
      ),
    };
  }
}
