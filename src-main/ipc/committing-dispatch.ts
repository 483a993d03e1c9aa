import type { Dispatch } from './dispatch';

/**
 * Usage events are committed in groups behind the router's answers. Nothing leaves the main process
 * before the usage events queued so far are committed: every call reads them all, and every event it
 * emits and every answer it returns goes out after `commitUsage`.
 */
export function committingDispatch(
  dispatch: Dispatch,
  commitUsage: () => void,
  /** Waits for the audit log's keychain head to catch up, so no answer leaves before its entry is anchored. */
  settleAudit: () => Promise<void> = async () => undefined,
): Dispatch {
  return async (channel, input, session, events) => {
    commitUsage();
    const committedFirst = events && {
      ...events,
      emit: (...args: Parameters<typeof events.emit>) => {
        commitUsage();
        events.emit(...args);
      },
    };
    const result = await dispatch(channel, input, session, committedFirst);
    commitUsage();
    await settleAudit();
    return result;
  };
}
