import { actorOf } from '../admin/admin-service';
import type { HealthMonitor } from '../health/health-monitor';
import type { FeatureHandlers } from '../ipc/handlers';

export type HealthChannel = 'providers:health-status' | 'providers:health-history' | 'providers:set-probe';

/** Provider health: states, their history, and the probe schedule (admin). */
export function healthHandlers({ health }: { health: HealthMonitor }): FeatureHandlers<HealthChannel> {
  return {
    'providers:health-status': ({ name }) => health.status(name),
    'providers:health-history': ({ from, to }) => health.history(from, to),
    'providers:set-probe': ({ name, everyMs }, ctx) => health.setProbeEvery(name, everyMs, actorOf(ctx.session)),
  };
}
