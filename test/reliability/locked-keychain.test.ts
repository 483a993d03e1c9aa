import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../src-main/session';
import { adminSession } from '../helpers/admin';
import { testCore, type TestCore } from '../helpers/core';
import { databaseChecksum } from '../helpers/db-checksum';
import { openAiProvider } from './support/provider-input';

describe('locked keychain', () => {
  let t: TestCore;
  let session: Session;
  beforeAll(async () => {
    t = testCore();
    ({ session } = await adminSession(t)); // enrolment stores the TOTP secret: the keychain is open here
  });
  afterAll(() => t.cleanup());

  it('adding a provider with a key fails with keychain_unavailable and stores nothing; works once unlocked', async () => {
    const { sqlite } = t.core.store;
    const input = openAiProvider('locked-out');
    const checksum = databaseChecksum(sqlite);
    const secrets = new Map(t.secrets.values);

    t.secrets.locked = true;
    const refused = await t.core.dispatch('providers:create', input, session);
    expect(refused).toMatchObject({ ok: false, error: { code: 'keychain_unavailable' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/keychain/iu);
    expect(databaseChecksum(sqlite)).toBe(checksum);
    expect(new Map(t.secrets.values)).toEqual(secrets);
    expect(JSON.stringify(refused)).not.toContain(input.apiKey);

    t.secrets.locked = false;
    const created = await t.core.dispatch('providers:create', input, session);
    expect(created).toMatchObject({ ok: true, data: { name: 'locked-out', hasKey: true } });
    expect([...t.secrets.values.values()]).toContain(input.apiKey);
    expect(databaseChecksum(sqlite)).not.toBe(checksum);
  });
});
