import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../src-main/db/client';
import { prompt, routingWorld, type RoutingWorld } from '../../helpers/routing';
import { seedHistory } from '../../helpers/routing-history';

describe('config changes made by another process (the CLI next to the app)', () => {
  let w: RoutingWorld;
  afterEach(() => w.close());

  it('a provider deactivated by another process stops getting tasks, without a restart', async () => {
    w = await routingWorld(2);
    await w.addProvider('first', w.emulators[0]!, { priority: 1 });
    await w.addProvider('second', w.emulators[1]!, { priority: 2 });
    const route = () => w.core.services.router.route({ task: 'extraction', userId: 'ana', request: prompt('x') });
    expect((await route()).providerName).toBe('first');

    const other = openDatabase({ dataDir: w.dataDir });
    try {
      other.sqlite.prepare("UPDATE provider_configs SET active = 0 WHERE name = 'first'").run();
    } finally {
      other.close();
    }
    await vi.waitFor(async () => expect((await route()).providerName).toBe('second'), { timeout: 5_000 });
  });
});

describe('routing settings changed by another process are read again (they are kept in memory between calls)', () => {
  let w: RoutingWorld;
  afterEach(() => w.close());

  const route = () => w.core.services.router.route({ task: 'extraction', userId: 'ana', request: prompt('x') });
  const inOtherProcess = (sql: string, ...params: unknown[]) => {
    const other = openDatabase({ dataDir: w.dataDir });
    try {
      other.sqlite.prepare(sql).run(...params);
    } finally {
      other.close();
    }
  };

  it('a routing strategy set by another process orders the next calls', async () => {
    w = await routingWorld(2);
    await w.addProvider('a', w.emulators[0]!, { isDefault: true, priority: 1 });
    await w.addProvider('b', w.emulators[1]!, { priority: 2 });
    seedHistory(w.core, 'a', 'extraction', { latencyMs: 800 });
    seedHistory(w.core, 'b', 'extraction', { latencyMs: 200 });
    expect((await route()).routeReason.strategy).toBe('priority');

    inOtherProcess(
      "INSERT INTO routing_strategies (task, strategy, updated_at, updated_by) VALUES ('extraction', 'fastest', ?, 'cli')",
      Date.now(),
    );
    await vi.waitFor(async () => expect((await route()).providerName).toBe('b'), { timeout: 5_000 });
  });

  it('a data policy set by another process keeps the next calls in its region', async () => {
    w = await routingWorld(2);
    await w.addProvider('us-first', w.emulators[0]!, { priority: 1, region: 'us' });
    await w.addProvider('eu-second', w.emulators[1]!, { priority: 2, region: 'eu' });
    expect((await route()).providerName).toBe('us-first');

    inOtherProcess(
      "INSERT INTO data_policies (scope, target, allow, updated_at) VALUES ('task', 'extraction', 'eu', ?)",
      Date.now(),
    );
    await vi.waitFor(async () => expect((await route()).providerName).toBe('eu-second'), { timeout: 5_000 });
  });

  it('a user and a quota added by another process apply to the next calls (the users are kept in memory)', async () => {
    w = await routingWorld(1);
    await w.addProvider('only', w.emulators[0]!, { priority: 1 });
    expect((await route()).providerName).toBe('only'); // no users set up: anyone acts without quotas

    inOtherProcess(
      `INSERT INTO users (name, daily_token_limit, monthly_token_limit, daily_cost_limit_micros,
         monthly_cost_limit_micros, on_limit, created_at, updated_at) VALUES ('ben', 1, NULL, NULL, NULL, 'block', ?, ?)`,
      Date.now(),
      Date.now(),
    );
    // Once the list has users, only they can make calls; "ana" is not one of them.
    await vi.waitFor(() => expect(route()).rejects.toThrow(/Unknown user "ana"/u), { timeout: 5_000 });
    const asBen = w.core.services.router.route({ task: 'extraction', userId: 'ben', request: prompt('x') });
    await expect(asBen).rejects.toThrow(/ben/u);
    // This process's own change is seen at once.
    w.core.services.users.update('ben', { dailyTokens: null }, 'test');
    const answer = await w.core.services.router.route({ task: 'extraction', userId: 'ben', request: prompt('x') });
    expect(answer.providerName).toBe('only');
  });

  it('statistics follow the calls this process commits, one call at a time', async () => {
    w = await routingWorld(2);
    await w.addProvider('a', w.emulators[0]!, { isDefault: true, priority: 1 });
    await w.addProvider('b', w.emulators[1]!, { priority: 2 });
    w.core.services.routingStrategies.set('extraction', 'most_reliable', 'test');
    seedHistory(w.core, 'a', 'extraction', { ok: 15, errors: 5 });
    seedHistory(w.core, 'b', 'extraction', { ok: 18 });
    const before = await route(); // b has 18 calls, short of the minimum: a keeps first place
    expect(before.providerName).toBe('a');
    await w.committed();
    seedHistory(w.core, 'b', 'extraction', { ok: 2 });
    const after = await route();
    expect(after.providerName).toBe('b');
    expect(after.routeReason.candidates.find((c) => c.providerName === 'a')?.samples).toBe(21);
  });
});
