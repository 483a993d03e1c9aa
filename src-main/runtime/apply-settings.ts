import type { Sqlite } from '../db/client';
import type { SettingsService } from '../settings';
import type { MetricsExporterControl } from '../usage/metrics-exporter-control';

export interface RuntimeSettingsTargets {
  settings: SettingsService;
  sqlite: Sqlite;
  exporter: MetricsExporterControl;
  /** A durability the host fixed at start-up (`CoreOptions.synchronous`) wins over the stored setting. */
  synchronousOverride?: 'NORMAL' | 'FULL';
}

/** Puts the stored settings into effect: SQLite durability and the metrics exporter. */
export async function applyRuntimeSettings({
  settings,
  sqlite,
  exporter,
  synchronousOverride,
}: RuntimeSettingsTargets): Promise<void> {
  const { metricsExporter, durability } = settings.get();
  // FULL also survives power loss; NORMAL (WAL) survives a crash or kill of the app.
  sqlite.pragma(`synchronous = ${synchronousOverride ?? durability}`);
  await exporter.apply(metricsExporter);
}
