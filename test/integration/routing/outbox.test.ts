import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator';
import { chatRequests, closedPort, prompt, routingWorld, type RoutingWorld } from '../../helpers/routing';
import { tempDir } from '../../helpers/temp';

describe('outbox', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('queues a task when every provider is offline, survives a restart and runs it once when the provider is back', async () => {
    const data = tempDir();
    cleanups.push(data.cleanup);
    const port = await closedPort();
    let w: RoutingWorld = await routingWorld(0, data.dir);
    await w.addProvider('local', `http://127.0.0.1:${port}/v1`);
    const queuedError = await w.core.services.router
      .route({
        task: 'cover_letter',
        userId: 'ana',
        request: prompt('Write the letter'),
        queue: { idempotencyKey: 'letter-42', completion: { kind: 'test', target: 'doc-1' } },
      })
      .catch((e: unknown) => e);
    expect(queuedError).toMatchObject({ code: 'unavailable', details: { reason: 'queued' } });
    // The same idempotency key does not queue twice.
    await w.core.services.router
      .route({
        task: 'cover_letter',
        userId: 'ana',
        request: prompt('Write the letter'),
        queue: { idempotencyKey: 'letter-42', completion: { kind: 'test', target: 'doc-1' } },
      })
      .catch(() => undefined);
    expect(w.core.services.outbox.list()).toHaveLength(1);
    w.core.close();

    // The provider comes back on the same port; the app restarts.
    const emulator: Emulator = await startEmulator({ port, openMode: true });
    cleanups.push(() => emulator.close());
    emulator.pushReplies('Dear hiring team');
    w = await routingWorld(0, data.dir);
    cleanups.push(() => void w.core.close());
    const completed: { target: string | null; text: string }[] = [];
    w.core.services.outboxRunner.onComplete('test', (target, answer) => {
      completed.push({ target, text: answer.text });
    });
    expect(w.core.services.outbox.list()).toHaveLength(1);
    const [first, second] = await Promise.all([
      w.core.services.outboxRunner.drain(),
      w.core.services.outboxRunner.drain(),
    ]);
    expect(first).toBe(1);
    expect(second).toBe(1); // the same run, shared
    expect(await w.core.services.outboxRunner.drain()).toBe(0);
    expect(completed).toEqual([{ target: 'doc-1', text: 'Dear hiring team' }]);
    expect(chatRequests(emulator)).toBe(1);
    expect(w.core.services.outbox.list()).toEqual([]);
  });

  it('lists and cancels queued tasks', async () => {
    const w = await routingWorld(0);
    cleanups.push(() => w.close());
    await w.addProvider('local', `http://127.0.0.1:${await closedPort()}/v1`);
    await w.core.services.router
      .route({
        task: 'extraction',
        userId: 'ana',
        request: prompt('x'),
        queue: { idempotencyKey: 'k1', completion: { kind: 'test', target: null } },
      })
      .catch(() => undefined);
    const [item] = w.core.services.outbox.list();
    expect(item).toMatchObject({ task: 'extraction', status: 'queued' });
    expect(await w.core.dispatch('outbox:cancel', { id: item!.id }, w.core.localSession('cli'))).toEqual({
      ok: true,
      data: { cancelled: true },
    });
    expect(w.core.services.outbox.list()).toEqual([]);
  });
});

describe('first-start seeding from the environment', () => {
  it('creates Gemini configs (fast + quality) as the default for every task, keys in the keychain', async () => {
    const { testCore } = await import('../../helpers/core');
    const t = testCore({
      env: {
        GEMINI_API_KEY: 'AIzaSyTESTabcdefghijklmnopqrstuvwxyz012',
        OPENAI_API_KEY: 'sk-TESTabcdefghijklmnopqrstuvwxyz',
      },
    });
    try {
      await t.core.start();
      const list = t.core.services.providers.list();
      expect(list.map((p) => [p.name, p.model, p.isDefault])).toEqual(
        expect.arrayContaining([
          ['gemini-fast', 'gemini-2.5-flash', true],
          ['gemini-quality', 'gemini-2.5-pro', true],
          ['openai', 'gpt-4.1-mini', false],
        ]),
      );
      expect(t.core.services.providers.candidates('extraction')[0]!.name).toBe('gemini-fast');
      expect(t.core.services.providers.candidates('cv_draft')[0]!.name).toBe('gemini-quality');
      expect([...t.secrets.values.values()]).toContain('AIzaSyTESTabcdefghijklmnopqrstuvwxyz012');
      // Not again on the next start.
      const again = testCore({
        dataDir: t.dataDir,
        env: { ANTHROPIC_API_KEY: 'sk-ant-TESTabcdefghijklmnopqrstuvwxyz' },
      });
      await again.core.start();
      expect(again.core.services.providers.list()).toHaveLength(3);
      again.core.close();
    } finally {
      t.cleanup();
    }
  });
});
