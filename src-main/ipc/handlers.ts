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

/** The channels named `<domain>:…`, e.g. `DomainChannel<'usage'>` is every `usage:*` channel. */
export type DomainChannel<D extends string> = Extract<Channel, `${D}:${string}`>;

/** One feature's share of the handlers (src-main/handlers/*); core.ts spreads them into the full `Handlers`. */
export type FeatureHandlers<C extends Channel> = Pick<Handlers, C>;
