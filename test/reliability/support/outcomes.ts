import { ERROR_CODES, PROVIDER_ERROR_CLASSES } from '@contract';
import { isAppError, ProviderFailure } from '../../../src-main/errors';
import { toErrorDto } from '../../../src-main/ipc/dispatch';

/** How a routed request ended, as a caller would see it; `unclassified` is a bug. */
export type Outcome = { kind: 'ok' } | { kind: 'error'; code: string } | { kind: 'unclassified'; detail: string };

export function outcomeOf(result: PromiseSettledResult<unknown>): Outcome {
  if (result.status === 'fulfilled') return { kind: 'ok' };
  const err: unknown = result.reason;
  const logged: string[] = [];
  const dto = toErrorDto(err, (line) => logged.push(line));
  if (err instanceof ProviderFailure && (PROVIDER_ERROR_CLASSES as readonly string[]).includes(err.errorClass))
    return { kind: 'error', code: `provider:${err.errorClass}` };
  if (isAppError(err) && (ERROR_CODES as readonly string[]).includes(err.code) && dto.code !== 'internal')
    return { kind: 'error', code: err.code };
  return { kind: 'unclassified', detail: `${dto.code}: ${String(err)} ${logged.join(' ')}`.slice(0, 300) };
}
