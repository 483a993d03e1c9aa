import { useEffect } from 'react';
import { on } from '../../../lib/ipc';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { signalQueueChanged } from './queue-events';
import { taskLabel } from './task-labels';

/** App-wide: a notification when a queued task's result lands (or it fails for good), on any page. */
export function useQueueNotifications(): void {
  useEffect(
    () =>
      on('queue:settled', (event) => {
        if (event.status === 'done') notifySuccess(`${taskLabel(event.task)} ready`, event.message);
        else notifyError(`Queued ${taskLabel(event.task)} failed`, new Error(event.message));
        signalQueueChanged();
      }),
    [],
  );
}
