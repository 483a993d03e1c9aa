import { redactKnownSecrets } from '../secrets/redaction';

/** What the desktop host shows and does when it cannot start: an error box, then exit with this code. */
export interface StartupFailure {
  title: string;
  /** The cause, what may fix it, and where the app keeps its data. */
  message: string;
  /** The full error (stack included) for the terminal the app may have been started from. */
  detail: string;
  exitCode: number;
}

export const STARTUP_EXIT_CODE = 1;

/** The data folder's log file (runtime/log-file.ts), where the failure's full detail is written. */
export interface StartupLog {
  readonly path: string;
  /** Writes `what: <stack>` (once per error, if the core wrote it already); false when it could not be written. */
  writeError(what: string, err: unknown): boolean;
}

/** A hint for the causes a user or admin can fix, matched on the error's text. */
function hintFor(text: string): string | null {
  if (
    /NODE_MODULE_VERSION|was compiled against a different Node\.js version|invalid ELF header|not a valid Win32/u.test(
      text,
    )
  )
    return 'A native module (better-sqlite3 or keytar) was built for another runtime. In a source checkout run `npm run rebuild:electron`; otherwise reinstall Aditus.';
  if (/migrations not found/u.test(text))
    return 'The database migrations are missing from this installation: reinstall Aditus.';
  if (/\b(EACCES|EPERM|EROFS|ENOSPC)\b|readonly database|unable to open database/u.test(text))
    return 'The data folder cannot be written: check its permissions and the free disk space.';
  return null;
}

/**
 * The failure to report for an error thrown while starting (known secrets redacted from everything shown); its
 * detail is written to the log file, which the message names.
 */
export function startupFailure(err: unknown, dataDir: string, log?: StartupLog): StartupFailure {
  const cause = redactKnownSecrets(err instanceof Error ? err.message : String(err));
  const hint = hintFor(cause);
  const detail = redactKnownSecrets(err instanceof Error ? (err.stack ?? err.message) : String(err));
  const written = log?.writeError('start-up failed', err) ?? false;
  const where = !log
    ? 'Started from a terminal, Aditus prints the details there.'
    : written
      ? `The details were written to the log file ${log.path}`
      : `The details could not be written to the log file ${log.path}; started from a terminal, Aditus prints them there.`;
  const message = [cause, ...(hint ? ['', hint] : []), '', `Data folder: ${dataDir}`, where].join('\n');
  return { title: 'Aditus could not start', message, detail, exitCode: STARTUP_EXIT_CODE };
}

/**
 * Runs the desktop app's start-up; if any step fails (native module, migrations, data folder, keychain, the
 * core's start), `onError` gets the failure to show before the process exits, instead of a process left
 * running with no window and the single-instance lock. Resolves true when the app started.
 */
export async function runStartup(
  start: () => Promise<void>,
  onError: (failure: StartupFailure) => void,
  dataDir: string,
  log?: StartupLog,
): Promise<boolean> {
  try {
    await start();
    return true;
  } catch (err) {
    onError(startupFailure(err, dataDir, log));
    return false;
  }
}
