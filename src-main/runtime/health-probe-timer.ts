import type { HealthMonitor } from '../health/health-monitor';

/** How often the timer looks at the app clock to see which provider's probe interval has passed. */
const CHECK_EVERY_MS = 15_000;

/**
 * Long-lived hosts (desktop, web host) probe providers by their intervals and re-evaluate health. Whether a
 * probe is due is read from the app clock against the last probe (stored), so tests move the clock; the
 * interval only decides how often to look. The timer never keeps the process alive.
 */
export class HealthProbeTimer {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly monitor: HealthMonitor,
    private readonly log: (line: string) => void,
  ) {}

  start(checkEveryMs = CHECK_EVERY_MS): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), checkEveryMs);
    this.timer.unref();
    this.tick();
  }

  private tick(): void {
    this.monitor
      .tick()
      .catch((err: unknown) => this.log(`health: ${err instanceof Error ? err.message : String(err)}`));
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
