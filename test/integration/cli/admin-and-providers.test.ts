import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/client';
import { KeytarSecretStore } from '../../../src-main/secrets/keytar-store';
import { startEmulator, type Emulator } from '../../emulator';
import { ADMIN_PASSWORD, totpCode } from '../../helpers/admin';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

// The real CLI program with the real OS keychain (gnome-keyring in the test session), step by step as a new admin would.
describe('aditus CLI: admin, providers and the keychain', () => {
  const data = tempDir();
  const canary = `sk-CANARY${randomBytes(16).toString('hex')}`;
  let healthy: Emulator;
  let strict: Emulator;
  let secret = '';
  let recoveryCodes: string[] = [];
  const run = (args: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}) =>
    cli(['--data-dir', data.dir, ...args], options);
  const outputs: string[] = [];
  const track = async (p: ReturnType<typeof run>) => {
    const r = await p;
    outputs.push(r.stdout, r.stderr);
    return r;
  };

  beforeAll(async () => {
    healthy = await startEmulator({ openMode: true });
    strict = await startEmulator({ validKeys: ['sk-the-only-valid-key-000000000000'] });
  });
  afterAll(async () => {
    await track(run(['providers', 'remove', 'canary-openai']));
    await Promise.all([healthy.close(), strict.close()]);
    await track(run(['admin', 'logout']));
    data.cleanup();
  });

  it('refuses `providers add` without an admin session, saying how to log in', async () => {
    const r = await track(run(['providers', 'add', '--name', 'x', '--kind', 'openai-compatible', '--model', 'm']));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/admin login/u);
  });

  it('`admin init --json` prints the otpauth URI, secret and 10 recovery codes', async () => {
    const r = await track(run(['admin', 'init', '--json'], { env: { ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD } }));
    expect(r.code, r.stderr).toBe(0);
    const out = r.json<{ otpauthUri: string; secret: string; recoveryCodes: string[] }>();
    expect(out.otpauthUri).toMatch(/^otpauth:\/\/totp\//u);
    expect(out.recoveryCodes).toHaveLength(10);
    secret = out.secret;
    recoveryCodes = out.recoveryCodes;
  });

  it('after `admin init` no account is active yet: `admin status` says the setup waits for its first code', async () => {
    const status = await track(run(['admin', 'status', '--json']));
    expect(status.json()).toMatchObject({ configured: false, unlocked: false, pendingSetupSince: expect.any(Number) });
    const text = await track(run(['admin', 'status']));
    expect(text.stdout).toMatch(/not finished: run `aditus admin login`/u);
    const again = await track(run(['admin', 'init'], { env: { ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD } }));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already in progress/u);
    // `admin setup` is the same command; --restart replaces the unfinished setup (the old secret is void).
    const restarted = await track(
      run(['admin', 'setup', '--restart', '--json'], { env: { ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD } }),
    );
    expect(restarted.code, restarted.stderr).toBe(0);
    const out = restarted.json<{ secret: string; recoveryCodes: string[] }>();
    expect(out.secret).not.toBe(secret);
    secret = out.secret;
    recoveryCodes = out.recoveryCodes;
  });

  it('`admin login` with a wrong code fails, then succeeds with the right one; the failure is in `audit list`', async () => {
    // The first login confirms the new authenticator: a wrong code there is just a wrong code.
    const early = await track(
      run(['admin', 'login'], { env: { ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD, ADITUS_ADMIN_TOTP: '000000' } }),
    );
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/Wrong code/u);
    const good = await track(
      run(['admin', 'login'], {
        env: { ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD, ADITUS_ADMIN_TOTP: totpCode(secret, Date.now()) },
      }),
    );
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/Admin account created/u);
    const bad = await track(
      run(['admin', 'login'], { env: { ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD, ADITUS_ADMIN_TOTP: '000000' } }),
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Wrong password or code/u);
    const status = await track(run(['admin', 'status', '--json']));
    expect(status.json()).toMatchObject({ configured: true, unlocked: true });
    const audit = await track(run(['audit', 'list', '--json']));
    const actions = audit.json<{ action: string }[]>().map((a) => a.action);
    expect(actions).toContain('admin.login_failed');
    expect(actions).toContain('admin.login');
  });

  it('a CLI admin session lasts 15 minutes; `admin login --remember` one lasts up to 8 hours', async () => {
    const lifetime = () => {
      const db = openDatabase({ dataDir: data.dir });
      try {
        const row = db.sqlite
          .prepare('SELECT expires_at - created_at AS ms FROM admin_sessions ORDER BY rowid DESC LIMIT 1')
          .get() as { ms: number };
        return row.ms;
      } finally {
        db.close();
      }
    };
    expect(lifetime()).toBe(15 * 60_000);
    const help = await track(run(['admin', 'login', '--help']));
    expect(help.stdout).toMatch(/--remember/u);
    const remembered = await track(
      run(['admin', 'login', '--remember'], {
        env: { ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD, ADITUS_ADMIN_TOTP: recoveryCodes[0] ?? '' },
      }),
    );
    expect(remembered.code, remembered.stderr).toBe(0);
    expect(remembered.stdout).toMatch(/Recovery code used: 9 recovery codes left\./u);
    expect(lifetime()).toBe(8 * 60 * 60_000);
    const status = await track(run(['admin', 'status']));
    expect(status.stdout).toMatch(/Recovery codes left: 9\./u);
    const reused = await track(
      run(['admin', 'login'], {
        env: { ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD, ADITUS_ADMIN_TOTP: recoveryCodes[0] ?? '' },
      }),
    );
    expect(reused.code).toBe(1);
    expect(reused.stderr).toMatch(/This recovery code was already used/u);
  });

  it('adds a provider with a canary key from stdin: the key is in the OS keychain and nowhere else', async () => {
    const r = await track(
      run(
        [
          'providers',
          'add',
          '--name',
          'canary-openai',
          '--kind',
          'openai',
          '--model',
          'gpt-4.1-mini',
          '--key-stdin',
          '--base-url',
          `${strict.url}/v1`,
          '--tasks',
          'extraction',
          '--json',
        ],
        { stdin: `${canary}\n` },
      ),
    );
    expect(r.code, r.stderr).toBe(0);
    const created = r.json<{ id: string; keyHint: string; hasKey: boolean }>();
    expect(created).toMatchObject({ keyHint: canary.slice(-4), hasKey: true });
    expect(await new KeytarSecretStore().get(`provider:${created.id}`)).toBe(canary);

    const list = await track(run(['providers', 'list', '--json']));
    expect(list.json<{ name: string }[]>().map((p) => p.name)).toEqual(['canary-openai']);

    // A rejected key: a clear auth message, never the key.
    const test = await track(run(['providers', 'test', 'canary-openai']));
    expect(test.code).not.toBe(0);
    expect(test.stderr).toMatch(/API key was rejected by OpenAI \(401\)/u);

    for (const file of ['aditus.db', 'aditus.db-wal', 'aditus.db-shm']) {
      const path = join(data.dir, file);
      if (existsSync(path)) expect(readFileSync(path).includes(Buffer.from(canary.slice(8))), file).toBe(false);
    }
    for (const text of outputs) expect(text.includes(canary.slice(8, 30))).toBe(false);
  });

  it('`providers test` succeeds against a healthy OpenAI-compatible server', async () => {
    const add = await track(
      run([
        'providers',
        'add',
        '--name',
        'local',
        '--kind',
        'openai-compatible',
        '--model',
        'llama3.1:8b',
        '--base-url',
        `${healthy.url}/v1`,
        '--tasks',
        'extraction,cv_draft',
        '--default',
      ]),
    );
    expect(add.code, add.stderr).toBe(0);
    const test = await track(run(['providers', 'test', 'local', '--json']));
    expect(test.code, test.stderr).toBe(0);
    expect(test.json()).toMatchObject({ ok: true, model: 'llama3.1:8b' });
  });

  it('`ask` fails over from a 503 to a healthy provider; `usage events` shows both attempts under one request id', async () => {
    const failing = await startEmulator({ openMode: true });
    try {
      failing.pushFaults({ status: 503, times: 10 });
      await track(
        run([
          'providers',
          'add',
          '--name',
          'first',
          '--kind',
          'openai-compatible',
          '--model',
          'm',
          '--base-url',
          `${failing.url}/v1`,
          '--tasks',
          'cover_letter',
          '--priority',
          '1',
          '--default',
        ]),
      );
      await track(
        run(['providers', 'update', 'local', '--tasks', 'extraction,cv_draft,cover_letter', '--priority', '5']),
      );
      const r = await track(run(['ask', '--task', 'cover_letter', '--json', 'Say hello']));
      expect(r.code, r.stderr).toBe(0);
      const answer = r.json<{ providerName: string; requestId: string; text: string }>();
      expect(answer.providerName).toBe('local');
      const events = (await track(run(['usage', 'events', '--json']))).json<
        { requestId: string; providerName: string; status: string; attempt: number }[]
      >();
      const mine = events.filter((e) => e.requestId === answer.requestId).reverse();
      expect(mine.map((e) => [e.providerName, e.status])).toEqual([
        ['first', 'error'],
        ['first', 'error'],
        ['first', 'error'],
        ['local', 'ok'],
      ]);
    } finally {
      await failing.close();
    }
  });

  it('`audit verify` passes, and fails with a non-zero exit after a row is edited', async () => {
    const ok = await track(run(['audit', 'verify']));
    expect(ok.code).toBe(0);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(join(data.dir, 'aditus.db'));
    db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE id = 2").run();
    db.close();
    const bad = await track(run(['audit', 'verify']));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Row 2 was modified/u);
  });

  it('`providers remove` deletes the keychain entry too', async () => {
    const list = (await track(run(['providers', 'list', '--json']))).json<{ id: string; name: string }[]>();
    const id = list.find((p) => p.name === 'canary-openai')!.id;
    const r = await track(run(['providers', 'remove', 'canary-openai']));
    expect(r.code, r.stderr).toBe(0);
    expect(await new KeytarSecretStore().get(`provider:${id}`)).toBeNull();
  });
});
