import type { OutboxRunner } from '../routing/outbox-runner';

/** Long-lived hosts (desktop, web host) drain the outbox periodically; the timer never keeps the process alive. */
export class OutboxDrainTimer {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly runner: OutboxRunner,
    private readonly log: (line: string) => void,
  ) {}

  /** Starting it again keeps the first timer. */
  start(intervalMs = 30_000): void {
    this.timer ??= setInterval(() => {
      this.runner
        .drain()
        .catch((err: unknown) => this.log(`outbox: ${err instanceof Error ? err.message : String(err)}`));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
