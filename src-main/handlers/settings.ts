import { actorOf } from '../admin/admin-service';
import type { DomainChannel, FeatureHandlers } from '../ipc/handlers';
import { AppError } from '../errors';
import type { SettingsService } from '../settings';

export interface SettingsHandlerServices {
  settings: SettingsService;
  /** Puts saved settings into effect (durability, metrics exporter) before the answer goes back. */
  applyRuntimeSettings: () => Promise<void>;
  /** Why the metrics exporter the settings ask for is not running (its port could not be bound), or null. */
  metricsExporterNotStarted: () => string | null;
}

/** `settings:*`: app settings; a change takes effect at once. */
export function settingsHandlers({
  settings,
  applyRuntimeSettings,
  metricsExporterNotStarted,
}: SettingsHandlerServices): FeatureHandlers<DomainChannel<'settings'>> {
  return {
    'settings:get': () => settings.get(),
    'settings:set': async (patch, ctx) => {
      const saved = settings.set(patch, actorOf(ctx.session));
      await applyRuntimeSettings();
      // An exporter asked for that is saved but not running: said rather than shown as running.
      const notStarted = patch.metricsExporter ? metricsExporterNotStarted() : null;
      if (notStarted !== null)
        throw new AppError(
          'conflict',
          `Saved, but the metrics exporter could not start on 127.0.0.1:${saved.metricsExporter.port} (${notStarted}). It stays off: pick another port.`,
        );
      return saved;
    },
  };
}
