export interface Deadline {
  /** Aborts when the caller aborts, when the time is up, or on release. Pass it to the SDK. */
  readonly signal: AbortSignal;
  /** True once the timeout (not the caller) aborted the call. */
  readonly timedOut: boolean;
  /** The provider is still sending: restarts the countdown (streams time out when idle, not when long). */
  touch(): void;
  /**
   * Stops the timer, unlinks the caller's signal and aborts whatever is still in flight. Pass false after a
   * complete answer: nothing is in flight, and aborting would only run the SDK's listeners.
   */
  release(abortInFlight?: boolean): void;
}

/**
 * One call's own abort signal. A fresh signal per call also keeps the listeners SDKs add (and never
 * remove) off the caller's long-lived signal.
 */
export function startDeadline(timeoutMs: number, callerSignal?: AbortSignal): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  let lastActivity = Date.now();

  const onCallerAbort = (): void => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });

  // One timer, re-armed for the remaining time when activity moved the deadline: cheaper than a
  // clearTimeout/setTimeout pair for every streamed chunk.
  const check = (): void => {
    const remaining = lastActivity + timeoutMs - Date.now();
    if (remaining > 0) {
      timer = setTimeout(check, remaining);
      return;
    }
    timedOut = true;
    controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError'));
  };
  let timer: ReturnType<typeof setTimeout> = setTimeout(check, timeoutMs);

  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    touch() {
      lastActivity = Date.now();
    },
    release(abortInFlight = true) {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
      if (abortInFlight && !controller.signal.aborted)
        controller.abort(new DOMException('call finished', 'AbortError'));
    },
  };
}
