import { useEffect } from 'react';
import { on } from '../../../lib/ipc';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { signalQueueChanged } from './queue-events';

/** App-wide: a notification when a queued task's result lands (or it fails for good), on any page. */
export function useQueueNotifications(): void {
  useEffect(
    () =>
      on('queue:settled', (event) => {
        if (event.status === 'done') notifySuccess('Queued task done', event.message);
        else notifyError('Queued task failed', new Error(event.message));
        signalQueueChanged();
      }),
    [],
  );
}
