import {
  TASKS,
  type DataPolicy,
  type OnConflict,
  type RoutingStrategy,
  type Task,
  type ProviderConfigInput,
  type SettingsDto,
  type TransferExportOutput,
  type TransferPlan,
} from '@contract';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import { immediate, type DatabaseHandle } from '../db/client';
import { AppError, isAppError } from '../errors';
import { keyAccount, toDto, type ProviderConfigRow, type ProviderConfigService } from '../providers/config-service';
import { checkKeyFormat } from '../providers/key-format';
import { registerSecret } from '../secrets/redaction';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsService } from '../settings';
import { microsToUsd, usdToMicros } from '../usage/money';
import type { Price, PricingService } from '../usage/pricing';
import { planProviders, type ProviderStep } from './import-plan';
import { readTransferFile, type ReadTransferFile } from './read-transfer-file';
import { refused } from './transfer-error';
import type { ExportedPolicy, ExportedPrice, ExportedProvider, ExportedRouting } from './transfer-file';
import { writeTransferFile } from './write-transfer-file';

/** Each task's routing strategy (core passes routing/strategy/strategy-store.ts; this layer may not import it). */
export interface TaskStrategies {
  get(task: Task): RoutingStrategy;
  set(task: Task, strategy: RoutingStrategy, actor: string): void;
}

/** Each task's data policy (core passes routing/compliance/data-policies.ts). */
export interface TaskPolicies {
  get(target: { task: Task }): DataPolicy;
  set(target: { task: Task }, allow: DataPolicy, actor: string): unknown;
}

export interface ProviderTransferDeps {
  store: DatabaseHandle;
  secrets: SecretStore;
  clock: Clock;
  audit: AuditLog;
  providers: ProviderConfigService;
  pricing: PricingService;
  settings: SettingsService;
  routing: TaskStrategies;
  policies: TaskPolicies;
  appVersion: string;
  log: (line: string) => void;
}

export interface TransferImportRequest {
  content: string;
  passphrase?: string;
  onConflict: OnConflict;
}

/** The result of an import, with whether the settings changed (the caller puts them into effect). */
export interface TransferImportResult {
  plan: TransferPlan;
  settingsChanged: boolean;
}

interface Plan {
  read: ReadTransferFile;
  steps: ProviderStep[];
  prices: ExportedPrice[];
  unchangedPrices: number;
  settings: Partial<SettingsDto>;
  routing: ExportedRouting[];
  policies: ExportedPolicy[];
  onConflict: OnConflict;
}

interface WrittenKey {
  name: string;
  account: string;
  previous: string | null;
}

function exportedConfig(row: ProviderConfigRow): ProviderConfigInput {
  const dto = toDto(row);
  return {
    name: dto.name,
    kind: dto.kind,
    model: dto.model,
    baseUrl: dto.baseUrl,
    tasks: dto.tasks,
    priority: dto.priority,
    isDefault: dto.isDefault,
    active: dto.active,
    dailyTokenLimit: dto.dailyTokenLimit,
    monthlyTokenLimit: dto.monthlyTokenLimit,
    monthlyCostLimitUsd: dto.monthlyCostLimitUsd,
    onLimit: dto.onLimit,
    timeoutMs: dto.timeoutMs,
    maxOutputTokens: dto.maxOutputTokens,
    region: dto.region,
    dataRetention: dto.dataRetention,
    personalData: dto.personalData,
    piiMasking: dto.piiMasking,
  };
}

const exportedPrice = (p: Price): ExportedPrice => ({
  model: p.model,
  inputUsdPerMTok: microsToUsd(p.inputMicrosPerMTok),
  outputUsdPerMTok: microsToUsd(p.outputMicrosPerMTok),
  cachedInputUsdPerMTok: p.cachedInputMicrosPerMTok === null ? null : microsToUsd(p.cachedInputMicrosPerMTok),
  source: p.source,
});

const samePrice = (p: ExportedPrice, current: Price | undefined): boolean =>
  current !== undefined &&
  usdToMicros(p.inputUsdPerMTok) === current.inputMicrosPerMTok &&
  usdToMicros(p.outputUsdPerMTok) === current.outputMicrosPerMTok &&
  (p.cachedInputUsdPerMTok === null ? null : usdToMicros(p.cachedInputUsdPerMTok)) === current.cachedInputMicrosPerMTok;

/**
 * Moving to another laptop: provider configs (with their region, retention, personal-data and masking attributes),
 * the price table, the app settings, each task's routing strategy and data policy as one file, the API keys
 * in it only when the admin gives a passphrase (encrypted; see key-envelope.ts). An import is checked whole
 * before anything changes, then applied in one transaction; keychain writes that cannot be completed are undone.
 */
export class ProviderTransfer {
  constructor(private readonly deps: ProviderTransferDeps) {}

  async export(passphrase: string | undefined, actor: string): Promise<TransferExportOutput> {
    const { providers, pricing, settings, clock, audit } = this.deps;
    const rows = providers.list();
    const keys = new Map<string, string>();
    const missingKeys: string[] = [];
    if (passphrase !== undefined) {
      for (const row of rows) {
        if (!row.keyRef) continue;
        const key = await readKeyForExport(providers, row);
        if (key) keys.set(row.name, key);
        else missingKeys.push(row.name);
      }
    }
    const exported: ExportedProvider[] = rows.map((row) => ({ ...exportedConfig(row), hasKey: keys.has(row.name) }));
    const prices = pricing.list().map(exportedPrice);
    const exportedAt = new Date(clock.now());
    const content = await writeTransferFile(
      {
        exportedAt,
        appVersion: this.deps.appVersion,
        providers: exported,
        prices,
        settings: { ...settings.get() },
        routing: TASKS.map((task) => ({ task, strategy: this.deps.routing.get(task) })),
        policies: TASKS.map((task) => ({ task, allow: this.deps.policies.get({ task }) })),
      },
      passphrase !== undefined ? { keys, passphrase } : null,
    );
    audit.append({
      actor,
      action: 'providers.export',
      after: { providers: rows.map((r) => r.name), keys: [...keys.keys()], prices: prices.length },
    });
    return {
      filename: `aditus-providers-${exportedAt.toISOString().slice(0, 10)}.json`,
      content,
      providers: rows.length,
      keys: keys.size,
      missingKeys,
      prices: prices.length,
    };
  }

  async preview(request: TransferImportRequest): Promise<TransferPlan> {
    return this.describe(await this.plan(request));
  }

  async import(request: TransferImportRequest, actor: string): Promise<TransferImportResult> {
    const plan = await this.plan(request);
    if (plan.read.file.keys !== null && plan.read.keys === null) throw refused('passphrase_required');
    const written = await this.writeKeys(plan.steps);
    try {
      immediate(this.deps.store.sqlite, () => this.applyRows(plan, actor));
    } catch (err) {
      await this.restoreKeys(written);
      throw err;
    }
    return { plan: this.describe(plan), settingsChanged: Object.keys(plan.settings).length > 0 };
  }

  private async plan(request: TransferImportRequest): Promise<Plan> {
    const read = await readTransferFile(request.content, request.passphrase);
    for (const key of read.keys?.values() ?? []) registerSecret(key);
    const steps = planProviders(
      read.file.providers,
      (name) => this.deps.providers.findByName(name),
      read.keys,
      request.onConflict,
    );
    for (const step of steps) {
      if (!step.apiKey) continue;
      try {
        checkKeyFormat(step.config.kind, step.apiKey);
      } catch (err) {
        const why = isAppError(err) ? err.message : 'malformed';
        throw refused('invalid_content', `the key of "${step.plan.name}" is not usable (${why})`);
      }
    }
    const current = new Map(this.deps.pricing.list().map((p) => [p.model, p]));
    const prices = read.file.prices.filter((p) => !samePrice(p, current.get(p.model)));
    const now = this.deps.settings.get();
    const settings = Object.fromEntries(
      Object.entries(read.settings).filter(
        ([key, value]) => JSON.stringify(now[key as keyof SettingsDto]) !== JSON.stringify(value),
      ),
    ) as Partial<SettingsDto>;
    return {
      read,
      steps,
      prices,
      unchangedPrices: read.file.prices.length - prices.length,
      settings,
      routing: (read.file.routing ?? []).filter((r) => this.deps.routing.get(r.task) !== r.strategy),
      policies: (read.file.policies ?? []).filter((p) => this.deps.policies.get({ task: p.task }) !== p.allow),
      onConflict: request.onConflict,
    };
  }

  private describe(plan: Plan): TransferPlan {
    return {
      exportedAt: plan.read.file.exportedAt,
      keysIncluded: plan.read.file.keys !== null,
      keysUnlocked: plan.read.keys !== null,
      onConflict: plan.onConflict,
      providers: plan.steps.map((s) => s.plan),
      prices: { changed: plan.prices.map((p) => p.model), unchanged: plan.unchangedPrices },
      settings: { changed: Object.keys(plan.settings), ignored: plan.read.ignoredSettings },
      routing: plan.routing,
      policies: plan.policies,
    };
  }

  /** Inside the import's transaction: configs, prices, settings and one audit entry (names and counts only). */
  private applyRows(plan: Plan, actor: string): void {
    const { providers, pricing, settings, audit } = this.deps;
    for (const step of plan.steps)
      if (step.plan.action !== 'skip') providers.writeImported(step.id, step.config, step.apiKey, step.replacing);
    for (const p of plan.prices)
      pricing.set(
        {
          model: p.model,
          inputUsd: p.inputUsdPerMTok,
          outputUsd: p.outputUsdPerMTok,
          cachedInputUsd: p.cachedInputUsdPerMTok,
          source: p.source,
        },
        actor,
      );
    if (Object.keys(plan.settings).length > 0) settings.set(plan.settings, actor);
    for (const r of plan.routing) this.deps.routing.set(r.task, r.strategy, actor);
    for (const p of plan.policies) this.deps.policies.set({ task: p.task }, p.allow, actor);
    const named = (action: string) => plan.steps.filter((s) => s.plan.action === action).map((s) => s.plan.name);
    audit.append({
      actor,
      action: 'providers.import',
      after: {
        created: named('create'),
        replaced: named('replace'),
        skipped: named('skip'),
        keysImported: plan.steps.filter((s) => s.plan.key === 'imported').length,
        needKey: plan.steps.filter((s) => s.plan.key === 'needs_key').map((s) => s.plan.name),
        pricesChanged: plan.prices.length,
        settingsChanged: Object.keys(plan.settings),
        routingChanged: plan.routing.map((r) => r.task),
        policiesChanged: plan.policies.map((p) => p.task),
      },
    });
  }

  /** Every imported key into the keychain, or none: on a failure the ones written so far are undone. */
  private async writeKeys(steps: ProviderStep[]): Promise<WrittenKey[]> {
    const written: WrittenKey[] = [];
    try {
      for (const step of steps) {
        if (!step.apiKey) continue;
        const account = keyAccount(step.id);
        const previous = step.replacing ? await this.deps.secrets.get(account) : null;
        written.push({ name: step.plan.name, account, previous });
        await this.deps.secrets.set(account, step.apiKey);
      }
    } catch (err) {
      const left = await this.restoreKeys(written);
      throw keychainRefused(err, left);
    }
    return written;
  }

  /** Puts back what the keychain held before; the names whose entry could not be put back. */
  private async restoreKeys(written: WrittenKey[]): Promise<string[]> {
    const left: string[] = [];
    for (const entry of [...written].reverse()) {
      try {
        if (entry.previous === null) await this.deps.secrets.delete(entry.account);
        else await this.deps.secrets.set(entry.account, entry.previous);
      } catch {
        left.push(entry.name);
      }
    }
    if (left.length > 0)
      this.deps.log(`providers import: the keychain entries of ${left.join(', ')} could not be put back`);
    return left;
  }
}

async function readKeyForExport(providers: ProviderConfigService, row: ProviderConfigRow): Promise<string | null> {
  try {
    return await providers.readKey(row);
  } catch (err) {
    if (!isAppError(err) || err.code !== 'keychain_unavailable') throw err;
    throw new AppError(
      'keychain_unavailable',
      'The OS keychain is locked or unavailable, so the keys could not be read and nothing was exported. ' +
        'Unlock the keychain and export again, or export without keys.',
      err.details,
    );
  }
}

function keychainRefused(err: unknown, left: string[]): AppError {
  if (isAppError(err) && err.code !== 'keychain_unavailable') return err;
  const undo =
    left.length === 0
      ? ''
      : ` The keychain entries of ${left.join(', ')} could not be put back: import again once it is unlocked.`;
  return new AppError(
    'keychain_unavailable',
    'The OS keychain is locked or unavailable, so nothing was imported: no provider, price or setting changed. ' +
      `Unlock the keychain and import again.${undo}`,
    { ...(isAppError(err) ? err.details : {}), keysNotPutBack: left },
  );
}
