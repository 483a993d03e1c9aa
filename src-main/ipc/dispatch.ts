import { z } from 'zod';
import { channels, isChannel, type Result } from '@contract';
import { AppError, isAppError, storageErrorFrom } from '../errors';
import type { HandlerContext, Handlers } from './handlers';
import type { RoleResolver, Session } from '../session';

export type Dispatch = (
  channel: string,
  input: unknown,
  session: Session,
  events?: Pick<HandlerContext, 'emit' | 'signal'>,
) => Promise<Result<unknown>>;

const noEvents: Pick<HandlerContext, 'emit'> = { emit: () => undefined };

const keepText = (text: string): string => text;

/** The log file internal errors are written to (with their stack), named in the message the caller gets. */
export interface ErrorLogFile {
  readonly path: string;
  /** False when the entry could not be written. */
  write(text: string): boolean;
}

/**
 * The one entry point every host uses: channel allowlist → role check → zod parse → handler → envelope.
 * `redact` scrubs every message and log line that leaves through it (the composition root passes the keychain's);
 * an internal error's stack goes to `log` (the host's output) and to `logFile`.
 */
export function createDispatch(
  handlers: Handlers,
  roles: RoleResolver,
  log: (line: string) => void,
  redact: (text: string) => string = keepText,
  logFile?: ErrorLogFile,
): Dispatch {
  return async (channelName, input, session, events = noEvents) => {
    try {
      if (!isChannel(channelName))
        throw new AppError('unknown_channel', `There is no channel named "${String(channelName).slice(0, 64)}".`);
      const spec = channels[channelName];
      // Showing the admin badge must not keep an idle admin session alive.
      const role = await roles.roleOf(session, { touch: channelName !== 'admin:status' });
      if (spec.role === 'admin' && role !== 'admin')
        throw new AppError(
          'forbidden',
          'This needs an unlocked admin session. Unlock admin in the app, or run `aditus admin login`, then try again.',
        );
      const parsed = spec.input.safeParse(input === undefined ? {} : input);
      if (!parsed.success) throw invalidInput(parsed.error);
      const handler = handlers[channelName] as (i: unknown, c: HandlerContext) => unknown;
      const output = await handler(parsed.data, { session, role, emit: events.emit, signal: events.signal });
      return { ok: true, data: spec.output.parse(output) };
    } catch (err) {
      return { ok: false, error: toErrorDto(err, log, redact, logFile) };
    }
  };
}

function invalidInput(error: z.ZodError): AppError {
  const issues = error.issues.slice(0, 10).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const first = issues[0];
  const where = first?.path ? `${first.path}: ` : '';
  return new AppError('invalid_input', `Invalid input. ${where}${first?.message ?? 'malformed payload'}`, { issues });
}

export function toErrorDto(
  err: unknown,
  log: (line: string) => void,
  redact: (text: string) => string = keepText,
  logFile?: ErrorLogFile,
): { code: AppError['code']; message: string; details?: Record<string, unknown> } {
  if (isAppError(err)) return { code: err.code, message: redact(err.message), details: err.details };
  const storage = storageErrorFrom(err);
  if (storage) return { code: storage.code, message: storage.message };
  const line = `internal error: ${redact(err instanceof Error ? (err.stack ?? err.message) : String(err))}`;
  log(line);
  return { code: 'internal', message: internalErrorMessage(logFile, logFile?.write(line) ?? false) };
}

function internalErrorMessage(logFile: ErrorLogFile | undefined, written: boolean): string {
  const what = 'Something went wrong inside Aditus';
  if (!logFile) return `${what}.`;
  if (written) return `${what}; the details were written to the log file ${logFile.path}`;
  return `${what}, and the details could not be written to the log file ${logFile.path}`;
}
