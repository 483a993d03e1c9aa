import type { Core } from '../../src-main/core';

export interface HistoryCalls {
  /** Successful calls (default 20). */
  ok?: number;
  errors?: number;
  latencyMs?: number;
  inputTokens?: number;
  outputTokens?: number;
}

let seq = 0;

/** Writes past calls of a provider for a task into the usage ledger (committed), as the router would have. */
export function seedHistory(core: Core, providerName: string, task: string, calls: HistoryCalls): void {
  const row = core.services.providers.getByName(providerName);
  const { ok = 20, errors = 0, latencyMs = 100, inputTokens = 1_000, outputTokens = 500 } = calls;
  const now = core.clock.now();
  for (let i = 0; i < ok + errors; i++) {
    const success = i < ok;
    core.services.usageLog.enqueue({
      requestId: `seed-${++seq}`,
      attempt: 1,
      configId: row.id,
      providerName,
      providerKind: row.kind,
      model: row.model,
      task,
      userId: 'seed',
      status: success ? 'ok' : 'error',
      errorClass: success ? null : 'unavailable',
      inputTokens: success ? inputTokens : 0,
      outputTokens: success ? outputTokens : 0,
      cachedInputTokens: 0,
      estimated: false,
      costMicros: null,
      priceVersion: null,
      latencyMs,
      ttftMs: null,
      fallback: false,
      createdAt: now,
    });
  }
  core.services.usageLog.flush();
}
