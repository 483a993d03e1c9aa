import type { ConfigTestFailure, ConfigTestResult, ProviderConnection } from '@contract';
import type { AuditLog } from '../audit/audit-log';
import type { ProviderConfigService } from './config-service';
import { ProviderError, redactSecrets, vendorName } from './errors';
import { createProvider } from './factory';
import { checkKeyFormat } from './key-format';

/** A test must answer while the admin waits at the form: at most this long, whatever the config's timeout. */
export const CONFIG_TEST_TIMEOUT_MS = 10_000;

export interface ConfigTestRequest {
  connection: ProviderConnection;
  apiKey?: string | undefined;
  /** Without `apiKey`: use the key stored for this saved provider. */
  storedKeyOf?: string | undefined;
}

type Outcome = Pick<ConfigTestResult, 'ok' | 'modelFound' | 'modelCount' | 'failure' | 'status' | 'message'>;

const failed = (failure: ConfigTestFailure, message: string, status: number | null = null): Outcome => ({
  ok: false,
  modelFound: null,
  modelCount: null,
  failure,
  status,
  message,
});

/** The precise reason a models call failed, from the classified provider error. */
function failureOf(err: ProviderError, timedOut: boolean, endpoint: string): Outcome {
  const status = err.status ?? null;
  if (timedOut) return failed('timeout', `${err.message}. Check the base URL, or try again.`);
  switch (err.errorClass) {
    case 'auth':
      return failed('auth', `${err.message}. Check the key.`, status);
    case 'offline':
      return failed('unreachable', `${err.message}. Check the base URL and that the server is running.`);
    case 'rate_limited':
      return failed('rate_limited', `${err.message}. The key was accepted; try again later.`, status);
    case 'unavailable':
      return status === null
        ? failed('unreachable', `${err.message} (${endpoint}).`)
        : failed('server_error', `${err.message}.`, status);
    default:
      return status === 404
        ? failed(
            'no_models_endpoint',
            `${endpoint} has no models list (404). Check the base URL (OpenAI-compatible servers usually end in /v1).`,
            status,
          )
        : failed('rejected', `${err.message}.`, status);
  }
}

/**
 * Tests settings that are not saved yet: one models-list call with the given key (or a saved provider's key),
 * which proves the server answers, the key is accepted and the model exists, and spends no tokens, so nothing is
 * written to the usage ledger. The key is used for this call only: not stored, not returned, not in the audit.
 */
export class ConfigTester {
  constructor(
    private readonly configs: ProviderConfigService,
    private readonly audit: AuditLog,
  ) {}

  async test(request: ConfigTestRequest, actor: string): Promise<ConfigTestResult> {
    const { connection } = request;
    const key = await this.keyFor(request);
    const started = performance.now();
    const outcome = await this.run(connection, key);
    const latencyMs = Math.round(performance.now() - started);
    const message = redactSecrets(outcome.message, [key]);
    this.audit.append({
      actor,
      action: 'provider.test_config',
      target: connection.model,
      after: {
        kind: connection.kind,
        baseUrl: connection.baseUrl,
        keySource: request.apiKey ? 'typed' : key ? 'stored' : 'none',
        ok: outcome.ok,
        failure: outcome.failure,
      },
    });
    return { ...outcome, message, model: connection.model, latencyMs };
  }

  private async keyFor({ apiKey, storedKeyOf, connection }: ConfigTestRequest): Promise<string | null> {
    if (apiKey) {
      checkKeyFormat(connection.kind, apiKey.trim());
      return apiKey.trim();
    }
    if (storedKeyOf) return this.configs.readKey(this.configs.getByName(storedKeyOf));
    return null;
  }

  private async run(connection: ProviderConnection, key: string | null): Promise<Outcome> {
    const who = vendorName(connection.kind);
    if (!key && connection.kind !== 'openai-compatible' && connection.baseUrl === null)
      return failed('no_key', `${who} needs an API key: enter one to test.`);
    const timeoutMs = Math.min(connection.timeoutMs, CONFIG_TEST_TIMEOUT_MS);
    const provider = createProvider(connection.kind, {
      model: connection.model,
      baseUrl: connection.baseUrl,
      timeoutMs,
      getApiKey: () => Promise.resolve(key),
    });
    const signal = AbortSignal.timeout(timeoutMs);
    const endpoint = connection.baseUrl ?? `${who}'s API`;
    try {
      const models = await provider.listModels(signal);
      const found = models.some((m) => m.id === connection.model);
      if (!found)
        return {
          ...failed(
            'unknown_model',
            `${who} accepted the key but does not offer the model "${connection.model}" (it lists ${models.length} models: see \`aditus providers models\` once saved, or check the spelling).`,
          ),
          modelFound: false,
          modelCount: models.length,
        };
      return {
        ok: true,
        modelFound: true,
        modelCount: models.length,
        failure: null,
        status: null,
        message: `${who} accepted the key and offers ${connection.model}.`,
      };
    } catch (err) {
      if (err instanceof ProviderError) return failureOf(err, signal.aborted, endpoint);
      throw err;
    }
  }
}
