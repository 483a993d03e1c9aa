import type { Dispatch } from './dispatch';

/** The usage log's two ways to commit what is queued (usage-log.ts). */
export interface UsageCommits {
  /** Commits at once. */
  flush(): void;
  /** Commits at the end of the event loop's turn, with the events of every call answered in it. */
  commitInGroup(): Promise<void>;
}

/**
 * Usage events are committed in groups behind the router's answers. Nothing leaves the main process
 * before the usage events queued so far are committed: every call waits for them before it runs, every
 * event it emits goes out after a flush, and its answer goes out after the group commit that holds its
 * own events (calls answered in the same turn of the event loop share that transaction).
 */
export function committingDispatch(
  dispatch: Dispatch,
  usage: UsageCommits,
  /** Waits for the audit log's keychain head to catch up, so no answer leaves before its entry is anchored. */
  settleAudit: () => Promise<void> = async () => undefined,
  /** Runs before the call (the core loads the audit key before a call that may write an audit entry). */
  beforeCall: (channel: string) => Promise<void> = async () => undefined,
): Dispatch {
  return async (channel, input, session, events) => {
    await beforeCall(channel);
    await usage.commitInGroup();
    const committedFirst = events && {
      ...events,
      emit: (...args: Parameters<typeof events.emit>) => {
        usage.flush();
        events.emit(...args);
      },
    };
    const result = await dispatch(channel, input, session, committedFirst);
    await usage.commitInGroup();
    await settleAudit();
    return result;
  };
}
