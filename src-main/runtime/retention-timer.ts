import type { Clock } from '../clock';
import { DAY_MS, type RetentionService } from '../settings/retention-service';

/** How often the timer looks at the app clock to see whether a day has passed since the last purge. */
const CHECK_EVERY_MS = 10 * 60_000;

/**
 * Long-lived hosts (desktop, web host) purge by the retention settings at start and then once a day. "A day"
 * is read from the app clock against the last purge's time (stored), so a purge done from the CLI counts
 * and tests move the clock; the interval only decides how often to look. Nothing runs while every option
 * keeps everything (the default).
 */
export class RetentionTimer {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly retention: RetentionService,
    private readonly clock: Clock,
    private readonly log: (line: string) => void,
  ) {}

  start(checkEveryMs = CHECK_EVERY_MS): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), checkEveryMs);
    this.timer.unref();
    void this.tick(true);
  }

  /** Purges if retention is on and (at start) always, else once a day has passed since the last purge. */
  async tick(atStart = false): Promise<boolean> {
    if (!this.retention.active()) return false;
    const last = this.retention.lastPurge();
    if (!atStart && last && this.clock.now() - last.at < DAY_MS) return false;
    try {
      const r = await this.retention.purge('system@retention', { allowVacuum: false });
      this.log(
        `retention: removed ${r.usageEvents} usage events, ${r.documentVersions} document versions, ${r.auditEntries} audit entries`,
      );
    } catch (err) {
      this.log(`retention: purge failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    return true;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
