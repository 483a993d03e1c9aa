import { useEffect } from 'react';
import { on } from '../../lib/ipc';
import { notifyInfo, notifySuccess, notifyWarning } from '../../lib/notify';

/** App-wide: a notification when a provider's health state changes (not its first evaluation to healthy). */
export function useHealthNotifications(): void {
  useEffect(
    () =>
      on('provider:health', (change) => {
        const title = `${change.name} is ${change.state}`;
        const reason = change.reason ?? '';
        if (change.state === 'down') notifyWarning(title, reason);
        else if (change.state === 'degraded') notifyInfo(title, reason);
        else if (change.state === 'healthy' && change.previousState !== 'unknown') notifySuccess(title, reason);
      }),
    [],
  );
}
