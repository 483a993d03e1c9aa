import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core';
import { KeytarSecretStore } from '../../../src-main/secrets/keytar-store';
import { SECRET_SERVICE } from '../../../src-main/secrets/secret-store';
import { ADMIN_PASSWORD, totpCode } from '../../helpers/admin';
import { tempDir } from '../../helpers/temp';

type Keytar = typeof import('keytar');
const keytar = createRequire(__filename)('keytar') as Keytar;

/** The real keychain, noting every account these cores write (other test files share the keyring meanwhile). */
class RecordingKeychain extends KeytarSecretStore {
  readonly written = new Set<string>();
  override async set(account: string, secret: string): Promise<void> {
    this.written.add(account);
    await super.set(account, secret);
  }
}

// The real OS keychain (run under scripts/with-keyring.sh): two cores on one data folder, as two processes would be.
describe('concurrent admin setup', () => {
  const data = tempDir();
  const cores: Core[] = [];
  afterEach(async () => {
    for (const core of cores) core.close();
    data.cleanup();
  });

  it('lets exactly one setup win and one confirmation create the account; the others leave no keychain entry behind', async () => {
    const secrets = new RecordingKeychain();
    for (let i = 0; i < 2; i++) cores.push(createCore({ dataDir: data.dir, secrets, log: () => undefined }));
    const results = await Promise.all(
      [0, 1, 0, 1].map((i) => {
        const core = cores[i] as Core;
        return core.dispatch('admin:setup', { password: ADMIN_PASSWORD }, core.localSession('cli'));
      }),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok))
      expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/already/u) } });
    const live = async () =>
      (await keytar.findCredentials(SECRET_SERVICE)).filter(
        (c) => c.account.startsWith('admin-totp') && secrets.written.has(c.account),
      );
    const pending = await live();
    expect(pending).toHaveLength(1);
    expect(pending[0]?.account).toMatch(/^admin-totp-pending:/u);
    const winner = results.find((r) => r.ok);
    const secret = winner?.ok ? (winner.data as { secret: string }).secret : '';

    // The first code from the new authenticator, sent through both cores at once: one account, one session.
    const code = totpCode(secret, Date.now());
    const confirmations = await Promise.all(
      [0, 1].map((i) => {
        const core = cores[i] as Core;
        return core.dispatch('admin:unlock', { password: ADMIN_PASSWORD, code }, core.localSession('web'));
      }),
    );
    expect(confirmations.filter((r) => r.ok)).toHaveLength(1);
    const ref = (cores[0] as Core).store.sqlite.prepare('SELECT totp_secret_ref AS ref FROM admin_account').get() as {
      ref: string;
    };
    const created = await live();
    // The one entry left is the account's, and it holds no plaintext TOTP secret.
    expect(created.map((c) => c.account)).toEqual([ref.ref]);
    const raw = created[0]?.password ?? '';
    expect(raw).not.toContain(secret);
    expect(Buffer.from(raw, 'base64').toString('latin1')).not.toContain(secret);
    await keytar.deletePassword(SECRET_SERVICE, ref.ref);
  }, 120_000);
});
