import type { HealthChangeDto, ProviderHealthState } from '@contract';
import type { DatabaseHandle } from '../db/client';
import type { HealthOutcome } from './health-rule';

/** Live calls failing with these classes count against health (the same classes as the circuit breaker's). */
const FAILING_CLASSES = ['unavailable', 'rate_limited', 'offline'];

export interface ProbeRow {
  at: number;
  ok: boolean;
  latencyMs: number | null;
  failure: string | null;
}

interface RawChange {
  name: string;
  at: number;
  state: ProviderHealthState;
  previousState: ProviderHealthState | null;
  reason: string | null;
}

/** The provider_health and provider_probe_schedules tables, and the live calls of the usage ledger. */
export class HealthRepo {
  constructor(private readonly store: DatabaseHandle) {}

  probeEvery(configId: string): number | null {
    const row = this.store.sqlite
      .prepare('SELECT every_ms FROM provider_probe_schedules WHERE config_id = ?')
      .pluck()
      .get(configId) as number | undefined;
    return row ?? null;
  }

  setProbeEvery(configId: string, everyMs: number | null, now: number): void {
    if (everyMs === null) {
      this.store.sqlite.prepare('DELETE FROM provider_probe_schedules WHERE config_id = ?').run(configId);
      return;
    }
    this.store.sqlite
      .prepare(
        `INSERT INTO provider_probe_schedules (config_id, every_ms, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(config_id) DO UPDATE SET every_ms = excluded.every_ms, updated_at = excluded.updated_at`,
      )
      .run(configId, everyMs, now);
  }

  lastProbe(configId: string): ProbeRow | null {
    const row = this.store.sqlite
      .prepare(
        `SELECT at, ok, latency_ms AS latencyMs, failure FROM provider_health
         WHERE config_id = ? AND kind = 'probe' ORDER BY at DESC, id DESC LIMIT 1`,
      )
      .get(configId) as (Omit<ProbeRow, 'ok'> & { ok: number }) | undefined;
    return row ? { ...row, ok: row.ok === 1 } : null;
  }

  /** The last state change, or null when the provider was never evaluated. */
  lastChange(configId: string): RawChange | null {
    return (
      (this.store.sqlite
        .prepare(
          `SELECT provider_name AS name, at, state, previous_state AS previousState, reason FROM provider_health
           WHERE config_id = ? AND kind = 'change' ORDER BY at DESC, id DESC LIMIT 1`,
        )
        .get(configId) as RawChange | undefined) ?? null
    );
  }

  recentChanges(configId: string, limit: number): HealthChangeDto[] {
    return this.store.sqlite
      .prepare(
        `SELECT provider_name AS name, at, state, previous_state AS previousState, reason FROM provider_health
         WHERE config_id = ? AND kind = 'change' ORDER BY at DESC, id DESC LIMIT ?`,
      )
      .all(configId, limit) as RawChange[];
  }

  /** Changes in [from, to], oldest first, and the state each provider was in at `from`. */
  changesBetween(
    configId: string,
    from: number,
    to: number,
  ): { before: ProviderHealthState; changes: HealthChangeDto[] } {
    const before = this.store.sqlite
      .prepare(
        `SELECT state FROM provider_health WHERE config_id = ? AND kind = 'change' AND at < ?
         ORDER BY at DESC, id DESC LIMIT 1`,
      )
      .pluck()
      .get(configId, from) as ProviderHealthState | undefined;
    const changes = this.store.sqlite
      .prepare(
        `SELECT provider_name AS name, at, state, previous_state AS previousState, reason FROM provider_health
         WHERE config_id = ? AND kind = 'change' AND at >= ? AND at <= ? ORDER BY at, id`,
      )
      .all(configId, from, to) as RawChange[];
    return { before: before ?? 'unknown', changes };
  }

  recordProbe(configId: string, name: string, probe: ProbeRow, state: ProviderHealthState): void {
    this.store.sqlite
      .prepare(
        `INSERT INTO provider_health (config_id, provider_name, kind, at, ok, latency_ms, failure, state)
         VALUES (?, ?, 'probe', ?, ?, ?, ?, ?)`,
      )
      .run(configId, name, probe.at, probe.ok ? 1 : 0, probe.latencyMs, probe.failure, state);
  }

  recordChange(configId: string, change: HealthChangeDto): void {
    this.store.sqlite
      .prepare(
        `INSERT INTO provider_health (config_id, provider_name, kind, at, state, previous_state, reason)
         VALUES (?, ?, 'change', ?, ?, ?, ?)`,
      )
      .run(configId, change.name, change.at, change.state, change.previousState, change.reason);
  }

  /** Probes and live calls (those that reached the provider or failed in a way that counts) since `since`, newest first. */
  outcomesSince(configId: string, since: number, limit: number): HealthOutcome[] {
    const probes = this.store.sqlite
      .prepare(
        `SELECT at, ok, COALESCE(latency_ms, 0) AS latencyMs FROM provider_health
         WHERE config_id = ? AND kind = 'probe' AND at > ? ORDER BY at DESC LIMIT ?`,
      )
      .all(configId, since, limit) as { at: number; ok: number; latencyMs: number }[];
    const calls = this.store.sqlite
      .prepare(
        `SELECT created_at AS at, status = 'ok' AS ok, latency_ms AS latencyMs FROM usage_events
         WHERE created_at > ? AND config_id = ? AND (status = 'ok' OR error_class IN (${FAILING_CLASSES.map(() => '?').join(', ')}))
         ORDER BY created_at DESC LIMIT ?`,
      )
      .all(since, configId, ...FAILING_CLASSES, limit) as { at: number; ok: number; latencyMs: number }[];
    return [...probes, ...calls]
      .map((o) => ({ at: o.at, ok: o.ok === 1, latencyMs: o.latencyMs }))
      .sort((a, b) => b.at - a.at)
      .slice(0, limit);
  }
}
