import type { SettingsDto } from '@contract';
import type { AuditLog } from './audit/audit-log';
import type { Clock } from './clock';
import type { DatabaseHandle } from './db/client';

export const DEFAULT_SETTINGS: SettingsDto = {
  metricsExporter: { enabled: false, port: 9464 },
  durability: 'NORMAL',
};

/** App settings (one JSON value per key in the settings table); every change is audited. */
export class SettingsService {
  constructor(
    private readonly store: DatabaseHandle,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  get(): SettingsDto {
    const rows = this.store.sqlite
      .prepare("SELECT key, value FROM settings WHERE key IN ('metricsExporter', 'durability')")
      .all() as { key: keyof SettingsDto; value: string }[];
    const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
    return { ...DEFAULT_SETTINGS, ...stored } as SettingsDto;
  }

  set(patch: Partial<SettingsDto>, actor: string): SettingsDto {
    const before = this.get();
    const upsert = this.store.sqlite.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
    for (const [key, value] of Object.entries(patch)) upsert.run(key, JSON.stringify(value), this.clock.now());
    const after = this.get();
    this.audit.append({ actor, action: 'settings.update', target: Object.keys(patch).join(','), before, after });
    return after;
  }
}
