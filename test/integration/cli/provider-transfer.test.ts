import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/client';
import { KeytarSecretStore } from '../../../src-main/secrets/keytar-store';
import { keychainUnavailable, type SecretStore } from '../../../src-main/secrets/secret-store';
import { startEmulator, type Emulator } from '../../emulator';
import { ADMIN_PASSWORD, totpCode } from '../../helpers/admin';
import { cli, type CliRun } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

type Run = (args: string[], options?: { env?: NodeJS.ProcessEnv; secrets?: SecretStore }) => Promise<CliRun>;

const PASSPHRASE = 'moving day, new laptop 42';

/** A data folder with its own admin account, logged in through the CLI as an admin would. */
async function adminFolder(): Promise<{ dir: string; run: Run; cleanup: () => void }> {
  const data = tempDir();
  const run: Run = (args, options = {}) => cli(['--data-dir', data.dir, ...args], options);
  const init = await run(['admin', 'init', '--json'], { env: { ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD } });
  if (init.code !== 0) throw new Error(init.stderr);
  const { secret } = init.json<{ secret: string }>();
  const login = await run(['admin', 'login'], {
    env: { ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD, ADITUS_ADMIN_TOTP: totpCode(secret, Date.now()) },
  });
  if (login.code !== 0) throw new Error(login.stderr);
  return { dir: data.dir, run, cleanup: data.cleanup };
}

interface Listed {
  id: string;
  name: string;
  kind: string;
  model: string;
  baseUrl: string | null;
  tasks: string[];
  priority: number;
  dailyTokenLimit: number | null;
  monthlyCostLimitUsd: number | null;
  onLimit: string;
  hasKey: boolean;
  keyHint: string | null;
}

/**
 * What the folder stores, hashed table by table, to show a refused import changed nothing. The admin session's
 * "last used" time moves with every call, so that table is left out.
 */
function storedChecksum(dir: string): string {
  const db = openDatabase({ dataDir: dir });
  try {
    const tables = db.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'admin_sessions' ORDER BY name")
      .all() as { name: string }[];
    const hash = createHash('sha256');
    for (const { name } of tables)
      for (const row of db.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).iterate())
        hash.update(`${name}:${JSON.stringify(row)}`);
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

/** The keychain accounts of provider keys (the service every data folder shares). */
async function providerAccounts(): Promise<string[]> {
  const keytar = (await import('keytar')).default;
  return (await keytar.findCredentials('aditus')).map((c) => c.account).filter((a) => a.startsWith('provider:'));
}

/** The real keychain, refusing every write after the first `allowed` ones (as if it locked mid-import). */
function lockingAfter(allowed: number): SecretStore {
  const real = new KeytarSecretStore();
  let writes = 0;
  return {
    backend: real.backend,
    get: (account) => real.get(account),
    delete: (account) => real.delete(account),
    async set(account, secret) {
      if (account.startsWith('provider:') && ++writes > allowed) throw keychainUnavailable(new Error('locked'));
      return real.set(account, secret);
    },
  };
}

// Two data folders standing for two laptops, the real CLI and the real OS keychain (gnome-keyring in the test session).
// scrypt (admin password, TOTP seal, the file's key) costs ~0.5 s a time; on a loaded machine much more.
describe('aditus providers export / import: moving to a new laptop', { timeout: 120_000 }, () => {
  const openAiKey = `sk-MOVE${randomBytes(16).toString('hex')}`;
  const claudeKey = `sk-ant-MOVE${randomBytes(16).toString('hex')}`;
  const files = tempDir();
  const passphraseFile = join(files.dir, 'passphrase.txt');
  const withKeys = join(files.dir, 'with-keys.json');
  const withoutKeys = join(files.dir, 'without-keys.json');
  let vendor: Emulator;
  let oldLaptop: Awaited<ReturnType<typeof adminFolder>>;
  let newLaptop: Awaited<ReturnType<typeof adminFolder>>;

  beforeAll(async () => {
    vendor = await startEmulator({ validKeys: [openAiKey, claudeKey] });
    writeFileSync(passphraseFile, `${PASSPHRASE}\n`);
    oldLaptop = await adminFolder();
    newLaptop = await adminFolder();
    const add = async (args: string[], key?: string) => {
      const r = await cli(['--data-dir', oldLaptop.dir, 'providers', 'add', ...args, ...(key ? ['--key-stdin'] : [])], {
        ...(key ? { stdin: `${key}\n` } : {}),
      });
      if (r.code !== 0) throw new Error(r.stderr);
    };
    await add(
      [
        '--name',
        'OpenAI main',
        '--kind',
        'openai',
        '--model',
        'gpt-4.1-mini',
        '--base-url',
        `${vendor.url}/v1`,
        '--tasks',
        'extraction,cv_draft',
        '--priority',
        '5',
        '--default',
        '--daily-tokens',
        '50000',
        '--monthly-cost-usd',
        '12.5',
        '--on-limit',
        'queue',
      ],
      openAiKey,
    );
    await add(
      ['--name', 'Claude', '--kind', 'anthropic', '--model', 'claude-haiku-4-5', '--base-url', vendor.url],
      claudeKey,
    );
    await add(['--name', 'Local', '--kind', 'openai-compatible', '--model', 'llama3.1:8b', '--base-url', vendor.url]);
    const price = await oldLaptop.run([
      'prices',
      'set',
      '--model',
      'llama3.1:8b',
      '--input',
      '0.05',
      '--output',
      '0.1',
    ]);
    if (price.code !== 0) throw new Error(price.stderr);
  }, 180_000);

  afterAll(async () => {
    for (const laptop of [oldLaptop, newLaptop]) {
      for (const name of ['OpenAI main', 'Claude', 'Local']) await laptop.run(['providers', 'remove', name]);
      await laptop.run(['admin', 'logout']);
      laptop.cleanup();
    }
    await vendor.close();
    files.cleanup();
  }, 120_000);

  it('refuses to export or import without an admin session', async () => {
    const none = tempDir();
    const any = join(none.dir, 'any.json');
    writeFileSync(any, '{}');
    try {
      for (const args of [
        ['export', '--out', join(none.dir, 'nope.json')],
        ['import', any],
      ]) {
        const r = await cli(['--data-dir', none.dir, 'providers', ...args]);
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/admin login/u);
      }
    } finally {
      none.cleanup();
    }
  });

  it('exports with keys under a passphrase: the file holds the configs and prices, never the key bytes', async () => {
    const r = await oldLaptop.run([
      'providers',
      'export',
      '--out',
      withKeys,
      '--with-keys',
      '--passphrase-file',
      passphraseFile,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ providers: 3, keys: 2, missingKeys: [] });
    const text = readFileSync(withKeys, 'utf8');
    for (const key of [openAiKey, claudeKey]) {
      expect(text.includes(key.slice(4, 24))).toBe(false);
      expect(text.includes(Buffer.from(key).toString('base64').slice(4, 24))).toBe(false);
      expect(text.includes(Buffer.from(key).toString('base64url').slice(4, 24))).toBe(false);
      expect(r.stdout + r.stderr).not.toContain(key.slice(4, 24));
    }
    expect(text).not.toContain(PASSPHRASE);
    expect(statSync(withKeys).mode & 0o077).toBe(0);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file).toMatchObject({
      format: 'aditus-providers',
      version: 2,
      keys: { kdf: { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 }, cipher: { name: 'aes-256-gcm' } },
    });
    expect(file['providers']).toContainEqual(
      expect.objectContaining({ name: 'OpenAI main', dailyTokenLimit: 50000, onLimit: 'queue', hasKey: true }),
    );
    expect(file['prices']).toContainEqual(expect.objectContaining({ model: 'llama3.1:8b', inputUsdPerMTok: 0.05 }));
    expect(Object.keys(file)).not.toContain('admin');

    const plain = await oldLaptop.run(['providers', 'export', '--out', withoutKeys]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/no keys \(use --with-keys\)/u);
    expect(JSON.parse(readFileSync(withoutKeys, 'utf8'))).toMatchObject({ keys: null });
  });

  it('a passphrase is never a plain flag: without a file, the env variable or a terminal, export says how', async () => {
    const r = await oldLaptop.run(['providers', 'export', '--out', join(files.dir, 'x.json'), '--with-keys']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--passphrase-file FILE, ADITUS_TRANSFER_PASSPHRASE, or run in a terminal/u);
    const unused = await oldLaptop.run([
      'providers',
      'export',
      '--out',
      join(files.dir, 'x.json'),
      '--passphrase-file',
      passphraseFile,
    ]);
    expect(unused.code).toBe(2);
    expect(unused.stderr).toMatch(/--passphrase-file is for the keys: add --with-keys/u);
    const help = await oldLaptop.run(['providers', 'export', '--help']);
    expect(help.stdout).not.toMatch(/--passphrase </u);
  });

  it('refuses a wrong passphrase, a changed byte, an altered config and a foreign file, changing nothing', async () => {
    const before = storedChecksum(newLaptop.dir);
    const accounts = await providerAccounts();
    const text = readFileSync(withKeys, 'utf8');
    const file = JSON.parse(text) as { keys: { ciphertext: string }; providers: { baseUrl: string }[] };

    const wrong = await newLaptop.run(['providers', 'import', withKeys], {
      env: { ADITUS_TRANSFER_PASSPHRASE: 'not the passphrase at all' },
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/Wrong passphrase, or the file was altered.*Nothing was imported/u);

    // One character of the ciphertext changed: the checksum no longer matches.
    const c = file.keys.ciphertext;
    const flipped = text.replace(c, `${c.slice(0, 10)}${c[10] === 'A' ? 'B' : 'A'}${c.slice(11)}`);
    const damaged = join(files.dir, 'damaged.json');
    writeFileSync(damaged, flipped);
    const tampered = await newLaptop.run(['providers', 'import', damaged, '--passphrase-file', passphraseFile]);
    expect(tampered.code).toBe(2);
    expect(tampered.stderr).toMatch(/changed or damaged after it was exported/u);

    // A base URL pointed elsewhere with the checksum recomputed: the keys' authentication tag refuses it.
    const { checksumOf } = await import('../../../src-main/transfer/file-integrity');
    const redirected = JSON.parse(text) as Record<string, unknown> & { providers: { baseUrl: string }[] };
    redirected.providers[0]!.baseUrl = 'https://attacker.example/v1';
    const { checksum: _old, ...rest } = redirected;
    const altered = join(files.dir, 'altered.json');
    writeFileSync(altered, JSON.stringify({ ...rest, checksum: checksumOf(rest) }));
    const refused = await newLaptop.run(['providers', 'import', altered, '--passphrase-file', passphraseFile]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Wrong passphrase, or the file was altered/u);

    const foreign = join(files.dir, 'foreign.json');
    writeFileSync(foreign, JSON.stringify({ providers: [{ name: 'x' }] }));
    const notOurs = await newLaptop.run(['providers', 'import', foreign, '--json']);
    expect(notOurs.code).toBe(2);
    expect(notOurs.stderr).toMatch(/not an Aditus providers file/u);
    expect(notOurs.json()).toMatchObject({ error: { code: 'invalid_input', details: { reason: 'not_an_export' } } });

    const noPassphrase = await newLaptop.run(['providers', 'import', withKeys]);
    expect(noPassphrase.code).toBe(2);
    expect(noPassphrase.stderr).toMatch(/--passphrase-file FILE, ADITUS_TRANSFER_PASSPHRASE/u);

    expect(storedChecksum(newLaptop.dir)).toBe(before);
    expect(await providerAccounts()).toEqual(accounts);
    for (const out of [wrong, tampered, refused, notOurs])
      expect(out.stdout + out.stderr).not.toContain(openAiKey.slice(4, 24));
  });

  it('a keychain that locks mid-import leaves nothing half-imported: no rows, no keys', async () => {
    const before = storedChecksum(newLaptop.dir);
    const accounts = await providerAccounts();
    const r = await newLaptop.run(['providers', 'import', withKeys, '--passphrase-file', passphraseFile], {
      secrets: lockingAfter(1),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/keychain is locked or unavailable, so nothing was imported/u);
    expect(storedChecksum(newLaptop.dir)).toBe(before);
    expect(await providerAccounts()).toEqual(accounts);
  });

  it('imports with the passphrase: configs, keys and prices arrive, and a request with the imported key succeeds', async () => {
    const preview = await newLaptop.run(['providers', 'import', withKeys, '--dry-run']);
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toMatch(/OpenAI main\s+openai\s+gpt-4\.1-mini\s+would create\s+key encrypted/u);
    expect((await newLaptop.run(['providers', 'list', '--json'])).json()).toEqual([]);

    const r = await newLaptop.run(['providers', 'import', withKeys, '--passphrase-file', passphraseFile]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/OpenAI main\s+openai\s+gpt-4\.1-mini\s+created\s+key imported/u);
    expect(r.stdout).toMatch(/Local\s+openai-compatible\s+llama3\.1:8b\s+created\s+no key needed/u);
    expect(r.stdout).toMatch(/Prices: 1 updated/u);

    const before = (await oldLaptop.run(['providers', 'list', '--json'])).json<Listed[]>();
    const after = (await newLaptop.run(['providers', 'list', '--json'])).json<Listed[]>();
    const comparable = ({ id: _id, ...rest }: Listed) => {
      const { keySetAt: _k, createdAt: _c, updatedAt: _u, ...config } = rest as Listed & Record<string, unknown>;
      return config;
    };
    expect(after.map(comparable)).toEqual(before.map(comparable));
    const openAi = after.find((p) => p.name === 'OpenAI main')!;
    expect(openAi).toMatchObject({ hasKey: true, keyHint: openAiKey.slice(-4), dailyTokenLimit: 50000 });
    expect(await new KeytarSecretStore().get(`provider:${openAi.id}`)).toBe(openAiKey);
    expect(openAi.id).not.toBe(before.find((p) => p.name === 'OpenAI main')!.id);

    const prices = (await newLaptop.run(['prices', 'list', '--json'])).json<
      { model: string; inputUsdPerMTok: number }[]
    >();
    expect(prices).toContainEqual(expect.objectContaining({ model: 'llama3.1:8b', inputUsdPerMTok: 0.05 }));

    const ask = await newLaptop.run(['ask', '--task', 'extraction', '--provider', 'OpenAI main', '--json', 'Say hi']);
    expect(ask.code, ask.stderr).toBe(0);
    expect(ask.json()).toMatchObject({ providerName: 'OpenAI main' });

    const audit = (await newLaptop.run(['audit', 'list', '--json', '--action', 'providers.import'])).json<
      { action: string; after: string }[]
    >();
    expect(audit[0]?.action).toBe('providers.import');
    expect(JSON.parse(audit[0]?.after ?? '{}')).toMatchObject({
      created: ['OpenAI main', 'Claude', 'Local'],
      keysImported: 2,
      pricesChanged: 1,
    });
    const auditText = JSON.stringify(audit);
    expect(auditText).not.toContain(openAiKey.slice(4, 24));
    for (const file of ['aditus.db', 'aditus.db-wal'].filter((f) => existsSync(join(newLaptop.dir, f)))) {
      const bytes = readFileSync(join(newLaptop.dir, file));
      expect(bytes.includes(Buffer.from(openAiKey.slice(4, 24))), file).toBe(false);
    }
  });

  it('a second import skips what exists; --on-conflict replace writes over it, keeping the key without one in the file', async () => {
    const again = await newLaptop.run(['providers', 'import', withoutKeys]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/OpenAI main\s+openai\s+gpt-4\.1-mini\s+skipped \(exists\)/u);
    expect(again.stdout).toMatch(/Prices: 0 updated/u);

    const update = await oldLaptop.run(['providers', 'update', 'Claude', '--model', 'claude-sonnet-4-5']);
    expect(update.code, update.stderr).toBe(0);
    const changed = join(files.dir, 'changed.json');
    expect((await oldLaptop.run(['providers', 'export', '--out', changed])).code).toBe(0);
    const replaced = await newLaptop.run(['providers', 'import', changed, '--on-conflict', 'replace', '--json']);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.json<{ providers: unknown[] }>().providers).toContainEqual({
      name: 'Claude',
      kind: 'anthropic',
      model: 'claude-sonnet-4-5',
      action: 'replace',
      key: 'kept',
    });
    const claude = (await newLaptop.run(['providers', 'list', '--json']))
      .json<Listed[]>()
      .find((p) => p.name === 'Claude')!;
    expect(claude).toMatchObject({ model: 'claude-sonnet-4-5', hasKey: true, keyHint: claudeKey.slice(-4) });
  });

  it('imported without keys, a provider is marked as needing one', async () => {
    const third = await adminFolder();
    try {
      const r = await third.run(['providers', 'import', withoutKeys]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/OpenAI main\s+openai\s+gpt-4\.1-mini\s+created\s+NEEDS A KEY/u);
      expect(r.stdout).toMatch(/Add a key before use: aditus providers update NAME --key-stdin/u);
      const table = await third.run(['providers', 'list']);
      expect(table.stdout).toMatch(/OpenAI main .*active,default,NEEDS KEY/u);
      const listed = (await third.run(['providers', 'list', '--json'])).json<Listed[]>();
      expect(listed.find((p) => p.name === 'OpenAI main')).toMatchObject({ hasKey: false, keyHint: null });
    } finally {
      for (const name of ['OpenAI main', 'Claude', 'Local']) await third.run(['providers', 'remove', name]);
      await third.run(['admin', 'logout']);
      third.cleanup();
    }
  });
});
