import { randomUUID } from 'node:crypto';
import type { OnConflict, ProviderConfigInput, TransferProviderPlan } from '@contract';
import type { ProviderConfigRow } from '../providers/config-service';
import type { ExportedProvider } from './transfer-file';

/** One provider of the file and what the import does with it. */
export interface ProviderStep {
  plan: TransferProviderPlan;
  config: ProviderConfigInput;
  /** The id it is written under: the existing config's when replacing, a new one when creating. */
  id: string;
  replacing: ProviderConfigRow | undefined;
  /** The key to store (decrypted from the file), or null. */
  apiKey: string | null;
}

function keyState(
  provider: ExportedProvider,
  existing: ProviderConfigRow | undefined,
  keys: Map<string, string> | null,
): TransferProviderPlan['key'] {
  if (provider.hasKey) return keys ? 'imported' : 'encrypted';
  if (existing?.keyRef) return 'kept';
  return provider.kind === 'openai-compatible' ? 'not_needed' : 'needs_key';
}

/** By name: a provider new here is created; one whose name exists is skipped or replaced (`onConflict`). */
export function planProviders(
  providers: ExportedProvider[],
  existingByName: (name: string) => ProviderConfigRow | undefined,
  keys: Map<string, string> | null,
  onConflict: OnConflict,
): ProviderStep[] {
  return providers.map((provider) => {
    const { hasKey: _hasKey, ...config } = provider;
    const existing = existingByName(provider.name);
    const action = existing ? (onConflict === 'replace' ? 'replace' : 'skip') : 'create';
    const key = action === 'skip' ? 'unchanged' : keyState(provider, existing, keys);
    return {
      plan: { name: provider.name, kind: provider.kind, model: provider.model, action, key },
      config,
      id: existing?.id ?? randomUUID(),
      replacing: action === 'replace' ? existing : undefined,
      apiKey: action !== 'skip' && provider.hasKey ? (keys?.get(provider.name) ?? null) : null,
    };
  });
}
