import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminSession } from '../../helpers/admin';
import { testCore, type TestCore } from '../../helpers/core';

describe('providers:update', () => {
  let t: TestCore;
  beforeEach(() => {
    t = testCore();
  });
  afterEach(() => t.cleanup());

  it('changes only the fields in the patch', async () => {
    const { session } = await adminSession(t);
    const created = await t.core.dispatch(
      'providers:create',
      {
        config: {
          name: 'local',
          kind: 'openai-compatible',
          model: 'llama3.1:8b',
          baseUrl: 'http://127.0.0.1:11500/v1',
          tasks: ['extraction'],
          priority: 7,
          isDefault: true,
          dailyTokenLimit: 5000,
        },
      },
      session,
    );
    expect(created.ok).toBe(true);
    const updated = await t.core.dispatch(
      'providers:update',
      { name: 'local', patch: { model: 'qwen2.5:7b' } },
      session,
    );
    expect(updated).toMatchObject({
      ok: true,
      data: {
        model: 'qwen2.5:7b',
        baseUrl: 'http://127.0.0.1:11500/v1',
        tasks: ['extraction'],
        priority: 7,
        isDefault: true,
        dailyTokenLimit: 5000,
      },
    });
    const actions = t.core.services.audit.list({ action: 'provider.' }).map((r) => r.action);
    expect(actions).toEqual(['provider.update', 'provider.create']);
  });

  it('rejects a key in the wrong format without storing anything', async () => {
    const { session } = await adminSession(t);
    const result = await t.core.dispatch(
      'providers:create',
      { config: { name: 'oa', kind: 'openai', model: 'gpt-4.1' }, apiKey: 'not-an-openai-key' },
      session,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(result.ok || result.error.message).not.toContain('not-an-openai-key');
    expect(t.core.services.providers.list()).toEqual([]);
    // only the admin TOTP secret (and the audit log's key and head)
    expect([...t.secrets.values.keys()].filter((k) => !k.startsWith('audit-'))).toHaveLength(1);
  });
});
