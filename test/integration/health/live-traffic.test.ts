import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '@contract';
import { startEmulator, type Emulator } from '../../emulator';
import { adminSession } from '../../helpers/admin';
import { testCore, type TestCore } from '../../helpers/core';
import type { Session } from '../../../src-main/session';

const KEY = 'sk-proj-LIVEHEALTHabcdefghijklmnopqrstuvwxyz01234';

// Live calls count too: a monitored provider whose real calls fail goes down without another probe.
describe('provider health from live calls', () => {
  let t: TestCore;
  let emulator: Emulator;
  let session: Session;

  beforeAll(async () => {
    emulator = await startEmulator({ validKeys: [KEY] });
    t = testCore({ sleep: () => Promise.resolve(), probeConditions: { networkUp: () => true } });
    await t.core.start();
    session = (await adminSession(t)).session;
    const created = await t.core.dispatch(
      'providers:create',
      {
        config: {
          name: 'emu',
          kind: 'openai',
          model: 'gpt-4o-mini',
          baseUrl: `${emulator.url}/v1`,
          tasks: ['cv_draft'],
        },
        apiKey: KEY,
      },
      session,
    );
    expect(created.ok).toBe(true);
    // A daily probe: the first runs now (healthy), the next not within this test.
    await t.core.dispatch('providers:set-probe', { name: 'emu', everyMs: 86_400_000 }, session);
    await t.core.services.health.tick();
  });
  afterAll(async () => {
    await emulator.close();
    t.cleanup();
  });

  const state = async () => {
    const r = await t.core.dispatch('providers:health-status', { name: 'emu' }, session);
    return r.ok ? (r.data as ChannelOutput<'providers:health-status'>)[0] : undefined;
  };

  it('answered calls keep it healthy; failing calls (server errors) make it down at the next tick', async () => {
    expect((await state())?.state).toBe('healthy');
    t.clock.advance(60_000);
    expect((await t.core.dispatch('ask:run', { task: 'cv_draft', prompt: 'hello' }, session)).ok).toBe(true);
    expect((await t.core.services.health.tick()).probed).toEqual([]);
    expect((await state())?.state).toBe('healthy');

    emulator.pushFaults({ status: 503, times: 20 });
    t.clock.advance(60_000);
    expect((await t.core.dispatch('ask:run', { task: 'cv_draft', prompt: 'hello' }, session)).ok).toBe(false);
    const tick = await t.core.services.health.tick();
    expect(tick.probed).toEqual([]);
    expect(tick.changes).toMatchObject([{ name: 'emu', previousState: 'healthy', state: 'down' }]);
    const failed = t.core.store.sqlite
      .prepare("SELECT count(*) FROM usage_events WHERE status = 'error' AND error_class = 'unavailable'")
      .pluck()
      .get() as number;
    expect(failed).toBeGreaterThanOrEqual(3);
  });
});
