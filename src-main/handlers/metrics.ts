import type { DomainChannel, FeatureHandlers } from '../ipc/handlers';
import type { Metrics } from '../usage/metrics';

/** `metrics:text`: the Prometheus text the exporter would serve. */
export function metricsHandlers({ metrics }: { metrics: Metrics }): FeatureHandlers<DomainChannel<'metrics'>> {
  return {
    'metrics:text': async () => ({ text: await metrics.text() }),
  };
}
