import { notifications } from '@mantine/notifications';
import type { QueuedTask } from '@contract';
import { queuedText } from '@shared/queued-text';
import { taskLabel } from './task-labels';

const queueChanged = new EventTarget();

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
