import type {
  AditusApi,
  AppErrorDto,
  Channel,
  ChannelInput,
  ChannelOutput,
  EventName,
  EventPayload,
  Result,
} from '../../../src-preload/contract';
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

/** Typed call into main: resolves with the channel's output or throws an IpcError with a readable message. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = (await api().invoke(channel, input)) as Result<ChannelOutput<C>>;
  if (!result.ok) throw new IpcError(result.error);
  return result.data;
}

export function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return api().on(event, (payload) => listener(payload as EventPayload<E>));
}
