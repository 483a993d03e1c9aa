import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput, ProviderConfigDto, ProviderKind } from '@contract';
import { startEmulator, type Emulator } from '../../emulator';
import { adminSession } from '../../helpers/admin';
import { testCore, type TestCore } from '../../helpers/core';
import { closedPort } from '../../helpers/routing';
import type { Session } from '../../../src-main/session';
import { baseUrlFor, KEYS, KINDS, MODEL_OF } from './helpers';

type Tested = ChannelOutput<'providers:test-config'>;

// Settings an admin has typed but not saved, tested through dispatch (as every host calls it) against the emulator.
describe('providers:test-config: test unsaved settings and key before saving', () => {
  let t: TestCore;
  let emulator: Emulator;
  let session: Session;
  const wrongKeys: Record<ProviderKind, string> = {
    openai: 'sk-proj-WRONGabcdefghijklmnopqrstuvwxyz0123456',
    anthropic: 'sk-ant-api03-WRONGabcdefghijklmnopqrstuvwxyz012',
    gemini: 'AIzaSyWRONGbcdefghijklmnopqrstuvwxyz012',
    'openai-compatible': 'local-WRONGabcdefghijklmno0123',
  };

  beforeAll(async () => {
    emulator = await startEmulator({ validKeys: Object.values(KEYS) });
    t = testCore();
    await t.core.start();
    session = (await adminSession(t)).session;
  });
  afterEach(() => emulator.reset());
  afterAll(async () => {
    await emulator.close();
    t.cleanup();
  });

  const testConfig = async (input: Record<string, unknown>): Promise<Tested> => {
    const r = await t.core.dispatch('providers:test-config', input, session);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.data as Tested;
  };
  // The emulator's OpenAI models list is the one an OpenAI-compatible server answers with here.
  const modelOf = (kind: ProviderKind) => (kind === 'openai-compatible' ? MODEL_OF.openai : MODEL_OF[kind]);
  const connection = (kind: ProviderKind, extra: Record<string, unknown> = {}) => ({
    kind,
    model: modelOf(kind),
    baseUrl: baseUrlFor(kind, emulator.url),
    ...extra,
  });
  const usageRows = () => t.core.store.sqlite.prepare('SELECT count(*) FROM usage_events').pluck().get() as number;

  it.each(KINDS)(
    '%s: a good key and an offered model answer ok, with the model found and no tokens spent',
    async (kind) => {
      const tested = await testConfig({ connection: connection(kind), apiKey: KEYS[kind] });
      expect(tested).toMatchObject({ ok: true, model: modelOf(kind), modelFound: true, failure: null, status: null });
      expect(tested.modelCount).toBeGreaterThan(0);
      expect(tested.latencyMs).toBeGreaterThanOrEqual(0);
      // Only the models list was asked for: nothing was generated, so nothing is in the usage ledger.
      expect(emulator.requests().map((r) => r.path.replace(/^.*\//u, ''))).toEqual(['models']);
      expect(usageRows()).toBe(0);
      // Nothing was saved.
      expect(t.core.services.providers.list()).toEqual([]);
    },
  );

  it.each(KINDS.filter((k) => k !== 'openai-compatible'))(
    '%s: a rejected key is failure "auth" with the status the vendor sends, and the key is in no answer or audit entry',
    async (kind) => {
      const tested = await testConfig({ connection: connection(kind), apiKey: wrongKeys[kind] });
      // Google answers a bad key with 400 API_KEY_INVALID, the others with 401.
      const status = kind === 'gemini' ? 400 : 401;
      expect(tested).toMatchObject({ ok: false, failure: 'auth', status, modelFound: null });
      expect(tested.message).toMatch(/API key was rejected.*Check the key/u);
      const audit = JSON.stringify(t.core.services.audit.list({ action: 'provider.test_config' }));
      for (const text of [JSON.stringify(tested), audit]) {
        expect(text).not.toContain(wrongKeys[kind]);
        expect(text).not.toContain(wrongKeys[kind].slice(6, 20));
      }
    },
  );

  it('a vendor message that echoes the key is shown without it', async () => {
    emulator.pushFaults({ status: 403, message: 'Key {key} may not list models' });
    const tested = await testConfig({ connection: connection('openai'), apiKey: KEYS.openai });
    expect(tested).toMatchObject({ ok: false, failure: 'auth', status: 403 });
    expect(tested.message).toContain('Key [redacted] may not list models');
    expect(tested.message).not.toContain(KEYS.openai.slice(8, 24));
    expect(JSON.stringify([t.logs, t.core.services.audit.list({})])).not.toContain(KEYS.openai.slice(8, 24));
  });

  it('a model the provider does not offer is failure "unknown_model", naming it', async () => {
    const tested = await testConfig({
      connection: connection('openai', { model: 'gpt-9-turbo' }),
      apiKey: KEYS.openai,
    });
    expect(tested).toMatchObject({ ok: false, failure: 'unknown_model', modelFound: false, model: 'gpt-9-turbo' });
    expect(tested.modelCount).toBeGreaterThan(0);
    expect(tested.message).toContain('"gpt-9-turbo"');
  });

  it('a base URL where nothing listens is failure "unreachable"', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/v1`;
    const tested = await testConfig({ connection: connection('openai-compatible', { baseUrl: url }) });
    expect(tested).toMatchObject({ ok: false, failure: 'unreachable', status: null });
    expect(tested.message).toMatch(/Could not reach the server/u);
  });

  it('a base URL without a models list (404) is failure "no_models_endpoint", hinting at /v1', async () => {
    emulator.pushFaults({ status: 404 });
    const tested = await testConfig({
      connection: connection('openai-compatible', { baseUrl: emulator.url }),
      apiKey: KEYS['openai-compatible'],
    });
    expect(tested).toMatchObject({ ok: false, failure: 'no_models_endpoint', status: 404 });
    expect(tested.message).toContain('/v1');
  });

  it('a server slower than the timeout is failure "timeout"', async () => {
    emulator.pushFaults({ latencyMs: 4_000 });
    const tested = await testConfig({ connection: connection('openai', { timeoutMs: 1_000 }), apiKey: KEYS.openai });
    expect(tested).toMatchObject({ ok: false, failure: 'timeout' });
    expect(tested.message).toMatch(/did not answer within 1 s/u);
  });

  it('a server error and a rate limit are told apart, with their status', async () => {
    emulator.pushFaults({ status: 500 });
    expect(await testConfig({ connection: connection('anthropic'), apiKey: KEYS.anthropic })).toMatchObject({
      ok: false,
      failure: 'server_error',
      status: 500,
    });
    emulator.pushFaults({ status: 429 });
    expect(await testConfig({ connection: connection('gemini'), apiKey: KEYS.gemini })).toMatchObject({
      ok: false,
      failure: 'rate_limited',
      status: 429,
    });
  });

  it('a cloud provider without a key is failure "no_key" and calls nothing', async () => {
    const tested = await testConfig({ connection: { kind: 'gemini', model: 'gemini-2.5-flash' } });
    expect(tested).toMatchObject({ ok: false, failure: 'no_key' });
    expect(emulator.requests()).toEqual([]);
  });

  it('a key of the wrong shape is refused as invalid input before any call', async () => {
    const r = await t.core.dispatch(
      'providers:test-config',
      { connection: connection('openai'), apiKey: 'AIza-nope' },
      session,
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(r)).not.toContain('AIza-nope');
    expect(emulator.requests()).toEqual([]);
  });

  it('the edit form tests changed settings with the stored key of a saved provider (storedKeyOf)', async () => {
    const created = await t.core.dispatch(
      'providers:create',
      {
        config: { name: 'saved-openai', kind: 'openai', model: 'gpt-4o-mini', baseUrl: `${emulator.url}/v1` },
        apiKey: KEYS.openai,
      },
      session,
    );
    expect(created.ok).toBe(true);
    const tested = await testConfig({
      connection: connection('openai', { model: 'gpt-4.1' }),
      storedKeyOf: 'saved-openai',
    });
    expect(tested).toMatchObject({ ok: true, model: 'gpt-4.1', modelFound: true });
    expect(emulator.requests()[0]?.headers.authorization).toBe(`Bearer ${KEYS.openai}`);
    // The saved config did not change.
    expect(t.core.services.providers.getByName('saved-openai').model).toBe('gpt-4o-mini');
    expect(JSON.stringify(tested)).not.toContain(KEYS.openai);
    await t.core.dispatch('providers:remove', { name: 'saved-openai' }, session);
  });

  it('is audited (settings and outcome, never the key) and refused to a recruiter', async () => {
    await testConfig({ connection: connection('openai'), apiKey: KEYS.openai });
    const [entry] = t.core.services.audit.list({ action: 'provider.test_config' }).slice(-1);
    expect(entry).toMatchObject({ action: 'provider.test_config', target: 'gpt-4o-mini' });
    expect(JSON.parse(String(entry?.after))).toMatchObject({ kind: 'openai', keySource: 'typed', ok: true });
    expect(JSON.stringify(entry)).not.toContain(KEYS.openai);

    const recruiter = t.core.localSession('web');
    const r = await t.core.dispatch(
      'providers:test-config',
      { connection: connection('openai'), apiKey: KEYS.openai },
      recruiter,
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('providers:get: one provider by name', () => {
  let t: TestCore;
  afterAll(() => t.cleanup());

  it('returns the config with its key hint and whether a key is stored, never the key; unknown names are not_found', async () => {
    t = testCore();
    await t.core.start();
    const { session } = await adminSession(t);
    await t.core.dispatch(
      'providers:create',
      { config: { name: 'with-key', kind: 'openai', model: 'gpt-4o-mini' }, apiKey: KEYS.openai },
      session,
    );
    await t.core.dispatch(
      'providers:create',
      {
        config: {
          name: 'local',
          kind: 'openai-compatible',
          model: 'llama3.1:8b',
          baseUrl: 'http://127.0.0.1:11434/v1',
        },
      },
      session,
    );
    const recruiter = t.core.localSession('web');
    const got = await t.core.dispatch('providers:get', { name: 'with-key' }, recruiter);
    expect(got).toMatchObject({ ok: true, data: { name: 'with-key', hasKey: true, keyHint: KEYS.openai.slice(-4) } });
    expect(JSON.stringify(got)).not.toContain(KEYS.openai);
    const list = await t.core.dispatch('providers:list', {}, recruiter);
    const listed = list.ok ? (list.data as ProviderConfigDto[]).find((p) => p.name === 'with-key') : null;
    expect(got.ok && got.data).toEqual(listed);
    expect(await t.core.dispatch('providers:get', { name: 'local' }, recruiter)).toMatchObject({
      ok: true,
      data: { hasKey: false, keyHint: null, baseUrl: 'http://127.0.0.1:11434/v1' },
    });
    expect(await t.core.dispatch('providers:get', { name: 'nope' }, recruiter)).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'No provider named "nope".' },
    });
  });
});
