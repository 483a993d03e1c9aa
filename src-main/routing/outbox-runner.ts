import { isAppError, ProviderFailure } from '../errors';
import type { Outbox } from './outbox';
import type { Router } from './router';
import type { RouteAnswer } from './types';

export type CompletionHandler = (target: string | null, answer: RouteAnswer) => void | Promise<void>;

/** Runs due outbox items through the router (never re-queuing them) and hands answers to their handlers. */
export class OutboxRunner {
  private readonly handlers = new Map<string, CompletionHandler>();
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

  onComplete(kind: string, handler: CompletionHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Drains what is due now; concurrent calls share one run. Returns how many items completed. */
  drain(): Promise<number> {
    this.running ??= this.drainOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drainOnce(): Promise<number> {
    let done = 0;
    for (const item of this.outbox.claimDue()) {
      const { payload } = item;
      try {
        const answer = await this.router.route({
          task: payload.task,
          request: payload.request,
          userId: payload.userId,
          requestId: `outbox-${item.id}-${item.attempts + 1}`,
          ...(payload.providerName ? { providerName: payload.providerName } : {}),
        });
        this.commitUsage();
        await this.handlers.get(payload.completion.kind)?.(payload.completion.target, answer);
        this.outbox.complete(item.id, {
          text: answer.text,
          providerName: answer.providerName,
          requestId: answer.requestId,
        });
        done++;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const permanent =
          (err instanceof ProviderFailure && err.errorClass === 'bad_request') ||
          (isAppError(err) && err.code === 'invalid_input');
        this.outbox.retryLater(item.id, item.attempts, message, permanent);
      }
    }
    return done;
  }
}
