import type { DomainChannel, FeatureHandlers } from '../ipc/handlers';
import type { Outbox } from '../routing/outbox';

/** `outbox:*`: tasks queued while every provider was offline. */
export function outboxHandlers({ outbox }: { outbox: Outbox }): FeatureHandlers<DomainChannel<'outbox'>> {
  return {
    'outbox:list': () => outbox.list(),
    'outbox:cancel': ({ id }) => ({ cancelled: outbox.cancel(id) }),
  };
}
