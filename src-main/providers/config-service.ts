import { randomUUID } from 'node:crypto';
import type { ProviderConfigDto, ProviderConfigInput, Task } from '@contract';
import { immediate, type DatabaseHandle } from '../db/client';
import { AppError } from '../errors';
import type { Clock } from '../clock';
import type { SecretStore } from '../secrets/secret-store';
import type { AuditLog } from '../audit/audit-log';
import { ProviderConfigRepo, type ProviderConfigRow } from './config-repo';
import { checkKeyFormat, keyHint } from './key-format';

export type { ProviderConfigRow } from './config-repo';

const KEY_CACHE_MS = 60_000;

export const keyAccount = (configId: string): string => `provider:${configId}`;

const MICROS = 1_000_000;

export function toDto(row: ProviderConfigRow): ProviderConfigDto {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    model: row.model,
    baseUrl: row.baseUrl,
    tasks: row.tasks as Task[],
    priority: row.priority,
    isDefault: row.isDefault,
    active: row.active,
    dailyTokenLimit: row.dailyTokenLimit,
    monthlyTokenLimit: row.monthlyTokenLimit,
    monthlyCostLimitUsd: row.monthlyCostLimitMicros === null ? null : row.monthlyCostLimitMicros / MICROS,
    onLimit: row.onLimit,
    timeoutMs: row.timeoutMs,
    maxOutputTokens: row.maxOutputTokens,
    region: row.region,
    dataRetention: row.dataRetention,
    personalData: row.personalData,
    piiMasking: row.piiMasking,
    keyHint: row.keyHint,
    hasKey: row.keyRef !== null,
    keyInvalid: row.keyInvalid,
    keySetAt: row.keySetAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const usdToMicros = (usd: number | null): number | null => (usd === null ? null : Math.round(usd * MICROS));

/** What the audit log records of a config: everything but the key material (not even its hint). */
function auditView(row: ProviderConfigRow): Record<string, unknown> {
  const { keyHint: _hint, keySetAt: _setAt, ...rest } = toDto(row);
  return rest;
}

/** Masking is on unless the admin says otherwise, except for a local provider, where nothing leaves. */
function toColumns(input: ProviderConfigInput) {
  const { monthlyCostLimitUsd, piiMasking, ...rest } = input;
  return {
    ...rest,
    piiMasking: piiMasking ?? input.region !== 'local',
    monthlyCostLimitMicros: usdToMicros(monthlyCostLimitUsd),
  };
}

function toPatchColumns(input: Partial<ProviderConfigInput>) {
  const { monthlyCostLimitUsd, ...rest } = input;
  return {
    ...rest,
    ...(monthlyCostLimitUsd !== undefined ? { monthlyCostLimitMicros: usdToMicros(monthlyCostLimitUsd) } : {}),
  };
}

const OTHER_WRITERS_CHECK_MS = 250;

/** Provider configs in SQLite, their keys in the keychain. The key is write-only: nothing here returns it. */
export class ProviderConfigService {
  constructor(
    private readonly store: DatabaseHandle,
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {
    this.repo = new ProviderConfigRepo(store.sqlite);
  }

  private readonly repo: ProviderConfigRepo;
  private readonly keyCache = new Map<string, { value: string; at: number }>();

  private routable: { stamp: string; rows: ProviderConfigRow[] } | null = null;
  private generation = 0;
  private otherWriters = { version: '', checkedAt: Number.NEGATIVE_INFINITY };

  /**
   * Active configs routed to a task: the default first, then by priority and name; with `providerName`, only that
   * one, and only if it is routed to the task (`--provider` never widens routing). Cached until this
   * process changes a config (at once) or another process writes to the database (seen within
   * OTHER_WRITERS_CHECK_MS: PRAGMA data_version costs 5–25 µs, too much for every request).
   */
  candidates(task: string, providerName?: string): ProviderConfigRow[] {
    const now = performance.now();
    if (now - this.otherWriters.checkedAt >= OTHER_WRITERS_CHECK_MS) {
      this.otherWriters = { version: String(this.repo.dataVersion()), checkedAt: now };
    }
    const stamp = `${this.generation}:${this.otherWriters.version}`;
    if (this.routable?.stamp !== stamp) {
      const rows = this.list().filter((r) => r.active);
      rows.sort(
        (a, b) => Number(b.isDefault) - Number(a.isDefault) || a.priority - b.priority || a.name.localeCompare(b.name),
      );
      this.routable = { stamp, rows };
    }
    return this.routable.rows.filter((r) => r.tasks.includes(task) && (!providerName || r.name === providerName));
  }

  private changed(): void {
    this.generation++;
  }

  list(): ProviderConfigRow[] {
    return this.repo.list();
  }

  findByName(name: string): ProviderConfigRow | undefined {
    return this.repo.findByName(name);
  }

  getByName(name: string): ProviderConfigRow {
    const row = this.findByName(name);
    if (!row) throw new AppError('not_found', `No provider named "${name}".`);
    return row;
  }

  getById(id: string): ProviderConfigRow | undefined {
    return this.repo.findById(id);
  }

  async create(config: ProviderConfigInput, apiKey: string | undefined, actor: string): Promise<ProviderConfigRow> {
    if (this.findByName(config.name))
      throw new AppError('conflict', `A provider named "${config.name}" already exists.`);
    if (config.kind !== 'openai-compatible' && config.baseUrl === null && !apiKey && config.active)
      throw new AppError('invalid_input', `A ${config.kind} provider needs an API key.`);
    if (apiKey) checkKeyFormat(config.kind, apiKey);
    const id = randomUUID();
    const now = this.clock.now();
    // Key first: if the keychain is locked nothing is written to SQLite either.
    if (apiKey) await this.secrets.set(keyAccount(id), apiKey);
    let created: ProviderConfigRow;
    try {
      // The row and its audit entries commit together, or not at all (a full disk leaves nothing half-done).
      created = immediate(this.store.sqlite, () => {
        this.repo.insert({
          id,
          ...toColumns(config),
          keyRef: apiKey ? keyAccount(id) : null,
          keyHint: apiKey ? keyHint(apiKey) : null,
          keySetAt: apiKey ? now : null,
          createdAt: now,
          updatedAt: now,
        });
        const row = this.getById(id)!;
        this.audit.append({ actor, action: 'provider.create', target: row.name, after: auditView(row) });
        if (apiKey) this.audit.append({ actor, action: 'provider.key_set', target: row.name });
        return row;
      });
    } catch (err) {
      if (apiKey) await this.secrets.delete(keyAccount(id)).catch(() => false);
      throw err;
    }
    this.changed();
    return created;
  }

  async update(
    name: string,
    patch: Partial<ProviderConfigInput>,
    apiKey: string | undefined,
    actor: string,
  ): Promise<ProviderConfigRow> {
    const row = this.getByName(name);
    if (patch.name && patch.name !== name && this.findByName(patch.name))
      throw new AppError('conflict', `A provider named "${patch.name}" already exists.`);
    const kind = patch.kind ?? row.kind;
    if (apiKey) {
      checkKeyFormat(kind, apiKey);
      await this.secrets.set(keyAccount(row.id), apiKey);
      this.keyCache.delete(keyAccount(row.id));
    }
    const now = this.clock.now();
    // The change and its audit entries commit together, as in create().
    const updated = immediate(this.store.sqlite, () => {
      this.repo.update(row.id, {
        ...toPatchColumns(patch),
        ...(apiKey ? { keyRef: keyAccount(row.id), keyHint: keyHint(apiKey), keySetAt: now, keyInvalid: false } : {}),
        updatedAt: now,
      });
      const after = this.getById(row.id)!;
      this.audit.append({
        actor,
        action: 'provider.update',
        target: after.name,
        before: auditView(row),
        after: auditView(after),
      });
      if (apiKey)
        this.audit.append({
          actor,
          action: row.keyRef ? 'provider.key_rotate' : 'provider.key_set',
          target: after.name,
        });
      return after;
    });
    this.changed();
    return updated;
  }

  async remove(name: string, actor: string): Promise<boolean> {
    const row = this.findByName(name);
    if (!row) return false;
    // The keychain entry goes first: a config without a key is harmless, a key without a config is an orphan.
    if (row.keyRef) {
      await this.secrets.delete(row.keyRef);
      this.keyCache.delete(row.keyRef);
    }
    immediate(this.store.sqlite, () => {
      this.repo.delete(row.id);
      this.audit.append({ actor, action: 'provider.delete', target: row.name, before: auditView(row) });
      if (row.keyRef) this.audit.append({ actor, action: 'provider.key_remove', target: row.name });
    });
    this.changed();
    return true;
  }

  /**
   * A config from an import file, inside the caller's transaction (no audit entry: the import writes one):
   * created under `id`, or written over `replacing` (same id, so its usage stays). With `apiKey` (already in
   * the keychain under keyAccount(id)) the key reference and hint are set; without, a replaced config keeps its key.
   */
  writeImported(
    id: string,
    config: ProviderConfigInput,
    apiKey: string | null,
    replacing: ProviderConfigRow | undefined,
  ): ProviderConfigRow {
    const now = this.clock.now();
    const key = apiKey
      ? { keyRef: keyAccount(id), keyHint: keyHint(apiKey), keySetAt: now, keyInvalid: false }
      : { keyRef: null, keyHint: null, keySetAt: null };
    if (replacing) this.repo.update(id, { ...toColumns(config), ...(apiKey ? key : {}), updatedAt: now });
    else this.repo.insert({ id, ...toColumns(config), ...key, createdAt: now, updatedAt: now });
    this.keyCache.delete(keyAccount(id));
    this.changed();
    return this.getById(id)!;
  }

  markKeyInvalid(id: string, invalid: boolean): void {
    this.repo.update(id, { keyInvalid: invalid, updatedAt: this.clock.now() });
    this.changed();
  }

  /**
   * Reads the key at request time (never stored on a provider object). A keychain round trip costs
   * milliseconds, so the value is kept in this process's memory for a short while; any change made here
   * drops it at once.
   */
  async readKey(row: ProviderConfigRow): Promise<string | null> {
    if (!row.keyRef) return null;
    const cached = this.keyCache.get(row.keyRef);
    if (cached && this.clock.now() - cached.at < KEY_CACHE_MS) return cached.value;
    const value = await this.secrets.get(row.keyRef);
    if (value) this.keyCache.set(row.keyRef, { value, at: this.clock.now() });
    return value;
  }
}
