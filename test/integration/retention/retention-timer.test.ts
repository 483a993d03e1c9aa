import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RetentionTimer } from '../../../src-main/runtime/retention-timer';
import { DAY_MS } from '../../../src-main/settings/retention-service';
import { usageEvent } from '../../fixtures/reliability/usage-event';
import { testCore, type TestCore } from '../../helpers/core';

describe('scheduled retention purge (long-lived hosts)', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = testCore();
    await t.core.start();
  });
  afterEach(() => t.cleanup());

  it('does nothing while everything is kept, then purges at start and once a day by the app clock', async () => {
    const timer = new RetentionTimer(t.core.services.retention, t.clock, () => undefined);
    expect(await timer.tick(true)).toBe(false);

    t.core.store.sqlite
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('retention', ?, 0)")
      .run(JSON.stringify({ usageEventsDays: 7, documentVersionsKeep: null, auditDays: null }));
    const record = (age: number) =>
      t.core.services.usageLog.record({ ...usageEvent(Math.floor(age), 'timer'), createdAt: t.clock.now() - age });
    record(8 * DAY_MS);
    expect(await timer.tick(true)).toBe(true);
    expect(t.core.services.retention.lastPurge()?.usageEvents).toBe(1);

    record(8 * DAY_MS + 1);
    t.clock.advance(DAY_MS - 1);
    expect(await timer.tick()).toBe(false);
    expect(t.core.services.usageEvents.latest(10)).toHaveLength(1);
    t.clock.advance(1);
    expect(await timer.tick()).toBe(true);
    expect(t.core.services.usageEvents.latest(10)).toHaveLength(0);
    expect(t.core.services.audit.list({ action: 'retention.purge' })).toHaveLength(2);
  });

  it('a long-lived host purges when its background work starts', async () => {
    t.core.store.sqlite
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('retention', ?, 0)")
      .run(JSON.stringify({ usageEventsDays: 7, documentVersionsKeep: null, auditDays: null }));
    t.core.services.usageLog.record({ ...usageEvent(1, 'start'), createdAt: t.clock.now() - 8 * DAY_MS });
    t.core.startBackgroundWork();
    await vi.waitFor(() => expect(t.core.services.retention.lastPurge()?.usageEvents).toBe(1));
    expect(t.core.services.usageEvents.latest(10)).toHaveLength(0);
    expect(t.logs).toContain('retention: removed 1 usage events, 0 document versions, 0 audit entries');
  });
});
