import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '@contract';
import { createCore, type Core } from '../../../src-main/core';
import { FakeClock } from '../../../src-main/clock';
import { AUDIT_FREE_CHANNELS, type AuditFreeChannel } from '../../../src-main/ipc/audit-free-channels';
import { MemorySecretStore } from '../../../src-main/secrets/memory-store';
import { ADMIN_PASSWORD, totpCode } from '../../helpers/admin';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

/** An in-memory keychain that remembers which accounts were read or written. */
class WatchedKeychain extends MemorySecretStore {
  readonly touched: string[] = [];
  override get(account: string): Promise<string | null> {
    this.touched.push(account);
    return super.get(account);
  }
  override set(account: string, secret: string): Promise<void> {
    this.touched.push(account);
    return super.set(account, secret);
  }
  /** The audit key and head accounts touched since the last call. */
  auditAccountsTouched(): string[] {
    const audit = this.touched.filter((a) => a.startsWith('audit-'));
    this.touched.length = 0;
    return audit;
  }
}

const auditRows = (core: Core): number =>
  (core.store.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

/** One valid input for each channel that writes no audit entry (a channel added to the list needs one here). */
const INPUTS: { [C in AuditFreeChannel]: ChannelInput<C> } = {
  'app:info': {},
  'usage:stats': { from: 0, to: Date.UTC(2030, 0, 1), by: 'provider' },
  'usage:dashboard': { from: 0, to: Date.UTC(2030, 0, 1) },
  'usage:events': { limit: 10 },
  'providers:list': {},
  'providers:get': { name: 'local-gemini' },
  'providers:health': {},
  'users:list': {},
  'users:acting': {},
  'users:quotas': {},
};

describe('the audit key is loaded only before a call that may write an audit entry', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  it('the read-only channels load no key and write no row; the next audited call writes a sealed row', async () => {
    const data = tempDir();
    const keychain = new WatchedKeychain();
    const clock = new FakeClock();
    const open = (openAuditKeyAtStart: boolean) =>
      createCore({ dataDir: data.dir, secrets: keychain, clock, log: () => undefined, openAuditKeyAtStart });

    // An admin, a provider and a user, as an app in use has them (written by a host that loads the key at start).
    const first = open(true);
    const session = first.localSession('cli');
    const setup = await first.dispatch('admin:setup', { password: ADMIN_PASSWORD }, session);
    if (!setup.ok) throw new Error(setup.error.message);
    const { secret } = setup.data as { secret: string };
    const unlock = await first.dispatch(
      'admin:unlock',
      { password: ADMIN_PASSWORD, code: totpCode(secret, clock.now()) },
      session,
    );
    expect(unlock.ok).toBe(true);
    const created = await first.dispatch(
      'providers:create',
      { config: { name: 'local-gemini', kind: 'gemini', model: 'gemini-2.5-flash' }, apiKey: `AIza${'x'.repeat(35)}` },
      session,
    );
    expect(created.ok, JSON.stringify(created)).toBe(true);
    first.close();

    const core = open(false);
    cleanups.push(() => {
      core.close();
      data.cleanup();
    });
    await core.start();
    keychain.auditAccountsTouched();
    const rowsBefore = auditRows(core);
    for (const channel of AUDIT_FREE_CHANNELS) {
      const result = await core.dispatch(channel, INPUTS[channel], session);
      expect(result.ok, `${channel}: ${JSON.stringify(result)}`).toBe(true);
    }
    expect(keychain.auditAccountsTouched()).toEqual([]);
    expect(auditRows(core)).toBe(rowsBefore);

    const added = await core.dispatch('users:add', { name: 'ana' }, session);
    expect(added.ok, JSON.stringify(added)).toBe(true);
    expect(keychain.auditAccountsTouched().some((a) => a.startsWith('audit-key:'))).toBe(true);
    expect(auditRows(core)).toBe(rowsBefore + 1);
    const verified = await core.services.audit.verify();
    expect(verified).toMatchObject({ ok: true, rows: rowsBefore + 1 });
    expect(verified.message).toBe(`All ${rowsBefore + 1} audit rows verify.`);
  });

  it('CLI: usage stats and providers list never touch the audit key; admin login still writes sealed rows that verify', async () => {
    const data = tempDir();
    cleanups.push(data.cleanup);
    const keychain = new WatchedKeychain();
    const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
      cli(['--data-dir', data.dir, ...args], { env, secrets: keychain });

    const init = await run(['admin', 'init', '--json'], { ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD });
    expect(init.code, init.stderr).toBe(0);
    const { secret } = init.json<{ secret: string }>();
    keychain.auditAccountsTouched();

    for (const args of [
      ['usage', 'stats', '--json'],
      ['providers', 'list', '--json'],
      ['usage', 'stats'],
    ]) {
      const read = await run(args);
      expect(read.code, read.stderr).toBe(0);
      expect(keychain.auditAccountsTouched(), args.join(' ')).toEqual([]);
    }

    const login = await run(['admin', 'login'], {
      ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD,
      ADITUS_ADMIN_TOTP: totpCode(secret, Date.now()),
    });
    expect(login.code, login.stderr).toBe(0);
    expect(keychain.auditAccountsTouched().some((a) => a.startsWith('audit-key:'))).toBe(true);

    const verify = await run(['audit', 'verify', '--json']);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    const result = verify.json<{ ok: boolean; rows: number; message: string }>();
    expect(result.ok).toBe(true);
    expect(result.rows).toBeGreaterThanOrEqual(2);
    expect(result.message).toBe(`All ${result.rows} audit rows verify.`);
  });

  it('CLI: a first start that seeds providers from the environment seals their audit rows', async () => {
    const data = tempDir();
    cleanups.push(data.cleanup);
    const keychain = new WatchedKeychain();
    const env = { GEMINI_API_KEY: `AIza${'s'.repeat(35)}` };
    const listed = await cli(['--data-dir', data.dir, 'providers', 'list', '--json'], { env, secrets: keychain });
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.json<{ name: string }[]>().map((p) => p.name)).toEqual(['gemini-fast', 'gemini-quality']);
    expect(keychain.auditAccountsTouched().some((a) => a.startsWith('audit-key:'))).toBe(true);

    // `audit verify` is an admin command; the log itself is what it checks.
    const core = createCore({ dataDir: data.dir, secrets: keychain, log: () => undefined });
    try {
      const result = await core.services.audit.verify();
      expect(result.rows).toBeGreaterThanOrEqual(2);
      expect(result).toMatchObject({ ok: true, message: `All ${result.rows} audit rows verify.` });
    } finally {
      core.close();
    }
  });
});
