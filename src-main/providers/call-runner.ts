import type { ProviderKind } from '@contract';
import { startDeadline, type Deadline } from './deadline';
import { classifyProviderError, ProviderError, vendorNameInSentence } from './errors';
import type { StreamEvent } from './types';

/** Sent when an OpenAI-compatible server needs no key: the SDK insists on one. */
export const PLACEHOLDER_KEY = 'not-needed';

export interface CallSettings {
  kind: ProviderKind;
  /** Base URL the call goes to, for "could not reach" messages. */
  endpoint: string;
  getApiKey: () => Promise<string | null>;
  keyRequired: boolean;
  timeoutMs: number;
}

/** What an adapter gets for one call. */
export interface ActiveCall {
  apiKey: string;
  /** Pass to the SDK: aborts on caller abort, timeout, or when the call is over. */
  signal: AbortSignal;
  timeoutMs: number;
  /** Streams: the provider sent something; restarts the idle timeout. */
  progress(): void;
}

async function resolveKey(settings: CallSettings): Promise<string> {
  let key: string | null;
  try {
    key = await settings.getApiKey();
  } catch {
    throw new ProviderError({
      errorClass: 'unavailable',
      providerKind: settings.kind,
      message: `Could not read the API key for ${vendorNameInSentence(settings.kind)} from the keychain`,
    });
  }
  if (key) return key;
  if (!settings.keyRequired) return PLACEHOLDER_KEY;
  throw new ProviderError({
    errorClass: 'auth',
    providerKind: settings.kind,
    message: `No API key is set for ${vendorNameInSentence(settings.kind)}`,
  });
}

function throwIfAborted(settings: CallSettings, signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw classifyProviderError(signal.reason, settings.kind, { callerSignal: signal, timeoutMs: settings.timeoutMs });
}

/** Runs one request/response call: key at call time, deadline, every failure classified and redacted. */
export async function runCall<T>(
  settings: CallSettings,
  callerSignal: AbortSignal | undefined,
  run: (call: ActiveCall) => Promise<T>,
): Promise<T> {
  throwIfAborted(settings, callerSignal);
  const apiKey = await resolveKey(settings);
  const deadline = startDeadline(settings.timeoutMs, callerSignal);
  let answered = false;
  try {
    const result = await run(activeCall(apiKey, deadline, settings.timeoutMs));
    answered = true;
    return result;
  } catch (err) {
    throw classify(err, settings, callerSignal, apiKey, deadline);
  } finally {
    // A complete answer leaves nothing in flight: aborting then only runs the SDK's abort listeners (~70 µs).
    deadline.release(!answered);
  }
}

/**
 * Runs one streamed call. The adapter yields text and ends with `done` only when the provider sent its
 * final marker; a stream that stops without one is a failure (`unavailable`), never a short success.
 * The timeout is an idle timeout here: it restarts whenever the provider sends something.
 */
export async function* runStream(
  settings: CallSettings,
  callerSignal: AbortSignal | undefined,
  run: (call: ActiveCall) => AsyncIterable<StreamEvent>,
): AsyncGenerator<StreamEvent, void, undefined> {
  throwIfAborted(settings, callerSignal);
  const apiKey = await resolveKey(settings);
  const deadline = startDeadline(settings.timeoutMs, callerSignal);
  try {
    for await (const event of run(activeCall(apiKey, deadline, settings.timeoutMs))) {
      // Events the SDK had already buffered are not handed out once the caller has cancelled.
      throwIfAborted(settings, callerSignal);
      deadline.touch();
      yield event;
      if (event.type === 'done') return;
    }
    throw new ProviderError({
      errorClass: 'unavailable',
      providerKind: settings.kind,
      message: `The answer from ${vendorNameInSentence(settings.kind)} ended before it was complete`,
    });
  } catch (err) {
    throw classify(err, settings, callerSignal, apiKey, deadline);
  } finally {
    deadline.release();
  }
}

function activeCall(apiKey: string, deadline: Deadline, timeoutMs: number): ActiveCall {
  return { apiKey, signal: deadline.signal, timeoutMs, progress: () => deadline.touch() };
}

function classify(
  err: unknown,
  settings: CallSettings,
  callerSignal: AbortSignal | undefined,
  apiKey: string,
  deadline: Deadline,
): ProviderError {
  return classifyProviderError(err, settings.kind, {
    secrets: [apiKey],
    endpoint: settings.endpoint,
    callerSignal,
    timedOut: deadline.timedOut,
    timeoutMs: settings.timeoutMs,
  });
}
