import { closeSync, fchmodSync, fstatSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensurePrivateDir } from '../db/client';

/** The log file in a data folder: `logs/aditus.log`, rotated to `aditus.log.1` … `aditus.log.<keep>`. */
export function logFilePath(dataDir: string): string {
  return join(dataDir, 'logs', 'aditus.log');
}

export interface LogFileOptions {
  path: string;
  /** Every line passes through it before it is written (the keychain's known secrets are replaced). */
  redact: (text: string) => string;
  /** The file is rotated before a line would take it past this size. */
  maxBytes?: number;
  /** Rotated files kept besides the current one; the oldest is dropped. */
  keep?: number;
  now?: () => number;
}

const LOG_MAX_BYTES = 2 * 1024 * 1024;
const LOG_KEEP = 4;
/** One entry (a stack trace, say) never takes more than this; longer text is cut. */
const MAX_ENTRY_CHARS = 32 * 1024;

const isMissing = (err: unknown): boolean => (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/** Errors already in the file: one failure reported by several layers (the core, then its host) is written once. */
const writtenErrors = new WeakSet<object>();

/**
 * A size-capped, rotating log file, owner-only (0600 in a 0700 folder) like the rest of the data folder.
 *
 * Each entry is appended with a synchronous open-append-close: the desktop app, the CLI and the web host
 * may write to the same file at once, and a short-lived CLI run must not exit with its line still buffered.
 * Entries are rare (internal errors, start-up problems, background failures), so that costs nothing that
 * matters. A stream kept open per process (as rotating-stream libraries do) would go on writing into a file
 * another process had rotated away.
 */
export class LogFile {
  readonly path: string;
  private readonly maxBytes: number;
  private readonly keep: number;

  constructor(private readonly options: LogFileOptions) {
    this.path = options.path;
    this.maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
    this.keep = options.keep ?? LOG_KEEP;
  }

  /** Appends one time-stamped entry (continuation lines indented); false when it could not be written. */
  write(text: string): boolean {
    try {
      const clipped = text.length > MAX_ENTRY_CHARS ? `${text.slice(0, MAX_ENTRY_CHARS)} …(cut)` : text;
      const at = new Date(this.options.now?.() ?? Date.now()).toISOString();
      const entry = `${at} [pid ${process.pid}] ${this.options.redact(clipped).replace(/\r?\n/gu, '\n    ')}\n`;
      const bytes = Buffer.from(entry, 'utf8');
      ensurePrivateDir(dirname(this.path));
      const size = this.size();
      if (size > 0 && size + bytes.length > this.maxBytes) this.rotate();
      this.append(bytes);
      return true;
    } catch {
      // Logging never breaks what was being logged; the caller says where the details could not go.
      return false;
    }
  }

  /**
   * `what: <stack>`, once per error however many callers report it; true when it is in the file. `reportedAs`:
   * the error thrown on in its place (a friendlier one), which then counts as written too.
   */
  writeError(what: string, err: unknown, reportedAs: unknown = err): boolean {
    const seen = (e: unknown): e is object => typeof e === 'object' && e !== null;
    if ((seen(err) && writtenErrors.has(err)) || (seen(reportedAs) && writtenErrors.has(reportedAs))) return true;
    const written = this.write(`${what}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    if (written) for (const e of [err, reportedAs]) if (seen(e)) writtenErrors.add(e);
    return written;
  }

  private size(): number {
    try {
      return statSync(this.path).size;
    } catch (err) {
      if (isMissing(err)) return 0;
      throw err;
    }
  }

  /** aditus.log → .1 → .2 …; the file past `keep` is overwritten. Another process rotating too only reorders. */
  private rotate(): void {
    for (let i = this.keep - 1; i >= 0; i--) {
      try {
        renameSync(i === 0 ? this.path : `${this.path}.${i}`, `${this.path}.${i + 1}`);
      } catch (err) {
        if (!isMissing(err)) throw err;
      }
    }
  }

  private append(bytes: Buffer): void {
    const fd = openSync(this.path, 'a', 0o600);
    try {
      // A file left with group or other bits (copied in, an old umask) is tightened.
      const mode = fstatSync(fd).mode & 0o777;
      if (mode & 0o077) fchmodSync(fd, mode & 0o700);
      writeSync(fd, bytes);
    } finally {
      closeSync(fd);
    }
  }
}
