import { isAppError, ProviderFailure } from '../errors';
import type { Outbox, OutboxPayload } from './outbox';
import type { Router } from './router';
import { queuedDetails } from './routing-errors';
import type { OutputCheck, RouteAnswer } from './types';

/** Puts an answer where the user asked for it; what it returns is stored as the item's result. */
export type CompletionHandler = (target: string | null, answer: RouteAnswer, context: unknown) => unknown;

export interface CompletionOptions {
  /** Checks the answer as the original call did (e.g. JSON against its schema): one repair turn, then failover. */
  checkOutput?: (text: string) => OutputCheck;
}

/** How a queued item ended a run: it landed, failed for good, or waits for a later run. */
export interface OutboxOutcome {
  id: string;
  payload: OutboxPayload;
  status: 'done' | 'failed' | 'waiting';
  /** The error when it failed or waits. */
  error: string | null;
}

/** Runs due outbox items through the router and hands answers to their handlers. */
export class OutboxRunner {
  private readonly handlers = new Map<string, { land: CompletionHandler; options: CompletionOptions }>();
  private readonly listeners = new Set<(outcome: OutboxOutcome) => void>();
  private running: Promise<number> | null = null;

  /**
   * `commitUsage` commits the usage events queued so far (the group commit would wait a few ms): an answer
   * is stored only after the usage of the calls that made it, as IPC answers are sent only after it.
   */
  constructor(
    private readonly outbox: Outbox,
    private readonly router: Router,
    private readonly commitUsage: () => void,
  ) {}

  onComplete(kind: string, handler: CompletionHandler, options: CompletionOptions = {}): void {
    this.handlers.set(kind, { land: handler, options });
  }

  /** Told how each item of a run ended (after its result landed and the usage was committed). */
  onOutcome(listener: (outcome: OutboxOutcome) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Drains what is due now (`everything`: every queued item, as when a user asks to try now; an item still over
   * its budget is not sent and waits for the reset again). Concurrent calls share one run. Returns how many completed.
   */
  drain(everything = false): Promise<number> {
    this.running ??= this.drainOnce(everything).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drainOnce(everything: boolean): Promise<number> {
    let done = 0;
    for (const item of this.outbox.claimDue(10, everything)) {
      const outcome = await this.runItem(item);
      if (outcome.status === 'done') done++;
      for (const listener of this.listeners) listener(outcome);
    }
    return done;
  }

  private async runItem(item: { id: string; payload: OutboxPayload; attempts: number }): Promise<OutboxOutcome> {
    const { payload } = item;
    const completion = this.handlers.get(payload.completion.kind);
    try {
      if (!completion) throw new Error(`Nothing in this process can finish a "${payload.completion.kind}" task.`);
      const answer = await this.router.route({
        task: payload.task,
        request: payload.request,
        userId: payload.userId,
        requestId: `outbox-${item.id}-${item.attempts + 1}`,
        ...(payload.providerName ? { providerName: payload.providerName } : {}),
        ...(payload.candidateData ? { candidateData: payload.candidateData } : {}),
        ...(completion.options.checkOutput ? { checkOutput: completion.options.checkOutput } : {}),
        // Still offline or still over a `queue` limit: the item stays queued (the router finds it by its key).
        queue: { idempotencyKey: payload.idempotencyKey, completion: payload.completion },
      });
      this.commitUsage();
      const landed: unknown = await completion.land(payload.completion.target, answer, payload.completion.context);
      this.outbox.complete(item.id, {
        landed: landed ?? null,
        providerName: answer.providerName,
        requestId: answer.requestId,
      });
      return { id: item.id, payload, status: 'done', error: null };
    } catch (err) {
      this.commitUsage();
      const message = err instanceof Error ? err.message : String(err);
      const waiting = queuedDetails(err);
      const permanent =
        !completion ||
        (err instanceof ProviderFailure && err.errorClass === 'bad_request') ||
        (isAppError(err) && (err.code === 'invalid_input' || err.code === 'not_found'));
      const failed = this.outbox.retryLater(item.id, item.attempts, message, permanent, waiting?.runsAt ?? undefined);
      return { id: item.id, payload, status: failed ? 'failed' : 'waiting', error: message };
    }
  }
}
