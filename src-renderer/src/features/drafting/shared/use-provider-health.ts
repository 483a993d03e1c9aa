import { useEffect } from 'react';
import type { ProviderHealthDto } from '@contract';
import { useCall } from '../../../lib/use-call';

/** How often the drafting screens look at the providers' health again while they stay open. */
const HEALTH_REFRESH_MS = 15_000;

/** Every provider's health (`providers:health`), loaded on mount and refreshed while shown; null until loaded. */
export function useProviderHealth(): ProviderHealthDto[] | null {
  const health = useCall('providers:health', {});
  const { reload } = health;
  useEffect(() => {
    const id = window.setInterval(reload, HEALTH_REFRESH_MS);
    return () => window.clearInterval(id);
  }, [reload]);
  return health.data;
}
