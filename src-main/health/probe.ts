import { ProviderError } from '../providers/errors';
import { CONFIG_TEST_TIMEOUT_MS } from '../providers/config-test';
import type { ProviderConfigRow } from '../providers/config-service';
import type { LlmProvider } from '../providers/types';
import type { ProbeRow } from './health-repo';

/**
 * One health probe: the models-list call of `providers:test-config` (no tokens, nothing in the usage ledger),
 * ok when the provider answers and still offers the configured model. Latency is wall time, `at` the app clock's.
 */
export async function probeProvider(row: ProviderConfigRow, provider: LlmProvider, at: number): Promise<ProbeRow> {
  const timeoutMs = Math.min(row.timeoutMs, CONFIG_TEST_TIMEOUT_MS);
  const signal = AbortSignal.timeout(timeoutMs);
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    const models = await provider.listModels(signal);
    const found = models.some((m) => m.id === row.model);
    return { at, ok: found, latencyMs: latency(), failure: found ? null : 'unknown_model' };
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    return { at, ok: false, latencyMs: latency(), failure: signal.aborted ? 'timeout' : err.errorClass };
  }
}
