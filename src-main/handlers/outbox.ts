import type { DomainChannel, FeatureHandlers } from '../ipc/handlers';
import type { Outbox } from '../routing/outbox';
import type { OutboxRunner } from '../routing/outbox-runner';

/** `outbox:*`: drafting tasks queued while every provider was offline or a `queue` limit was reached. */
export function outboxHandlers({
  outbox,
  outboxRunner,
}: {
  outbox: Outbox;
  outboxRunner: OutboxRunner;
}): FeatureHandlers<DomainChannel<'outbox'>> {
  return {
    'outbox:list': () => outbox.list(),
    'outbox:cancel': ({ id }) => ({ cancelled: outbox.cancel(id) }),
    'outbox:run': async () => ({ done: await outboxRunner.drain(true) }),
  };
}
