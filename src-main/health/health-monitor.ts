import type { HealthChangeDto, HealthHistoryDto, ProviderHealthState, ProviderHealthStatusDto } from '@contract';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { DatabaseHandle } from '../db/client';
import type { ProviderConfigRow, ProviderConfigService } from '../providers/config-service';
import type { LlmProvider } from '../providers/types';
import type { CircuitBreakers } from '../routing/circuit-breaker';
import { HealthRepo, type ProbeRow } from './health-repo';
import { HEALTH_LAST_N, HEALTH_WINDOW_MS, healthOf } from './health-rule';
import { probeProvider } from './probe';

/** When probes may go out: the host says whether the machine is online and whether it runs on battery. */
export interface ProbeConditions {
  networkUp: () => boolean;
  onBatteryPower: () => boolean;
}

export interface HealthMonitorDeps {
  store: DatabaseHandle;
  providers: ProviderConfigService;
  providerFor: (row: ProviderConfigRow) => LlmProvider;
  breakers: CircuitBreakers;
  clock: Clock;
  audit: AuditLog;
  conditions: ProbeConditions;
  /** Commits queued usage events, so the live calls just made count. */
  flushUsage: () => void;
  /** A provider's state changed (the host pushes `provider:health`). */
  changed: (change: HealthChangeDto) => void;
}

export interface HealthTick {
  /** Why no probe went out, or null. */
  paused: 'offline' | 'on_battery' | null;
  probed: string[];
  changes: HealthChangeDto[];
}

const RECENT_CHANGES = 10;

/** Scheduled probes and the health state of each provider (admin guide, "Provider health"). */
export class HealthMonitor {
  private readonly repo: HealthRepo;
  private running: Promise<HealthTick> | null = null;

  constructor(private readonly deps: HealthMonitorDeps) {
    this.repo = new HealthRepo(deps.store);
  }

  /**
   * For each active provider with a probe interval: probes it when the interval has passed on the app clock
   * (not while offline or on battery), then evaluates it from its probes and live calls and records a change.
   * A tick that starts while one runs waits for it instead.
   */
  tick(): Promise<HealthTick> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<HealthTick> {
    const { conditions } = this.deps;
    const paused = !conditions.networkUp() ? 'offline' : conditions.onBatteryPower() ? 'on_battery' : null;
    const tick: HealthTick = { paused, probed: [], changes: [] };
    // Offline, live calls fail for this machine's reason, not the provider's: nothing is evaluated.
    // Only providers with a probe interval are monitored: their probes and live calls make the state.
    const monitored = this.deps.providers.list().filter((r) => r.active && this.repo.probeEvery(r.id) !== null);
    if (paused === 'offline' || monitored.length === 0) return tick;
    this.deps.flushUsage();
    for (const row of monitored) {
      const probe = paused === null && this.probeDue(row) ? await this.probe(row) : null;
      if (probe) tick.probed.push(row.name);
      const change = this.evaluate(row, probe);
      if (change) tick.changes.push(change);
    }
    for (const change of tick.changes) this.deps.changed(change);
    return tick;
  }

  private probeDue(row: ProviderConfigRow): boolean {
    const every = this.repo.probeEvery(row.id);
    if (every === null) return false;
    const last = this.repo.lastProbe(row.id);
    return last === null || this.deps.clock.now() - last.at >= every;
  }

  private probe(row: ProviderConfigRow): Promise<ProbeRow> {
    return probeProvider(row, this.deps.providerFor(row), this.deps.clock.now());
  }

  /** Records the probe (if any) and the state change (if any) in one transaction. */
  private evaluate(row: ProviderConfigRow, probe: ProbeRow | null): HealthChangeDto | null {
    const now = this.deps.clock.now();
    const outcomes = this.repo.outcomesSince(row.id, now - HEALTH_WINDOW_MS, HEALTH_LAST_N);
    if (probe) outcomes.unshift({ at: probe.at, ok: probe.ok, latencyMs: probe.latencyMs ?? 0 });
    const verdict = healthOf(outcomes, this.deps.breakers.state(row.id) === 'open', row.timeoutMs, now);
    const current: ProviderHealthState = this.repo.lastChange(row.id)?.state ?? 'unknown';
    const next = verdict.state ?? current;
    const change: HealthChangeDto | null =
      next === current
        ? null
        : { name: row.name, at: now, state: next, previousState: current, reason: verdict.reason };
    this.deps.store.sqlite.transaction(() => {
      if (probe) this.repo.recordProbe(row.id, row.name, probe, next);
      if (change) this.repo.recordChange(row.id, change);
    })();
    return change;
  }

  status(name?: string): ProviderHealthStatusDto[] {
    const rows = name === undefined ? this.deps.providers.list() : [this.deps.providers.getByName(name)];
    return rows.map((row) => this.statusOf(row));
  }

  history(from: number, to: number): HealthHistoryDto {
    return {
      from,
      to,
      providers: this.deps.providers.list().map((row) => {
        const { before, changes } = this.repo.changesBetween(row.id, from, to);
        return { name: row.name, stateAtFrom: before, changes };
      }),
    };
  }

  setProbeEvery(name: string, everyMs: number | null, actor: string): ProviderHealthStatusDto {
    const row = this.deps.providers.getByName(name);
    const before = this.repo.probeEvery(row.id);
    const current = this.repo.lastChange(row.id)?.state ?? 'unknown';
    const now = this.deps.clock.now();
    this.deps.store.sqlite.transaction(() => {
      this.repo.setProbeEvery(row.id, everyMs, now);
      // Unmonitored, its last state would go stale: the history says monitoring stopped (not notified).
      if (everyMs === null && current !== 'unknown')
        this.repo.recordChange(row.id, {
          name: row.name,
          at: now,
          state: 'unknown',
          previousState: current,
          reason: 'health probes turned off',
        });
      this.deps.audit.append({
        actor,
        action: 'provider.probe_schedule',
        target: row.name,
        before: { probeEveryMs: before },
        after: { probeEveryMs: everyMs },
      });
    })();
    return this.statusOf(row);
  }

  private statusOf(row: ProviderConfigRow): ProviderHealthStatusDto {
    const last = this.repo.lastChange(row.id);
    return {
      name: row.name,
      state: last?.state ?? 'unknown',
      since: last?.at ?? null,
      reason: last?.reason ?? null,
      probeEveryMs: this.repo.probeEvery(row.id),
      lastProbe: this.repo.lastProbe(row.id),
      recentChanges: this.repo.recentChanges(row.id, RECENT_CHANGES),
    };
  }
}
