import { notifications } from '@mantine/notifications';
import type { QueuedTask } from '@contract';
import { formatDateTime } from '../../../lib/format';
import { taskLabel } from './task-labels';

const queueChanged = new EventTarget();

/** What a queued task waits for, as the UI says it. */
export function queuedText(queued: Pick<QueuedTask, 'runsAt'>): string {
  return queued.runsAt === null
    ? 'Queued: runs when a provider answers again.'
    : `Queued: runs when the budget resets at ${formatDateTime(queued.runsAt)}.`;
}

/** A call came back queued: say so, and let the queue panels show the new entry. */
export function announceQueued(queued: QueuedTask): void {
  notifications.show({
    title: `${taskLabel(queued.task)} queued`,
    message: `${queuedText(queued)} You get a notification when the result lands.`,
    color: 'yellow',
    withBorder: true,
    autoClose: 10_000,
  });
  signalQueueChanged();
}

export function signalQueueChanged(): void {
  queueChanged.dispatchEvent(new Event('change'));
}

export function onQueueChanged(listener: () => void): () => void {
  queueChanged.addEventListener('change', listener);
  return () => queueChanged.removeEventListener('change', listener);
}
