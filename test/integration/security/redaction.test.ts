import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator';
import { adminSession } from '../../helpers/admin';
import { testCore, type TestCore } from '../../helpers/core';

describe('keys never leave main', () => {
  let t: TestCore;
  let emulator: Emulator;
  const canary = 'sk-CANARYabcdefghijklmnopqrstuvwxyz0123456789';
  beforeEach(async () => {
    t = testCore();
    emulator = await startEmulator({ validKeys: ['sk-something-else-entirely-0000000000'] });
  });
  afterEach(async () => {
    await emulator.close();
    t.cleanup();
  });

  it('a key that the provider echoes in its error message is redacted from the IPC response, usage rows and logs', async () => {
    const { session } = await adminSession(t);
    const created = await t.core.dispatch(
      'providers:create',
      {
        config: {
          name: 'oa',
          kind: 'openai',
          model: 'gpt-4.1-mini',
          baseUrl: `${emulator.url}/v1`,
          tasks: ['extraction'],
        },
        apiKey: canary,
      },
      session,
    );
    expect(JSON.stringify(created)).not.toContain(canary);
    emulator.pushFaults({
      status: 401,
      message: 'Incorrect API key provided: {key}. You can find your API key at …',
      times: 5,
    });
    const test = await t.core.dispatch('providers:test', { name: 'oa' }, session);
    const ask = await t.core.dispatch('ask:run', { task: 'extraction', prompt: 'hi' }, session);
    const everything = JSON.stringify([
      created,
      test,
      ask,
      t.logs,
      t.core.services.usageEvents.latest(100),
      t.core.services.audit.list({}),
    ]);
    expect(emulator.requests().some((r) => JSON.stringify(r.headers).includes(canary))).toBe(true); // it was sent…
    expect(everything).not.toContain(canary.slice(3, 20)); // …and never came back
    expect(test).toMatchObject({ ok: true, data: { ok: false } });
    expect((test.ok && (test.data as { message: string }).message) || '').toMatch(/rejected by OpenAI \(401\)/u);
    const dump = JSON.stringify(t.core.store.sqlite.prepare('SELECT * FROM provider_configs').all());
    expect(dump).not.toContain(canary.slice(3, 20));
  });
});
