import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderConfigDto } from '@contract';
import { startEmulator, type Emulator } from '../../emulator';
import { ADMIN_PASSWORD, totpCode } from '../../helpers/admin';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const GOOD_KEY = 'sk-proj-SHOWTESTabcdefghijklmnopqrstuvwxyz01234';
const BAD_KEY = 'sk-proj-BADKEYabcdefghijklmnopqrstuvwxyz0112346';

// The real CLI with the real OS keychain, against an emulator that accepts one key.
describe('aditus providers show / add --test', () => {
  const data = tempDir();
  let emulator: Emulator;
  const run = (args: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}) =>
    cli(['--data-dir', data.dir, ...args], options);
  const outputs: string[] = [];
  const add = async (name: string, extra: string[], stdin?: string) => {
    const r = await run(
      ['providers', 'add', '--name', name, '--kind', 'openai', '--base-url', `${emulator.url}/v1`, ...extra],
      stdin === undefined ? {} : { stdin },
    );
    outputs.push(r.stdout, r.stderr);
    return r;
  };

  beforeAll(async () => {
    emulator = await startEmulator({ validKeys: [GOOD_KEY] });
    const init = await run(['admin', 'init', '--json'], { env: { ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    expect(init.code, init.stderr).toBe(0);
    const { secret } = init.json<{ secret: string }>();
    const login = await run(['admin', 'login'], {
      env: { ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD, ADITUS_ADMIN_TOTP: totpCode(secret, Date.now()) },
    });
    expect(login.code, login.stderr).toBe(0);
  }, 90_000);
  afterAll(async () => {
    await run(['providers', 'remove', 'tested']);
    await run(['admin', 'logout']);
    await emulator.close();
    data.cleanup();
  });

  it('`add --test` with a rejected key saves nothing, says why and exits 1', async () => {
    const r = await add('tested', ['--model', 'gpt-4o-mini', '--key-stdin', '--test'], `${BAD_KEY}\n`);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not saved: The API key was rejected by OpenAI \(401\)\. Check the key\./u);
    expect((await run(['providers', 'list', '--json'])).json()).toEqual([]);
  });

  it('`add --test` with a model the provider does not offer saves nothing; --json gives the test result', async () => {
    const r = await add('tested', ['--model', 'gpt-9-turbo', '--key-stdin', '--test', '--json'], `${GOOD_KEY}\n`);
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({
      saved: false,
      test: { ok: false, failure: 'unknown_model', modelFound: false, model: 'gpt-9-turbo' },
    });
    expect((await run(['providers', 'list', '--json'])).json()).toEqual([]);
  });

  it('`add --test` with a good key and an offered model tests, then saves (no tokens spent)', async () => {
    const r = await add(
      'tested',
      ['--model', 'gpt-4o-mini', '--key-stdin', '--test', '--tasks', 'cv_draft'],
      `${GOOD_KEY}\n`,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^Test OK: OpenAI accepted the key and offers gpt-4o-mini \(4 models listed, \d+ ms; no tokens spent\)\./mu,
    );
    expect(r.stdout).toMatch(/Added tested \(openai, gpt-4o-mini\), key …1234 in the OS keychain\./u);
    expect(emulator.requests().filter((q) => q.path.endsWith('/chat/completions'))).toEqual([]);
    const usage = await run(['usage', 'stats', '--json']);
    expect(usage.json<{ totals: { calls: number } }>().totals.calls).toBe(0);
  });

  it('`show NAME --json` is the same object as its entry in `providers list --json`, without the key', async () => {
    const shown = await run(['providers', 'show', 'tested', '--json']);
    expect(shown.code, shown.stderr).toBe(0);
    const list = (await run(['providers', 'list', '--json'])).json<ProviderConfigDto[]>();
    expect(shown.json()).toEqual(list[0]);
    expect(shown.json()).toMatchObject({ name: 'tested', hasKey: true, keyHint: '1234', tasks: ['cv_draft'] });
    outputs.push(shown.stdout);
  });

  it('`show NAME` prints one setting a line; an unknown name exits 1 naming it', async () => {
    const shown = await run(['providers', 'show', 'tested']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/^model\s+gpt-4o-mini$/mu);
    expect(shown.stdout).toMatch(/^key\s+stored in the OS keychain \(…1234, set \d{4}-\d{2}-\d{2}\)$/mu);
    expect(shown.stdout).toMatch(/^daily token limit\s+none$/mu);
    expect(shown.stdout).toMatch(/^tokens today\s+0$/mu);
    outputs.push(shown.stdout);
    const missing = await run(['providers', 'show', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No provider named "nope".');
  });

  it('`providers add --help` documents --test, and no output ever contained a key', async () => {
    const help = await run(['providers', 'add', '--help']);
    expect(help.stdout.replace(/\s+/gu, ' ')).toContain('--test first test the settings and key by listing the models');
    for (const text of outputs) {
      expect(text).not.toContain(GOOD_KEY);
      expect(text).not.toContain(BAD_KEY);
    }
  });
});
