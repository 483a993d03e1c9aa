import type { Channel, ChannelOutput, ChannelParsedInput, EventName, EventPayload, Role } from '@contract';
import type { Session } from '../session';

export interface HandlerContext {
  session: Session;
  role: Role;
  /** Pushes a contract event to the caller (its window, its web page or the CLI). */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  signal?: AbortSignal;
}

/** A missing handler is a compile error. */
export type Handlers = {
  [C in Channel]: (input: ChannelParsedInput<C>, ctx: HandlerContext) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};
