import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator';
import { expectProviderError, KEYS, KINDS, keySent, makeProvider } from './helpers';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ validKeys: Object.values(KEYS) });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

describe.each(KINDS)('%s adapter: models and credentials', (kind) => {
  it('lists the vendor models', async () => {
    const models = await makeProvider(kind, emulator).listModels();
    expect(models.length).toBeGreaterThan(1);
    expect(models.every((m) => m.id.length > 0 && !m.id.startsWith('models/'))).toBe(true);
  });

  it('checks credentials with one cheap authenticated request', async () => {
    await makeProvider(kind, emulator).testCredentials();
    const [request] = emulator.requests();
    expect(emulator.requests()).toHaveLength(1);
    expect(request!.method).toBe('GET');
    expect(keySent(request!)).toBe(KEYS[kind]);
  });

  it('reports a wrong key as auth', async () => {
    const provider = makeProvider(kind, emulator, { getApiKey: () => Promise.resolve('wrong-key-0123456789abcdef') });
    const error = await expectProviderError(provider.testCredentials(), 'auth');
    expect(error.message).not.toContain('wrong-key-0123456789abcdef');
  });
});

describe('model listings per vendor', () => {
  it('Anthropic carries display names', async () => {
    const models = await makeProvider('anthropic', emulator).listModels();
    expect(models).toContainEqual({ id: 'claude-sonnet-5', displayName: 'Claude Sonnet 5' });
  });

  it('Gemini strips the models/ prefix and leaves out models that cannot generate text', async () => {
    const models = await makeProvider('gemini', emulator).listModels();
    expect(models).toContainEqual({ id: 'gemini-2.5-flash', displayName: 'Gemini 2.5 Flash' });
    expect(models.map((m) => m.id)).not.toContain('text-embedding-004');
  });

  it('OpenAI-compatible falls back to a one-token call when the server cannot list models', async () => {
    emulator.pushFaults({ status: 404 });
    await makeProvider('openai-compatible', emulator).testCredentials();
    const [list, completion] = emulator.requests();
    expect(list!.status).toBe(404);
    expect(completion!.body).toMatchObject({ max_tokens: 1 });
  });

  it('OpenAI does not hide a 404 behind a fallback', async () => {
    emulator.pushFaults({ status: 404 });
    await expectProviderError(makeProvider('openai', emulator).testCredentials(), 'bad_request');
    expect(emulator.requests()).toHaveLength(1);
  });
});
