import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels } from '@contract';
import { databaseChecksum } from '../../helpers/db-checksum';
import { testCore, type TestCore } from '../../helpers/core';

describe('dispatch', () => {
  let t: TestCore;
  beforeEach(() => {
    t = testCore();
  });
  afterEach(() => t.cleanup());

  const recruiter = () => t.core.localSession('cli');

  it('answers app:info in the Result envelope', async () => {
    const result = await t.core.dispatch('app:info', {}, recruiter());
    expect(result).toMatchObject({ ok: true, data: { name: 'Aditus', host: 'cli', role: 'recruiter' } });
  });

  it('lists no providers on a fresh store', async () => {
    expect(await t.core.dispatch('providers:list', {}, recruiter())).toEqual({ ok: true, data: [] });
  });

  it('refuses an unknown channel with a typed error', async () => {
    const result = await t.core.dispatch('fs:readFile', { path: '/etc/passwd' }, recruiter());
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('rejects malformed input with invalid_input and leaves the database unchanged', async () => {
    const before = databaseChecksum(t.core.store.sqlite);
    const payloads: unknown[] = [
      null,
      42,
      'x',
      [],
      { extra: true },
      { __proto__: { polluted: 1 } },
      { a: 'b'.repeat(10_000) },
    ];
    for (const payload of payloads) {
      const result = await t.core.dispatch('app:info', payload, recruiter());
      expect(result, JSON.stringify(payload)?.slice(0, 50)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    expect(databaseChecksum(t.core.store.sqlite)).toBe(before);
  });

  it('refuses every admin channel to a recruiter before looking at the input', async () => {
    const adminChannels = Object.entries(channels).filter(([, spec]) => spec.role === 'admin');
    expect(adminChannels.length).toBeGreaterThan(0);
    const before = databaseChecksum(t.core.store.sqlite);
    for (const [name] of adminChannels) {
      const result = await t.core.dispatch(name, {}, recruiter());
      expect(result, name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(databaseChecksum(t.core.store.sqlite)).toBe(before);
  });
});
