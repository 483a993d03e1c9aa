import { afterEach, describe, expect, it } from 'vitest';
import type { Result, TransferExportOutput, TransferPlan } from '@contract';
import type { Session } from '../../../src-main/session';
import { checksumOf } from '../../../src-main/transfer/file-integrity';
import { adminSession } from '../../helpers/admin';
import { testCore, type TestCore } from '../../helpers/core';
import { databaseChecksum } from '../../helpers/db-checksum';

const KEY = 'sk-transfer-0123456789abcdefghijkl';
const PASSPHRASE = 'a passphrase for the move';

interface Laptop {
  t: TestCore;
  session: Session;
  call: <T>(channel: string, input: unknown) => Promise<Result<T>>;
}

const opened: TestCore[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) t.cleanup();
});

async function laptop(): Promise<Laptop> {
  const t = testCore();
  opened.push(t);
  const { session } = await adminSession(t);
  const call = async <T>(channel: string, input: unknown) =>
    (await t.core.dispatch(channel, input, session)) as Result<T>;
  return { t, session, call };
}

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

async function withProvider(): Promise<Laptop> {
  const old = await laptop();
  data(
    await old.call('providers:create', {
      config: { name: 'OpenAI main', kind: 'openai', model: 'gpt-4.1-mini', tasks: ['extraction'] },
      apiKey: KEY,
    }),
  );
  return old;
}

/** A valid file with one field changed and its checksum made to match again (as a careful editor would). */
function edited(content: string, change: (file: Record<string, unknown>) => void): string {
  const file = JSON.parse(content) as Record<string, unknown>;
  change(file);
  const { checksum: _old, ...rest } = file;
  return JSON.stringify({ ...rest, checksum: checksumOf(rest) });
}

describe('providers:export / providers:import through dispatch', { timeout: 120_000 }, () => {
  it('moves the settings with the configs; the export answer carries the key only encrypted', async () => {
    const old = await withProvider();
    data(await old.call('settings:set', { durability: 'FULL' }));
    const exported = data(await old.call<TransferExportOutput>('providers:export', { passphrase: PASSPHRASE }));
    expect(exported).toMatchObject({ providers: 1, keys: 1 });
    // Every file gets its own salt and nonce, even with the same passphrase.
    const again = data(await old.call<TransferExportOutput>('providers:export', { passphrase: PASSPHRASE }));
    type Keys = { keys: { kdf: { salt: string }; cipher: { nonce: string }; ciphertext: string } };
    const [a, b] = [exported, again].map((e) => (JSON.parse(e.content) as Keys).keys);
    expect(a!.kdf.salt).not.toBe(b!.kdf.salt);
    expect(a!.cipher.nonce).not.toBe(b!.cipher.nonce);
    expect(a!.ciphertext).not.toBe(b!.ciphertext);
    expect(JSON.stringify(exported)).not.toContain(KEY.slice(3));

    const fresh = await laptop();
    const plan = data(
      await fresh.call<TransferPlan>('providers:import', { content: exported.content, passphrase: PASSPHRASE }),
    );
    expect(plan.settings.changed).toEqual(['durability']);
    expect(JSON.stringify(plan)).not.toContain(KEY.slice(3));
    expect(data(await fresh.call('settings:get', {}))).toMatchObject({ durability: 'FULL' });
    expect(fresh.t.core.store.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL, in effect at once
    const [row] = fresh.t.core.services.providers.list();
    expect(await fresh.t.secrets.get(`provider:${row!.id}`)).toBe(KEY);
  });

  it('a failure inside the transaction rolls back the rows and takes the keys it wrote out of the keychain', async () => {
    const old = await withProvider();
    data(
      await old.call('prices:set', {
        model: 'gpt-4.1-mini',
        inputUsdPerMTok: 9,
        outputUsdPerMTok: 9,
        cachedInputUsdPerMTok: null,
      }),
    );
    const { content } = data(await old.call<TransferExportOutput>('providers:export', { passphrase: PASSPHRASE }));
    const fresh = await laptop();
    const { sqlite } = fresh.t.core.store;
    sqlite.exec("CREATE TRIGGER refuse_prices BEFORE INSERT ON prices BEGIN SELECT RAISE(ABORT, 'no room'); END");
    const before = databaseChecksum(sqlite);
    const keys = new Map(fresh.t.secrets.values);
    const result = await fresh.call('providers:import', { content, passphrase: PASSPHRASE });
    expect(result.ok).toBe(false);
    expect(databaseChecksum(sqlite)).toBe(before);
    expect(new Map(fresh.t.secrets.values)).toEqual(keys);
  });

  it('refuses a newer format version, an invalid field, a short export passphrase and a locked keychain with typed reasons', async () => {
    const old = await withProvider();
    const { content } = data(await old.call<TransferExportOutput>('providers:export', {}));
    const fresh = await laptop();
    const before = databaseChecksum(fresh.t.core.store.sqlite);

    const newer = await fresh.call('providers:import', { content: edited(content, (f) => (f['version'] = 3)) });
    expect(newer).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: { reason: 'unsupported_version' } },
    });

    const bad = edited(content, (f) => {
      (f['providers'] as { onLimit: string }[])[0]!.onLimit = 'explode';
    });
    const invalid = await fresh.call('providers:import', { content: bad });
    expect(invalid).toMatchObject({ ok: false, error: { details: { reason: 'invalid_content' } } });
    if (!invalid.ok) expect(invalid.error.message).toMatch(/providers\.0\.onLimit/u);

    const notJson = await fresh.call('providers:import-preview', { content: content.slice(0, 200) });
    expect(notJson).toMatchObject({ ok: false, error: { details: { reason: 'not_json' } } });

    expect(databaseChecksum(fresh.t.core.store.sqlite)).toBe(before);
    const short = await old.call('providers:export', { passphrase: 'short' });
    expect(short).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    old.t.secrets.locked = true;
    const locked = await old.call('providers:export', { passphrase: PASSPHRASE });
    old.t.secrets.locked = false;
    expect(locked).toMatchObject({ ok: false, error: { code: 'keychain_unavailable' } });
    if (!locked.ok) expect(locked.error.message).toMatch(/keys could not be read and nothing was exported/u);
  });

  it('a recruiter session may not export or import', async () => {
    const old = await withProvider();
    const recruiter = old.t.core.localSession('web');
    const refused = await old.t.core.dispatch('providers:export', {}, recruiter);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
