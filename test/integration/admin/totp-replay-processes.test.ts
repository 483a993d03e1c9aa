import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core';
import { KeytarSecretStore } from '../../../src-main/secrets/keytar-store';
import { ADMIN_PASSWORD, totpCode } from '../../helpers/admin';
import { tempDir } from '../../helpers/temp';

const ROOT = join(__dirname, '../../..');

/** Starts the fixture; `go(code)` sends the signal with the code, `done` resolves with its output lines after "ready". */
function otherProcess(dataDir: string) {
  const child = spawn(
    process.execPath,
    ['--require', 'tsx/cjs', join(ROOT, 'test/fixtures/admin/unlock-on-go.ts'), dataDir, ADMIN_PASSWORD],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (out.startsWith('ready\n')) onReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const done = new Promise<string[]>((resolve, reject) =>
    child.once('exit', (status) =>
      status === 0 ? resolve(out.trim().split('\n').slice(1)) : reject(new Error(err.slice(0, 1000))),
    ),
  );
  return { ready, done, go: (code: string) => child.stdin.write(`go ${code}\n`) };
}

// The real OS keychain (scripts/with-keyring.sh) and the real clock: this process and a child on one data folder.
describe('TOTP replay across processes', () => {
  const data = tempDir();
  let core: Core | null = null;
  afterEach(async () => {
    const ref = core?.store.sqlite.prepare('SELECT totp_secret_ref AS ref FROM admin_account').get() as
      { ref: string } | undefined;
    if (ref) await new KeytarSecretStore().delete(ref.ref);
    core?.close();
    data.cleanup();
  });

  it('the same code sent four times at once from two processes opens exactly one session', async () => {
    core = createCore({ dataDir: data.dir, secrets: new KeytarSecretStore(), log: () => undefined });
    const setup = await core.dispatch('admin:setup', { password: ADMIN_PASSWORD }, core.localSession('cli'));
    if (!setup.ok) throw new Error(setup.error.message);
    const { secret } = setup.data as { secret: string };
    // The setup is finished with the previous step's code (within the drift window), so the raced code is new.
    const finished = await core.dispatch(
      'admin:unlock',
      { password: ADMIN_PASSWORD, code: totpCode(secret, Date.now() - 30_000) },
      core.localSession('cli'),
    );
    if (!finished.ok) throw new Error(finished.error.message);
    const child = otherProcess(data.dir);
    await child.ready;
    // Far enough from a step boundary that all four calls see the same step (the child is ready by now).
    const intoStep = Date.now() % 30_000;
    if (intoStep > 20_000) await new Promise((r) => setTimeout(r, 30_000 - intoStep + 100));
    const code = totpCode(secret, Date.now());
    child.go(code);
    const here = await Promise.all(
      [0, 1].map(() =>
        (core as Core).dispatch('admin:unlock', { password: ADMIN_PASSWORD, code }, core!.localSession('web')),
      ),
    );
    const outcomes = [...here.map((r) => (r.ok ? 'ok' : r.error.code)), ...(await child.done)];
    expect(outcomes, outcomes.join(',')).toHaveLength(4);
    expect(
      outcomes.filter((o) => o === 'ok'),
      outcomes.join(','),
    ).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'unauthenticated')).toHaveLength(3);
  }, 90_000);
});
