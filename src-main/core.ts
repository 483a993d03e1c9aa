import { systemClock, type Clock } from './clock';
import { osUserName } from './os-user';
import { openDatabase, type DatabaseHandle } from './db/client';
import { applyMigrations } from './db/migrate';
import { createHandlers } from './app-handlers';
import { createDispatch, type Dispatch } from './ipc/dispatch';
import type { Handlers } from './ipc/handlers';
import type { RoleResolver, Session, HostKind } from './session';
import { ProviderConfigService } from './providers/config-service';
import { ConfiguredProviders } from './providers/configured-providers';
import { withRedaction } from './secrets/registering-store';
import { AdminService } from './admin/admin-service';
import { AuditLog } from './audit/audit-log';
import { seedProvidersFromEnv } from './providers/seed-from-env';
import { Budgets } from './routing/budgets';
import { CircuitBreakers } from './routing/circuit-breaker';
import { Outbox } from './routing/outbox';
import { OutboxRunner } from './routing/outbox-runner';
import { Router } from './routing/router';
import { sleep } from './routing/sleep';
import { SettingsService } from './settings';
import { DraftingService } from './drafting/service/drafting-service';
import { CandidatesRepo } from './drafting/store/candidates-repo';
import { DocumentsRepo } from './drafting/store/documents-repo';
import { JobPostingsRepo } from './drafting/store/job-postings-repo';
import { Metrics } from './usage/metrics';
import { startMetricsExporter } from './usage/metrics-exporter';
import { PricingService } from './usage/pricing';
import { RawUsageEvents } from './usage/raw-events';
import { UsageLog } from './usage/usage-log';
import { UsageStats } from './usage/stats';
import type { SecretStore } from './secrets/secret-store';

export interface CoreOptions {
  dataDir: string;
  secrets: SecretStore;
  clock?: Clock;
  migrationsDir?: string;
  synchronous?: 'NORMAL' | 'FULL';
  log?: (line: string) => void;
  /** Environment for first-start seeding (GEMINI_API_KEY, …); none when omitted. */
  env?: NodeJS.ProcessEnv;
  /** Router waits (backoff, Retry-After); tests pass a fast one. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** How long a usage event waits for others to share its commit (tests pass a long one to see the flushes). */
  usageGroupWindowMs?: number;
}

export interface Core {
  dataDir: string;
  store: DatabaseHandle;
  secrets: SecretStore;
  clock: Clock;
  log: (line: string) => void;
  services: {
    providers: ProviderConfigService;
    configuredProviders: ConfiguredProviders;
    roles: RoleResolver;
    admin: AdminService;
    audit: AuditLog;
    pricing: PricingService;
    budgets: Budgets;
    breakers: CircuitBreakers;
    usageLog: UsageLog;
    usageEvents: RawUsageEvents;
    stats: UsageStats;
    metrics: Metrics;
    outbox: Outbox;
    outboxRunner: OutboxRunner;
    router: Router;
    settings: SettingsService;
    drafting: DraftingService;
  };
  /** Async start-up work shared by every host: seeding, crash recovery, the optional metrics exporter. */
  start(): Promise<void>;
  /** Long-lived hosts (desktop, web host): drain the outbox periodically. */
  startBackgroundWork(intervalMs?: number): void;
  /** Starts, moves or stops the metrics exporter to match the settings. */
  applyRuntimeSettings(): Promise<void>;
  metricsExporterPort(): number | null;
  handlers: Handlers;
  dispatch: Dispatch;
  schemaVersion(): number;
  /** A session for the local OS user on the given host. */
  localSession(host: HostKind, adminToken?: string | null): Session;
  close(): void;
}

const STALE_AFTER_MS = 15 * 60_000;

/** The composition root shared by the Electron app, the CLI and the web host. */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const secrets = withRedaction(options.secrets);
  const store = openDatabase({ dataDir: options.dataDir, synchronous: options.synchronous });
  try {
    applyMigrations(store.db, options.migrationsDir);
  } catch (err) {
    store.close();
    throw err;
  }

  const audit = new AuditLog(store, clock);
  const admin = new AdminService(store, secrets, clock, audit);
  const providers = new ProviderConfigService(store, secrets, clock, audit);
  const configuredProviders = new ConfiguredProviders(providers, audit);
  const roles: RoleResolver = admin;
  const pricing = new PricingService(store, clock, audit);
  const usageLog = new UsageLog(store, {
    groupWindowMs: options.usageGroupWindowMs,
    onWriteError: (err, queued) =>
      log(`usage log: ${err instanceof Error ? err.message : String(err)} (${queued} events queued, retrying)`),
  });
  const budgets = new Budgets(store, clock, { flushPending: () => usageLog.flush() });
  const breakers = new CircuitBreakers(() => clock.now());
  const metrics = new Metrics();
  const outbox = new Outbox(store, clock);
  const router = new Router({
    candidates: (task, name) => providers.candidates(task, name),
    providerFor: (row) => configuredProviders.providerFor(row),
    markKeyInvalid: (id) => providers.markKeyInvalid(id, true),
    budgets,
    breakers,
    usage: usageLog,
    pricing,
    metrics,
    outbox,
    clock,
    sleep: options.sleep ?? sleep,
    random: options.random ?? Math.random,
  });
  const outboxRunner = new OutboxRunner(outbox, router, () => void usageLog.flush());
  const settings = new SettingsService(store, clock, audit);
  const drafting = new DraftingService({
    candidates: new CandidatesRepo(store, clock),
    jobs: new JobPostingsRepo(store, clock),
    documents: new DocumentsRepo(store, clock),
    router,
    clock,
  });
  let exporter: { port: number; close(): Promise<void> } | null = null;
  let drainTimer: NodeJS.Timeout | null = null;
  const applyRuntimeSettings = async () => {
    const { metricsExporter, durability } = settings.get();
    // FULL also survives power loss; NORMAL (WAL) survives a crash or kill of the app.
    store.sqlite.pragma(`synchronous = ${options.synchronous ?? durability}`);
    const wanted = metricsExporter.enabled ? metricsExporter.port : null;
    if (exporter && exporter.port !== wanted) {
      await exporter.close();
      exporter = null;
    }
    if (wanted !== null && !exporter)
      exporter = await startMetricsExporter(metrics, wanted).catch((err: unknown) => {
        log(`metrics exporter not started: ${err instanceof Error ? err.message : String(err)}`);
        return null;
      });
  };
  let started: Promise<void> | null = null;

  const base = {
    dataDir: options.dataDir,
    store,
    secrets,
    clock,
    log,
    services: {
      providers,
      configuredProviders,
      roles,
      admin,
      audit,
      pricing,
      budgets,
      breakers,
      usageLog,
      usageEvents: new RawUsageEvents(store),
      stats: new UsageStats(store),
      metrics,
      outbox,
      outboxRunner,
      router,
      settings,
      drafting,
    },
    start: () =>
      (started ??= (async () => {
        // Work left half-done by a process that was killed: a call cannot outlive its longest timeout.
        budgets.releaseStale(STALE_AFTER_MS);
        outbox.requeueInterrupted(STALE_AFTER_MS);
        if (options.env) await seedProvidersFromEnv(providers, options.env);
        await applyRuntimeSettings();
      })()),
    startBackgroundWork: (intervalMs = 30_000) => {
      drainTimer ??= setInterval(() => {
        outboxRunner
          .drain()
          .catch((err: unknown) => log(`outbox: ${err instanceof Error ? err.message : String(err)}`));
      }, intervalMs);
      drainTimer.unref();
    },
    applyRuntimeSettings,
    metricsExporterPort: () => exporter?.port ?? null,
    schemaVersion: () =>
      (store.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n,
    localSession: (host: HostKind, adminToken: string | null = null): Session => ({
      host,
      userId: osUserName(),
      adminToken,
    }),
    close: () => {
      if (drainTimer) clearInterval(drainTimer);
      void exporter?.close();
      usageLog.flush();
      budgets.close();
      store.close();
    },
  };
  const handlers = createHandlers(base);
  const dispatchNow = createDispatch(handlers, roles, log);
  // Usage events are committed in groups behind the router's answers. Nothing leaves the main process
  // before the usage events queued so far are committed: every call reads them all, and every event it
  // emits and every answer it returns goes out after a flush.
  const dispatch: Dispatch = async (channel, input, session, events) => {
    usageLog.flush();
    const committedFirst = events && {
      ...events,
      emit: (...args: Parameters<typeof events.emit>) => {
        usageLog.flush();
        events.emit(...args);
      },
    };
    const result = await dispatchNow(channel, input, session, committedFirst);
    usageLog.flush();
    return result;
  };
  return { ...base, handlers, dispatch };
}
