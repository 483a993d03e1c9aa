import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput, HealthChangeDto } from '@contract';
import { startEmulator, type Emulator } from '../../emulator';
import { ADMIN_PASSWORD, adminSession, totpCode } from '../../helpers/admin';
import { testCore, type TestCore } from '../../helpers/core';
import type { Session } from '../../../src-main/session';

const KEY = 'sk-proj-HEALTHabcdefghijklmnopqrstuvwxyz0123456';
const MINUTE = 60_000;

// Scheduled probes against the emulator with a fake clock and an injected network/battery check, through
// dispatch (as every host calls it) and the monitor's tick (what the hosts' timer runs).
describe('provider health: scheduled probes, states, history and events', () => {
  let t: TestCore;
  let emulator: Emulator;
  let session: Session;
  let totpSecret = '';
  /** The fake clock moved past the admin session's lifetime: unlock again, as an admin would. */
  const unlockAgain = async () => {
    const r = await t.core.dispatch(
      'admin:unlock',
      { password: ADMIN_PASSWORD, code: totpCode(totpSecret, t.clock.now()) },
      session,
    );
    if (!r.ok) throw new Error(r.error.message);
  };
  let online = true;
  let onBattery = false;
  const events: HealthChangeDto[] = [];

  const ok = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await t.core.dispatch(channel as never, input as never, session);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.data as T;
  };
  const tick = () => t.core.services.health.tick();
  const status = async () =>
    (await ok<ChannelOutput<'providers:health-status'>>('providers:health-status', { name: 'emu' }))[0];
  const modelCalls = () => emulator.requests().filter((r) => r.path.endsWith('/models')).length;
  const rows = (kind: 'probe' | 'change') =>
    t.core.store.sqlite.prepare('SELECT count(*) FROM provider_health WHERE kind = ?').pluck().get(kind) as number;
  const advanceAndTick = async (ms: number) => {
    t.clock.advance(ms);
    return tick();
  };

  beforeAll(async () => {
    emulator = await startEmulator({ validKeys: [KEY] });
    t = testCore({ probeConditions: { networkUp: () => online, onBatteryPower: () => onBattery } });
    await t.core.start();
    const admin = await adminSession(t);
    session = admin.session;
    totpSecret = admin.secret;
    t.core.onEvent((event, payload) => {
      if (event === 'provider:health') events.push(payload as HealthChangeDto);
    });
    await ok('providers:create', {
      config: { name: 'emu', kind: 'openai', model: 'gpt-4o-mini', baseUrl: `${emulator.url}/v1`, timeoutMs: 2000 },
      apiKey: KEY,
    });
  });
  afterAll(async () => {
    await emulator.close();
    t.cleanup();
  });

  it('probes are off by default: a tick sends nothing and the state stays unknown', async () => {
    const r = await tick();
    expect(r.probed).toEqual([]);
    expect(modelCalls()).toBe(0);
    expect(await status()).toMatchObject({ name: 'emu', state: 'unknown', probeEveryMs: null, lastProbe: null });
    expect(events).toEqual([]);
  });

  it('with an interval, a probe (a models call, no tokens) runs at once, then only when the interval has passed', async () => {
    expect(await ok('providers:set-probe', { name: 'emu', everyMs: 5 * MINUTE })).toMatchObject({
      probeEveryMs: 5 * MINUTE,
    });
    expect((await tick()).probed).toEqual(['emu']);
    expect((await tick()).probed).toEqual([]);
    expect((await advanceAndTick(4 * MINUTE)).probed).toEqual([]);
    expect((await advanceAndTick(MINUTE)).probed).toEqual(['emu']);
    expect(modelCalls()).toBe(2);
    expect(t.core.store.sqlite.prepare('SELECT count(*) FROM usage_events').pluck().get()).toBe(0);
    const s = await status();
    expect(s).toMatchObject({ state: 'healthy', lastProbe: { ok: true, failure: null } });
    expect(s?.since).toBe(t.clock.now() - 5 * MINUTE);
    expect(events.map((e) => [e.previousState, e.state])).toEqual([['unknown', 'healthy']]);
    expect(rows('probe')).toBe(2);
    expect(rows('change')).toBe(1);
  });

  it('pauses while the machine is offline or on battery, and resumes after', async () => {
    online = false;
    expect(await advanceAndTick(10 * MINUTE)).toMatchObject({ paused: 'offline', probed: [] });
    online = true;
    onBattery = true;
    expect(await advanceAndTick(10 * MINUTE)).toMatchObject({ paused: 'on_battery', probed: [] });
    expect(modelCalls()).toBe(2);
    onBattery = false;
    expect(await advanceAndTick(MINUTE)).toMatchObject({ paused: null, probed: ['emu'] });
    expect(modelCalls()).toBe(3);
  });

  it('failing probes make it degraded, then down after three failures in a row; recovery goes back to healthy', async () => {
    emulator.pushFaults({ status: 503, times: 3 });
    const states: string[] = [];
    for (let i = 0; i < 3; i++) {
      await advanceAndTick(5 * MINUTE);
      states.push((await status())?.state ?? '');
    }
    // In the 15-minute window: ok,fail (a quarter or more failed: degraded), ok,fail,fail (degraded), fail×3 (down).
    expect(states).toEqual(['degraded', 'degraded', 'down']);
    expect((await status())?.lastProbe).toMatchObject({ ok: false, failure: 'unavailable' });
    for (let i = 0; i < 3; i++) {
      await advanceAndTick(5 * MINUTE);
      states.push((await status())?.state ?? '');
    }
    // ok,fail,fail (2 of 3 failed) → degraded; ok,ok,fail → degraded; ok,ok,ok (the failures left the 15-minute window) → healthy.
    expect(states.slice(3)).toEqual(['degraded', 'degraded', 'healthy']);
    expect(events.map((e) => `${e.previousState}→${e.state}`)).toEqual([
      'unknown→healthy',
      'healthy→degraded',
      'degraded→down',
      'down→degraded',
      'degraded→healthy',
    ]);
    // One change row per event, one probe row per probe.
    expect(rows('change')).toBe(events.length);
    expect(rows('probe')).toBe(9);
    const recent = (await status())?.recentChanges ?? [];
    expect(recent.map((c) => c.state)).toEqual(['healthy', 'degraded', 'down', 'degraded', 'healthy']);
  });

  it('a slow provider (p95 latency above half its timeout) is degraded', async () => {
    emulator.pushFaults({ latencyMs: 1500 });
    await advanceAndTick(5 * MINUTE);
    const s = await status();
    expect(s).toMatchObject({ state: 'degraded', lastProbe: { ok: true } });
    expect(s?.reason).toMatch(/p95 latency \d+ ms is above 1000 ms/u);
    expect(events.at(-1)).toMatchObject({ name: 'emu', previousState: 'healthy', state: 'degraded' });
  });

  it('the history channel gives each provider its state at the start of the range and the changes in it', async () => {
    const now = t.clock.now();
    const history = await ok<ChannelOutput<'providers:health-history'>>('providers:health-history', {
      from: now - 60 * MINUTE,
      to: now,
    });
    const emu = history.providers.find((p) => p.name === 'emu');
    expect(emu?.changes.map((c) => c.state)).toEqual(['degraded', 'down', 'degraded', 'healthy', 'degraded']);
    expect(emu?.stateAtFrom).toBe('healthy');
  });

  it('turning probes off stops them', async () => {
    await unlockAgain();
    await ok('providers:set-probe', { name: 'emu', everyMs: null });
    const before = modelCalls();
    expect((await advanceAndTick(60 * MINUTE)).probed).toEqual([]);
    expect(modelCalls()).toBe(before);
    // Unmonitored, the state is no longer claimed: the history says so (no notification for the admin's own switch).
    expect(await status()).toMatchObject({ probeEveryMs: null, state: 'unknown', reason: 'health probes turned off' });
    expect(events.at(-1)?.state).toBe('degraded');
  });

  it('a recruiter cannot change the schedule; an interval under a minute is refused', async () => {
    const recruiter = t.core.localSession('web');
    const r = await t.core.dispatch('providers:set-probe', { name: 'emu', everyMs: 5 * MINUTE }, recruiter);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A recruiter may read the states.
    expect(await t.core.dispatch('providers:health-status', {}, recruiter)).toMatchObject({ ok: true });
    await unlockAgain();
    const short = await t.core.dispatch('providers:set-probe', { name: 'emu', everyMs: 1000 }, session);
    expect(short).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
