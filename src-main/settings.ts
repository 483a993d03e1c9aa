import type { SettingsDto } from '@contract';
import type { AuditLog } from './audit/audit-log';
import type { Clock } from './clock';
import type { DatabaseHandle } from './db/client';
import { SettingsRepo } from './settings-repo';

export const DEFAULT_SETTINGS: SettingsDto = {
  metricsExporter: { enabled: false, port: 9464 },
  durability: 'NORMAL',
};

/** App settings (one JSON value per key in the settings table); every change is audited. */
export class SettingsService {
  private readonly repo: SettingsRepo;

  constructor(
    store: DatabaseHandle,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {
    this.repo = new SettingsRepo(store.sqlite, Object.keys(DEFAULT_SETTINGS));
  }

  get(): SettingsDto {
    return { ...DEFAULT_SETTINGS, ...this.repo.read() } as SettingsDto;
  }

  set(patch: Partial<SettingsDto>, actor: string): SettingsDto {
    const before = this.get();
    for (const [key, value] of Object.entries(patch)) this.repo.write(key, value, this.clock.now());
    const after = this.get();
    this.audit.append({ actor, action: 'settings.update', target: Object.keys(patch).join(','), before, after });
    return after;
  }
}
