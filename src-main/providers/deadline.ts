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

/** A call in flight: when it is due (its last activity + its timeout) and what happens then. */
interface Pending {
  lastActivity: number;
  readonly timeoutMs: number;
  expire(): void;
}

/**
 * Every call's deadline on one timer, armed for the earliest: a timer per call (set, then cleared when the
 * answer comes) cost more than the rest of the deadline. Unref'd: the call's own socket keeps the process
 * alive while it waits; the timer never does once the calls are over.
 */
const pending = new Set<Pending>();
let timer: ReturnType<typeof setTimeout> | null = null;
let armedFor = Number.POSITIVE_INFINITY;

function armFor(at: number): void {
  if (timer && at >= armedFor) return;
  if (timer) clearTimeout(timer);
  armedFor = at;
  timer = setTimeout(fireDue, Math.max(0, at - Date.now()));
  timer.unref();
}

function fireDue(): void {
  timer = null;
  armedFor = Number.POSITIVE_INFINITY;
  const now = Date.now();
  let next = Number.POSITIVE_INFINITY;
  for (const call of pending) {
    const due = call.lastActivity + call.timeoutMs;
    if (due <= now) {
      pending.delete(call);
      call.expire();
    } else next = Math.min(next, due);
  }
  if (next !== Number.POSITIVE_INFINITY) armFor(next);
}

/**
 * One call's own abort signal. A fresh signal per call also keeps the listeners SDKs add (and never
 * remove) off the caller's long-lived signal.
 */
export function startDeadline(timeoutMs: number, callerSignal?: AbortSignal): Deadline {
  const controller = new AbortController();
  let timedOut = false;

  const onCallerAbort = (): void => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });

  const call: Pending = {
    lastActivity: Date.now(),
    timeoutMs,
    expire: () => {
      timedOut = true;
      controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError'));
    },
  };
  pending.add(call);
  armFor(call.lastActivity + timeoutMs);

  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    touch() {
      // Moves the deadline later: the armed timer finds it not due yet and re-arms for it.
      call.lastActivity = Date.now();
    },
    release(abortInFlight = true) {
      pending.delete(call);
      callerSignal?.removeEventListener('abort', onCallerAbort);
      if (abortInFlight && !controller.signal.aborted)
        controller.abort(new DOMException('call finished', 'AbortError'));
    },
  };
}
