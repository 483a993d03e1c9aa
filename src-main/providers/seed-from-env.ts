import { providerConfigInputSchema, type ProviderConfigInput } from '@contract';
import type { ProviderConfigService } from './config-service';

const ACTOR = 'system@first-start';

const SEEDED_FROM = ['GEMINI_API_KEY', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY'] as const;

/** Whether `seedProvidersFromEnv` would create a config: none exists yet and a vendor key is set. */
export function willSeedFromEnv(configs: ProviderConfigService, env: NodeJS.ProcessEnv): boolean {
  return SEEDED_FROM.some((name) => Boolean(env[name])) && configs.list().length === 0;
}

/**
 * First start only (no config yet): create configs for the vendor keys found in the environment, keys
 * into the keychain. Gemini is the default for every task: the fast model for extraction and validation,
 * the quality model for CVs and cover letters.
 */
export async function seedProvidersFromEnv(configs: ProviderConfigService, env: NodeJS.ProcessEnv): Promise<string[]> {
  if (configs.list().length > 0) return [];
  const created: string[] = [];
  const add = async (
    config: Partial<ProviderConfigInput> & Pick<ProviderConfigInput, 'name' | 'kind' | 'model'>,
    key: string,
  ) => {
    const full = providerConfigInputSchema.parse(config);
    await configs.create(full, key, ACTOR);
    created.push(full.name);
  };
  const gemini = env['GEMINI_API_KEY'];
  if (gemini) {
    const geminiDefault = { kind: 'gemini', isDefault: true, priority: 10 } as const;
    const fast = env['GEMINI_MODEL_FAST'] ?? 'gemini-2.5-flash';
    const quality = env['GEMINI_MODEL_QUALITY'] ?? 'gemini-2.5-pro';
    await add({ ...geminiDefault, name: 'gemini-fast', model: fast, tasks: ['extraction', 'validation'] }, gemini);
    await add(
      { ...geminiDefault, name: 'gemini-quality', model: quality, tasks: ['cv_draft', 'cover_letter'] },
      gemini,
    );
  }
  const all: ProviderConfigInput['tasks'] = ['extraction', 'cv_draft', 'cover_letter', 'validation'];
  if (env['OPENAI_API_KEY'])
    await add(
      { name: 'openai', kind: 'openai', model: 'gpt-4.1-mini', tasks: all, priority: 50 },
      env['OPENAI_API_KEY'],
    );
  if (env['ANTHROPIC_API_KEY'])
    await add(
      { name: 'anthropic', kind: 'anthropic', model: 'claude-sonnet-4-5', tasks: all, priority: 60 },
      env['ANTHROPIC_API_KEY'],
    );
  return created;
}
