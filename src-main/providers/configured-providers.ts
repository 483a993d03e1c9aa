import type { AuditLog } from '../audit/audit-log';
import { ProviderError } from './errors';
import { createProvider } from './factory';
import type { ProviderConfigRow, ProviderConfigService } from './config-service';
import type { LlmProvider, ModelInfo } from './types';

export interface CredentialTestResult {
  ok: boolean;
  model: string;
  latencyMs: number;
  message: string;
}

/** Builds providers from stored configs (key fetched from the keychain at call time) and runs admin checks. */
export class ConfiguredProviders {
  constructor(
    private readonly configs: ProviderConfigService,
    private readonly audit: AuditLog,
  ) {}

  /**
   * One provider per config row object: the router's candidate rows stay the same objects until a config
   * changes, so a provider (and its SDK client) is reused across calls instead of rebuilt for each one.
   */
  private readonly providers = new WeakMap<ProviderConfigRow, LlmProvider>();

  providerFor(row: ProviderConfigRow): LlmProvider {
    let provider = this.providers.get(row);
    if (!provider) {
      provider = createProvider(row.kind, {
        model: row.model,
        baseUrl: row.baseUrl,
        timeoutMs: row.timeoutMs,
        getApiKey: () => this.configs.readKey(row),
      });
      this.providers.set(row, provider);
    }
    return provider;
  }

  async testCredentials(name: string, actor: string): Promise<CredentialTestResult> {
    const row = this.configs.getByName(name);
    const started = performance.now();
    const result = await this.runTest(row);
    const latencyMs = Math.round(performance.now() - started);
    this.audit.append({
      actor,
      action: 'provider.test',
      target: row.name,
      after: { ok: result.ok, message: result.message },
    });
    return { ...result, model: row.model, latencyMs };
  }

  private async runTest(row: ProviderConfigRow): Promise<{ ok: boolean; message: string }> {
    try {
      await this.providerFor(row).testCredentials(AbortSignal.timeout(row.timeoutMs));
      if (row.keyInvalid) this.configs.markKeyInvalid(row.id, false);
      return { ok: true, message: `${row.name} answered.` };
    } catch (err) {
      if (!(err instanceof ProviderError)) throw err;
      if (err.errorClass === 'auth') this.configs.markKeyInvalid(row.id, true);
      return { ok: false, message: err.message };
    }
  }

  async listModels(name: string): Promise<ModelInfo[]> {
    const row = this.configs.getByName(name);
    try {
      return await this.providerFor(row).listModels(AbortSignal.timeout(row.timeoutMs));
    } catch (err) {
      throw err instanceof ProviderError ? err.toAppError() : err;
    }
  }
}
