import type { ProviderConfigDto } from '@contract';
import { DAY_MS } from '../../lib/format';

export const KEY_ROTATION_DAYS = 90;

export function keyAgeDays(config: ProviderConfigDto, now: number): number | null {
  return config.keySetAt === null ? null : Math.floor((now - config.keySetAt) / DAY_MS);
}

/** Configs whose stored key was set more than 90 days ago. */
export function keysDueForRotation(configs: ProviderConfigDto[], now: number): ProviderConfigDto[] {
  return configs.filter((c) => (keyAgeDays(c, now) ?? 0) > KEY_ROTATION_DAYS);
}
