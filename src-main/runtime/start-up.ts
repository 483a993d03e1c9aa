import type { AuditLog } from '../audit/audit-log';
import type { ProviderConfigService } from '../providers/config-service';
import { seedProvidersFromEnv, willSeedFromEnv } from '../providers/seed-from-env';
import type { Budgets } from '../routing/budgets';
import type { Outbox } from '../routing/outbox';

/** A call cannot outlive its longest timeout, so leases and claims older than this were left by a killed process. */
const STALE_AFTER_MS = 15 * 60_000;

export interface StartUpWork {
  /** Loads the audit key from the keychain before anything is audited (first use: creates it). */
  audit: AuditLog;
  /**
   * Load the audit key now (long-lived hosts), or leave it to the first call that may write an entry (the CLI:
   * a read-only command never touches the keychain). Seeding from the environment loads it first either way.
   */
  openAuditKey: boolean;
  /** The provider budgets and the users' quotas: leases a killed process left open are released. */
  budgets: Budgets[];
  outbox: Outbox;
  providers: ProviderConfigService;
  /** Environment for first-start seeding (GEMINI_API_KEY, …); no seeding when omitted. */
  env?: NodeJS.ProcessEnv;
  applyRuntimeSettings: () => Promise<void>;
  /** Records the usage events an earlier process spilled (idempotent); returns how many were read. */
  replaySpilledUsage?: () => number;
  log?: (line: string) => void;
  /** Told what stopped the start-up (the log file keeps it; the host reports it its own way). */
  failed?: (err: unknown) => void;
}

/**
 * The async start-up every host runs: recover work a killed process left half-done, seed providers
 * from the environment, put the settings into effect. Runs once; later calls share the first run.
 */
export function startUpOnce(work: StartUpWork): () => Promise<void> {
  let started: Promise<void> | null = null;
  return () =>
    (started ??= startUp(work).catch((err: unknown) => {
      work.failed?.(err);
      throw err;
    }));
}

async function startUp({
  audit,
  openAuditKey,
  budgets,
  outbox,
  providers,
  env,
  applyRuntimeSettings,
  replaySpilledUsage,
  log,
}: StartUpWork): Promise<void> {
  if (openAuditKey) await audit.open();
  if (replaySpilledUsage) {
    try {
      const replayed = replaySpilledUsage();
      if (replayed > 0) log?.(`usage log: recorded ${replayed} events saved by an earlier process`);
    } catch (err) {
      // Still locked or full: the file stays for the next start; the rest of the start-up goes on.
      log?.(`usage log: saved events not recorded yet (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  for (const b of budgets) b.releaseStale(STALE_AFTER_MS);
  outbox.requeueInterrupted(STALE_AFTER_MS);
  if (env && willSeedFromEnv(providers, env)) {
    await audit.openOnce();
    await seedProvidersFromEnv(providers, env);
  }
  await applyRuntimeSettings();
  await audit.settled();
}
