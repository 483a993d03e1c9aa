import { systemClock, type Clock } from './clock';
import { osUserName } from './os-user';
import { openDatabase, type DatabaseHandle } from './db/client';
import { dataFolderErrorFrom } from './errors';
import { applyMigrations, schemaVersion } from './db/migrate';
import { committingDispatch } from './ipc/committing-dispatch';
import { writesNoAuditEntry } from './ipc/audit-free-channels';
import { createDispatch, type Dispatch } from './ipc/dispatch';
import type { Handlers } from './ipc/handlers';
import { adminHandlers } from './handlers/admin';
import { appHandlers } from './handlers/app';
import { askHandlers } from './handlers/ask';
import { auditHandlers } from './handlers/audit';
import { policyHandlers } from './handlers/policies';
import { DataPolicies } from './routing/compliance/data-policies';
import { draftingHandlers } from './handlers/drafting';
import { batchDraftingHandlers } from './handlers/batch-drafting';
import { BatchEstimator } from './drafting/batch/batch-estimate';
import { BatchRunner } from './drafting/batch/batch-runner';
import { metricsHandlers } from './handlers/metrics';
import { outboxHandlers } from './handlers/outbox';
import { priceHandlers } from './handlers/prices';
import { providerHandlers } from './handlers/providers';
import { providerTransferHandlers } from './handlers/provider-transfer';
import { retentionHandlers } from './handlers/retention';
import { settingsHandlers } from './handlers/settings';
import { usageHandlers } from './handlers/usage';
import { backupHandlers } from './handlers/backup';
import { healthHandlers } from './handlers/health';
import { userHandlers } from './handlers/users';
import { UserDirectory } from './usage/users/user-directory';
import { UserQuotas } from './routing/user-quotas';
import { HealthMonitor, type ProbeConditions } from './health/health-monitor';
import { HealthProbeTimer } from './runtime/health-probe-timer';
import { networkUp } from './runtime/network-up';
import { BackupService } from './backup/backup-service';
import { applyPendingRestoreIfFree, type AppliedRestore } from './backup/restore-database';
import { defaultMigrationsDir } from './paths';
import { markRunningHost } from './db/running-host';
import type { RoleResolver, Session, HostKind } from './session';
import { ProviderConfigService } from './providers/config-service';
import { ConfiguredProviders } from './providers/configured-providers';
import { heldSecretPrefix, redactKnownSecrets, scrubKnownSecrets } from './secrets/redaction';
import { withRedaction } from './secrets/registering-store';
import { AdminService } from './admin/admin-service';
import { AuditLog } from './audit/audit-log';
import { Budgets } from './routing/budgets';
import { CircuitBreakers } from './routing/circuit-breaker';
import { Outbox } from './routing/outbox';
import { OutboxRunner } from './routing/outbox-runner';
import { Router } from './routing/router';
import { ProviderStatsReader } from './routing/strategy/provider-stats';
import { RouteOrder } from './routing/strategy/route-order';
import { RoutingStrategies } from './routing/strategy/strategy-store';
import { routingHandlers } from './handlers/routing';
import { sleep } from './routing/sleep';
import { AppEvents, type AppEventListener } from './runtime/app-events';
import { applyRuntimeSettings } from './runtime/apply-settings';
import { LogFile, logFilePath } from './runtime/log-file';
import { OutboxDrainTimer } from './runtime/outbox-drain-timer';
import { RetentionTimer } from './runtime/retention-timer';
import { startUpOnce } from './runtime/start-up';
import { SettingsService } from './settings';
import { ProviderTransfer } from './transfer/provider-transfer';
import { APP_VERSION } from './version';
import { RetentionService } from './settings/retention-service';
import { DraftingService } from './drafting/service/drafting-service';
import { registerQueuedDrafting, settledEvent } from './drafting/service/queued-completions';
import { CandidateRecords } from './drafting/service/candidate-records';
import { CandidateImports } from './drafting/service/candidate-imports';
import { CandidateDataExport } from './drafting/service/candidate-data-export';
import { CandidatesRepo } from './drafting/store/candidates-repo';
import { DocumentsRepo } from './drafting/store/documents-repo';
import { JobPostingsRepo } from './drafting/store/job-postings-repo';
import { ValidationReportsRepo } from './drafting/store/validation-reports-repo';
import { RemovalsRepo } from './drafting/store/removals-repo';
import { WorkspaceEdits } from './drafting/service/workspace-edits';
import { Metrics } from './usage/metrics';
import { MetricTotals } from './usage/metric-totals';
import { ConfigTester } from './providers/config-test';
import { MetricsExporterControl } from './usage/metrics-exporter-control';
import { PricingService } from './usage/pricing';
import { RawUsageEvents } from './usage/raw-events';
import { UsageLog } from './usage/usage-log';
import { replayUsageSpill, usageSpillPath } from './usage/usage-spill';
import { UsageStats } from './usage/stats';
import type { SecretStore } from './secrets/secret-store';

export interface CoreOptions {
  dataDir: string;
  secrets: SecretStore;
  clock?: Clock;
  migrationsDir?: string;
  synchronous?: 'NORMAL' | 'FULL';
  /** The host's output for log lines (default stderr); every line also goes to the log file (`logFile`). */
  log?: (line: string) => void;
  /**
   * Load the audit key from the keychain at start (default: long-lived hosts, whose background work audits too),
   * or only before the first call that may write an audit entry (the CLI: a read-only command never loads it).
   */
  openAuditKeyAtStart?: boolean;
  /** Environment for first-start seeding (GEMINI_API_KEY, …); none when omitted. */
  env?: NodeJS.ProcessEnv;
  /** Router waits (backoff, Retry-After); tests pass a fast one. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** Decides which calls explore a routing strategy's second choice; tests pass a seeded one. */
  routingRandom?: () => number;
  /** How long a usage event waits for others to share its commit (tests pass a long one to see the flushes). */
  usageGroupWindowMs?: number;
  /** Whether health probes may go out now (default: a non-loopback interface is up; battery is not detected). */
  probeConditions?: Partial<ProbeConditions>;
}

export interface CoreServices {
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
  routingStrategies: RoutingStrategies;
  settings: SettingsService;
  retention: RetentionService;
  drafting: DraftingService;
  health: HealthMonitor;
  users: UserDirectory;
  quotas: UserQuotas;
}

export interface Core {
  dataDir: string;
  store: DatabaseHandle;
  secrets: SecretStore;
  clock: Clock;
  log: (line: string) => void;
  /** The rotating log file in the data folder (logs/aditus.log): internal errors, start-up problems, background failures. */
  logFile: string;
  services: CoreServices;
  /** Async start-up work shared by every host: crash recovery, seeding, the optional metrics exporter. */
  start(): Promise<void>;
  /** Long-lived hosts (desktop, web host): drain the outbox and purge by the retention settings, now and then periodically. */
  startBackgroundWork(intervalMs?: number): void;
  /** Events for every window (a queued task landed); returns the unsubscribe function. */
  onEvent(listener: AppEventListener): () => void;
  /** Puts the stored settings into effect (durability, metrics exporter). */
  applyRuntimeSettings(): Promise<void>;
  metricsExporterPort(): number | null;
  handlers: Handlers;
  dispatch: Dispatch;
  schemaVersion(): number;
  /**
   * True once after a call staged a restore through this core: its host then closes it and opens the data
   * folder again (a second caller, e.g. a request that settles during the switch, gets false).
   */
  takeStagedRestore(): boolean;
  /** The restore this core swapped in when it opened (a backup staged before), or null. */
  restoredAtOpen: AppliedRestore | null;
  /** After a host swapped a restore in itself (`applyPendingRestore`): re-anchor the audit log and record it. */
  recordRestore(applied: AppliedRestore): Promise<void>;
  /** Long-lived hosts: marks the data folder as held by this process (a restore from elsewhere is refused); returns the unmark. */
  markRunningHost(host: string): () => void;
  /** A session for the local OS user on the given host. */
  /** A session acting as `userId` (default: the OS user). */
  localSession(host: HostKind, adminToken?: string | null, userId?: string): Session;
  /**
   * Stops background work and closes the database, committing the usage events still queued first; those
   * the database still refuses go to the spill file (`spilled`), or, if that fails too, are `lost`.
   */
  close(): UsageAtClose;
}

/** What became of the usage events still queued when the core closed. */
export interface UsageAtClose {
  /** Events written to `spillPath` (fsynced) for the next start to record. */
  spilled: number;
  /** Events neither committed nor spilled (the spill file could not be written either). */
  lost: number;
  spillPath: string;
  error?: unknown;
}

/** The database, migrated; a folder that cannot be written is an AppError naming it. Failures go to the log file too. */
function openStore(options: CoreOptions, logFile: LogFile): DatabaseHandle {
  let store: DatabaseHandle | null = null;
  try {
    store = openDatabase({ dataDir: options.dataDir, synchronous: options.synchronous });
    applyMigrations(store.sqlite, options.migrationsDir);
    return store;
  } catch (err) {
    store?.close();
    const reported = dataFolderErrorFrom(err, options.dataDir) ?? err;
    logFile.writeError('start-up: the database could not be opened', err, reported);
    throw reported;
  }
}

/** Runs `then` once, after the first successful start. */
function afterStart(start: () => Promise<void>, then: (() => Promise<void>) | null): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => (done ??= start().then(() => then?.()));
}

/** The composition root shared by the Electron app, the CLI and the web host: it only wires. */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const hostLog = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const logFile = new LogFile({ path: logFilePath(options.dataDir), redact: redactKnownSecrets });
  const log = (line: string): void => {
    logFile.write(line);
    hostLog(line);
  };
  const secrets = withRedaction(options.secrets);
  const restored = applyPendingRestoreIfFree(options.dataDir, (err) =>
    logFile.writeError('restore: the staged backup was not swapped in', err),
  );
  const store = openStore(options, logFile);

  const audit = new AuditLog(store, clock, secrets, log);
  const admin = new AdminService(store, secrets, clock, audit);
  const providers = new ProviderConfigService(store, secrets, clock, audit);
  const configuredProviders = new ConfiguredProviders(providers, audit);
  const pricing = new PricingService(store, clock, audit);
  const usageLog = new UsageLog(store, {
    groupWindowMs: options.usageGroupWindowMs,
    onWriteError: (err, queued) =>
      log(`usage log: ${err instanceof Error ? err.message : String(err)} (${queued} events queued, retrying)`),
  });
  const commitUsage = () => usageLog.flush();
  const spillPath = usageSpillPath(options.dataDir);
  const drainUsage = (): UsageAtClose => {
    const pending = usageLog.pending();
    try {
      const { spilled } = usageLog.drain(spillPath);
      if (spilled > 0) log(`usage log: ${spilled} events could not be committed; saved to ${spillPath}`);
      return { spilled, lost: 0, spillPath };
    } catch (error) {
      log(`usage log: ${pending} events could not be committed nor saved to ${spillPath}: ${String(error)}`);
      return { spilled: 0, lost: usageLog.pending(), spillPath, error };
    }
  };
  const budgets = new Budgets(store, clock, { flushPending: commitUsage });
  const users = new UserDirectory(store, clock, audit);
  const quotas = new UserQuotas(store, clock, users, commitUsage);
  usageLog.alsoInEachBatch(budgets.settlements);
  usageLog.alsoInEachBatch(quotas.budgets.settlements);
  const breakers = new CircuitBreakers(() => clock.now());
  const metrics = new Metrics(new MetricTotals(store), () => clock.now(), commitUsage);
  const outbox = new Outbox(store, clock);
  const routingStrategies = new RoutingStrategies(store, clock, audit);
  const providerStats = new ProviderStatsReader(store, pricing);
  usageLog.onCommit((events) => (events ? providerStats.committed(events) : providerStats.forget()));
  const routeOrder = new RouteOrder({
    strategyFor: (task) => routingStrategies.get(task),
    statsFor: (task, row) => providerStats.read(task, row, clock.now()),
    random: options.routingRandom ?? Math.random,
  });
  const policies = new DataPolicies(store, clock, audit);
  const router = new Router({
    candidates: (task, name) => providers.candidates(task, name),
    order: (task, rows) => routeOrder.forCall(task, rows),
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
    scrub: { text: scrubKnownSecrets, heldTail: heldSecretPrefix },
    policy: (task, candidateId) => policies.effective(task, candidateId),
    recordDataSent: ({ candidateId, userId, ...where }) =>
      audit.append({ actor: userId, action: 'candidate.data_sent', target: candidateId, after: where }),
    quotas,
  });
  const outboxRunner = new OutboxRunner(outbox, router, commitUsage);
  const settings = new SettingsService(store, clock, audit);
  const transfer = new ProviderTransfer({
    store,
    secrets,
    clock,
    audit,
    providers,
    pricing,
    settings,
    routing: routingStrategies,
    policies,
    appVersion: APP_VERSION,
    log,
  });
  const retention = new RetentionService(store, clock, audit);
  const candidatesRepo = new CandidatesRepo(store, clock);
  const candidateRecords = new CandidateRecords({ candidates: candidatesRepo, clock });
  candidateRecords.migrateLegacyRows();
  const candidateImports = new CandidateImports({ candidates: candidatesRepo, store, audit });
  candidateImports.fillMissingHashes();
  const drafting = new DraftingService({
    candidates: candidatesRepo,
    jobs: new JobPostingsRepo(store, clock),
    documents: new DocumentsRepo(store, clock),
    validations: new ValidationReportsRepo(store, clock),
    router,
    clock,
  });
  const edits = new WorkspaceEdits({
    ...drafting.repos,
    removals: new RemovalsRepo(store),
    records: candidateRecords,
    audit,
  });
  const backups = new BackupService({
    store,
    audit,
    clock,
    dataDir: options.dataDir,
    migrationsDir: options.migrationsDir ?? defaultMigrationsDir(),
  });
  const stats = new UsageStats(store);
  const usageEvents = new RawUsageEvents(store);
  const appEvents = new AppEvents();
  registerQueuedDrafting(outboxRunner, drafting.repos);
  outboxRunner.onOutcome((outcome) => {
    const event = settledEvent(outcome);
    if (event) appEvents.emit('queue:settled', event);
  });

  const health = new HealthMonitor({
    store,
    providers,
    providerFor: (row) => configuredProviders.providerFor(row),
    breakers,
    clock,
    audit,
    conditions: {
      networkUp: options.probeConditions?.networkUp ?? networkUp,
      onBatteryPower: options.probeConditions?.onBatteryPower ?? (() => false),
    },
    flushUsage: commitUsage,
    changed: (change) => appEvents.emit('provider:health', change),
  });
  const healthTimer = new HealthProbeTimer(health, log);

  const exporter = new MetricsExporterControl(metrics, log);
  const applySettings = () =>
    applyRuntimeSettings({ settings, sqlite: store.sqlite, exporter, synchronousOverride: options.synchronous });
  const drainTimer = new OutboxDrainTimer(outboxRunner, log);
  const retentionTimer = new RetentionTimer(retention, clock, log);
  const currentSchemaVersion = () => schemaVersion(store.sqlite);

  // Every channel's handler, one feature file each (src-main/handlers/); a missing one fails to compile.
  const handlers: Handlers = {
    ...appHandlers({
      dataDir: options.dataDir,
      logFile: logFile.path,
      secretsBackend: secrets.backend,
      schemaVersion: currentSchemaVersion,
    }),
    ...providerHandlers({
      providers,
      configuredProviders,
      configTester: new ConfigTester(providers, audit),
      budgets,
      breakers,
      pricing,
    }),
    ...adminHandlers({ admin }),
    ...auditHandlers({ audit }),
    ...policyHandlers({ policies }),
    ...usageHandlers({ stats, usageEvents, clock }),
    ...priceHandlers({ pricing }),
    ...askHandlers({ router }),
    ...routingHandlers({
      strategies: routingStrategies,
      order: routeOrder,
      candidates: (task) => providers.candidates(task),
      commitUsage,
    }),
    ...outboxHandlers({ outbox, outboxRunner }),
    ...metricsHandlers({ metrics }),
    ...settingsHandlers({
      settings,
      applyRuntimeSettings: applySettings,
      metricsExporterNotStarted: () => exporter.notStarted,
    }),
    ...draftingHandlers({
      drafting,
      records: candidateRecords,
      edits,
      imports: candidateImports,
      dataExport: new CandidateDataExport({ store, ...drafting.repos, clock, audit }),
    }),
    ...batchDraftingHandlers({
      estimator: new BatchEstimator({
        drafting,
        candidates: (task, name) => providers.candidates(task, name),
        preview: (task, rows) => routeOrder.preview(task, rows).rows,
        policy: (task, candidateId) => policies.effective(task, candidateId),
        priceFor: (model) => pricing.priceFor(model),
        circuitOpen: (id) => breakers.state(id) === 'open',
      }),
      runner: new BatchRunner({ drafting, redact: redactKnownSecrets, log: (line) => logFile.write(line) }),
    }),
    ...providerTransferHandlers({ transfer, applyRuntimeSettings: applySettings }),
    ...retentionHandlers({ retention }),
    ...backupHandlers({ backups }),
    ...healthHandlers({ health }),
    ...userHandlers({ directory: users, quotas, osUser: osUserName, commitUsage }),
  };
  const dispatch = committingDispatch(
    createDispatch(handlers, admin, hostLog, redactKnownSecrets, logFile),
    usageLog,
    () => audit.settled(),
    (channel) => (writesNoAuditEntry(channel) ? Promise.resolve() : audit.openOnce()),
  );

  return {
    dataDir: options.dataDir,
    store,
    secrets,
    clock,
    log,
    logFile: logFile.path,
    services: {
      providers,
      configuredProviders,
      roles: admin,
      admin,
      audit,
      pricing,
      budgets,
      breakers,
      usageLog,
      usageEvents,
      stats,
      metrics,
      outbox,
      outboxRunner,
      router,
      routingStrategies,
      settings,
      retention,
      drafting,
      health,
      users,
      quotas,
    },
    start: afterStart(
      startUpOnce({
        audit,
        openAuditKey: options.openAuditKeyAtStart ?? true,
        budgets: [budgets, quotas.budgets],
        outbox,
        providers,
        env: options.env,
        applyRuntimeSettings: applySettings,
        replaySpilledUsage: () => replayUsageSpill(spillPath, (events) => usageLog.replay(events)),
        log,
        failed: (err) => logFile.writeError('start-up failed', err),
      }),
      restored ? () => backups.recordRestored(restored, log) : null,
    ),
    startBackgroundWork: (intervalMs) => {
      drainTimer.start(intervalMs);
      retentionTimer.start();
      healthTimer.start();
    },
    onEvent: (listener) => appEvents.subscribe(listener),
    applyRuntimeSettings: applySettings,
    metricsExporterPort: () => exporter.port,
    handlers,
    dispatch,
    schemaVersion: currentSchemaVersion,
    takeStagedRestore: () => backups.takeStagedRestore(),
    restoredAtOpen: restored,
    recordRestore: (applied) => backups.recordRestored(applied, log),
    markRunningHost: (host) => markRunningHost(options.dataDir, host),
    localSession: (host, adminToken = null, userId = osUserName()) => ({ host, userId, adminToken }),
    close: () => {
      drainTimer.stop();
      retentionTimer.stop();
      healthTimer.stop();
      void exporter.close();
      const usage = drainUsage();
      for (const [name, leases] of [
        ['budgets', budgets],
        ['user quotas', quotas],
      ] as const)
        try {
          leases.close();
        } catch (err) {
          log(`${name}: leases left open (released at a later start): ${String(err)}`);
        }
      store.close();
      return usage;
    },
  };
}
