import type {
  AditusApi,
  AppErrorDto,
  Channel,
  ChannelInput,
  ChannelOutput,
  EventName,
  EventPayload,
  Result,
} from '@contract';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    api?: AditusApi;
  }
}

let bridge: AditusApi | null = null;
function api(): AditusApi {
  bridge ??= window.api ?? createHttpBridge();
  return bridge;
}

export class IpcError extends Error {
  readonly code: AppErrorDto['code'];
  readonly details: AppErrorDto['details'];
  constructor(error: AppErrorDto) {
    super(error.message);
    this.code = error.code;
    this.details = error.details;
  }
}

type SettledListener = (channel: Channel, ok: boolean) => void;
const settledListeners = new Set<SettledListener>();

/** Called after every call to main settles (the admin session uses it: each call slides its idle timer). */
export function onCallSettled(listener: SettledListener): () => void {
  settledListeners.add(listener);
  return () => settledListeners.delete(listener);
}

/** Typed call into main: resolves with the channel's output or throws an IpcError with a readable message. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  let result: Result<ChannelOutput<C>>;
  try {
    result = (await api().invoke(channel, input)) as Result<ChannelOutput<C>>;
  } catch (err) {
    for (const fn of settledListeners) fn(channel, false);
    throw err;
  }
  for (const fn of settledListeners) fn(channel, result.ok);
  if (!result.ok) throw new IpcError(result.error);
  return result.data;
}

/** A readable message from anything a call can throw. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

export function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return api().on(event, (payload) => listener(payload as EventPayload<E>));
}
