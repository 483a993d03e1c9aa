import type { SettingsDto } from '@contract';
import type { Metrics } from './metrics';
import { startMetricsExporter } from './metrics-exporter';

type RunningExporter = Awaited<ReturnType<typeof startMetricsExporter>>;

/** Keeps at most one metrics exporter running, on the port the settings ask for. */
export class MetricsExporterControl {
  private exporter: RunningExporter | null = null;
  private failure: string | null = null;

  constructor(
    private readonly metrics: Metrics,
    private readonly log: (line: string) => void,
  ) {}

  /** The port it listens on, or null when it is off. */
  get port(): number | null {
    return this.exporter?.port ?? null;
  }

  /** Why the exporter last asked for is not running (its port could not be bound), or null. */
  get notStarted(): string | null {
    return this.failure;
  }

  /** Starts, moves or stops the exporter; a port that cannot be bound is logged and leaves it off. */
  async apply(setting: SettingsDto['metricsExporter']): Promise<void> {
    const wanted = setting.enabled ? setting.port : null;
    if (this.exporter && this.exporter.port !== wanted) {
      await this.exporter.close();
      this.exporter = null;
    }
    this.failure = null;
    if (wanted !== null && !this.exporter)
      this.exporter = await startMetricsExporter(this.metrics, wanted).catch((err: unknown) => {
        this.failure = err instanceof Error ? err.message : String(err);
        this.log(`metrics exporter not started: ${this.failure}`);
        return null;
      });
  }

  close(): Promise<void> {
    const running = this.exporter;
    this.exporter = null;
    return running ? running.close() : Promise.resolve();
  }
}
