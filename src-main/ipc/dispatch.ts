import { z } from 'zod';
import { channels, isChannel, type Result } from '@contract';
import { AppError, isAppError, storageErrorFrom } from '../errors';
import { ProviderError } from '../providers/errors';
import { redactKnownSecrets } from '../secrets/redaction';
import type { HandlerContext, Handlers } from './handlers';
import type { RoleResolver, Session } from '../session';

export type Dispatch = (
  channel: string,
  input: unknown,
  session: Session,
  events?: Pick<HandlerContext, 'emit' | 'signal'>,
) => Promise<Result<unknown>>;

const noEvents: Pick<HandlerContext, 'emit'> = { emit: () => undefined };

/** The one entry point every host uses: channel allowlist → role check → zod parse → handler → envelope. */
export function createDispatch(handlers: Handlers, roles: RoleResolver, log: (line: string) => void): Dispatch {
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
      return { ok: false, error: toErrorDto(err, log) };
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
): { code: AppError['code']; message: string; details?: Record<string, unknown> } {
  if (isAppError(err)) return { code: err.code, message: redactKnownSecrets(err.message), details: err.details };
  if (err instanceof ProviderError)
    return {
      code: 'provider_error',
      message: redactKnownSecrets(err.message),
      details: { errorClass: err.errorClass, status: err.status ?? null },
    };
  const storage = storageErrorFrom(err);
  if (storage) return { code: storage.code, message: storage.message };
  log(`internal error: ${redactKnownSecrets(err instanceof Error ? (err.stack ?? err.message) : String(err))}`);
  return { code: 'internal', message: 'Something went wrong inside Aditus; details were written to the log.' };
}
