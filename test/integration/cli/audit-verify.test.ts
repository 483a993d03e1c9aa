import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditIdentity } from '../../../src-main/audit/audit-log';
import { DATABASE_FILE } from '../../../src-main/db/client';
import { KeytarSecretStore } from '../../../src-main/secrets/keytar-store';
import { ADMIN_PASSWORD, totpCode } from '../../helpers/admin';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

// `aditus audit verify` with the real OS keychain (scripts/with-keyring.sh): exit code after tampering.
describe('aditus audit verify', () => {
  const data = tempDir();
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => cli(['--data-dir', data.dir, ...args], { env });
  const dbFile = join(data.dir, DATABASE_FILE);

  afterAll(async () => {
    await run(['admin', 'logout']);
    const keychain = new KeytarSecretStore();
    const id = auditIdentity(dbFile);
    await keychain.delete(`audit-key:${id}`);
    await keychain.delete(`audit-head:${id}`);
    data.cleanup();
  });

  it('exits 0 on an untouched log and non-zero once the last rows are cut and the settings head fixed', async () => {
    const init = await run(['admin', 'init', '--json'], { ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD });
    expect(init.code, init.stderr).toBe(0);
    const { secret } = init.json<{ secret: string }>();
    await run(['admin', 'login'], { ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD, ADITUS_ADMIN_TOTP: '000000' });
    const login = await run(['admin', 'login'], {
      ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD,
      ADITUS_ADMIN_TOTP: totpCode(secret, Date.now()),
    });
    expect(login.code, login.stderr).toBe(0);

    const clean = await run(['audit', 'verify']);
    expect(clean.code, clean.stderr).toBe(0);

    const db = new Database(dbFile);
    try {
      const last = db.prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number };
      expect(last.id).toBeGreaterThanOrEqual(3);
      db.prepare('DELETE FROM audit_log WHERE id > 1').run();
      const head = db.prepare('SELECT hash FROM audit_log WHERE id = 1').get() as { hash: string };
      db.prepare("INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('audit.head', ?, 0)").run(
        JSON.stringify({ id: 1, hash: head.hash }),
      );
    } finally {
      db.close();
    }
    const tampered = await run(['audit', 'verify']);
    expect(tampered.code).not.toBe(0);
    expect(tampered.stderr).toMatch(/rows were removed|cut/u);
  });
});
