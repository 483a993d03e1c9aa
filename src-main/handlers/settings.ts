import { actorOf } from '../admin/admin-service';
import type { DomainChannel, FeatureHandlers } from '../ipc/handlers';
import type { SettingsService } from '../settings';

export interface SettingsHandlerServices {
  settings: SettingsService;
  /** Puts saved settings into effect (durability, metrics exporter) before the answer goes back. */
  applyRuntimeSettings: () => Promise<void>;
}

/** `settings:*`: app settings; a change takes effect at once. */
export function settingsHandlers({
  settings,
  applyRuntimeSettings,
}: SettingsHandlerServices): FeatureHandlers<DomainChannel<'settings'>> {
  return {
    'settings:get': () => settings.get(),
    'settings:set': async (patch, ctx) => {
      const saved = settings.set(patch, actorOf(ctx.session));
      await applyRuntimeSettings();
      return saved;
    },
  };
}
