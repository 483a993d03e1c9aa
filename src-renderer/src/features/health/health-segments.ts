import type { HealthHistoryDto, ProviderHealthState } from '@contract';

export interface HealthSegment {
  state: ProviderHealthState;
  start: number;
  end: number;
}

/** One provider's states over [from, end) as consecutive segments (end: the range's end or now, whichever is first). */
export function healthSegments(
  provider: HealthHistoryDto['providers'][number],
  from: number,
  end: number,
): HealthSegment[] {
  const segments: HealthSegment[] = [];
  let state = provider.stateAtFrom;
  let start = from;
  for (const change of provider.changes) {
    if (change.at >= end) break;
    if (change.at > start) segments.push({ state, start, end: change.at });
    state = change.state;
    start = Math.max(start, change.at);
  }
  if (end > start) segments.push({ state, start, end });
  return segments;
}

export const HEALTH_COLOR: Record<ProviderHealthState, string> = {
  unknown: 'gray.4',
  healthy: 'green',
  degraded: 'yellow',
  down: 'red',
};
