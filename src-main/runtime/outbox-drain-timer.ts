import type { OutboxRunner } from '../routing/outbox-runner';

/** Long-lived hosts (desktop, web host) drain the outbox periodically; the timer never keeps the process alive. */
export class OutboxDrainTimer {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly runner: OutboxRunner,
    private readonly log: (line: string) => void,
  ) {}

  /** Drains at once (work queued before a restart runs on start), then every `intervalMs`; starting it again keeps the first timer. */
  start(intervalMs = 30_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.drain(), intervalMs);
    this.timer.unref();
    this.drain();
  }

  private drain(): void {
    this.runner
      .drain()
      .catch((err: unknown) => this.log(`outbox: ${err instanceof Error ? err.message : String(err)}`));
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
