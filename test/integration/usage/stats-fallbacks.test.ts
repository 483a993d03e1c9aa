import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prompt, routingWorld, type RoutingWorld } from '../../helpers/routing';

/** The health table's "Fallbacks": per provider, its failed attempts after which another provider was tried. */
describe('usage stats: fallbacks are counted for the provider that failed', () => {
  let w: RoutingWorld;
  beforeEach(async () => {
    w = await routingWorld(2);
    await w.addProvider('primary', w.emulators[0]!, { isDefault: true, priority: 1 });
    await w.addProvider('secondary', w.emulators[1]!, { priority: 2 });
  });
  afterEach(() => w.close());

  const route = () =>
    w.core.services.router.route({ task: 'extraction', userId: 'ana', request: prompt('Extract this') });
  const byProvider = () => {
    w.core.services.usageLog.flush();
    const stats = w.core.services.stats.query({ from: 0, to: w.clock.now() + 1 }, 'provider');
    const dashboard = w.core.services.stats.dashboard({ from: 0, to: w.clock.now() + 1 });
    const fallbacks = Object.fromEntries(stats.groups.map((g) => [g.key, g.fallbacks]));
    expect(Object.fromEntries(dashboard.byProvider.map((g) => [g.key, g.fallbacks]))).toEqual(fallbacks);
    return { fallbacks, total: stats.totals.fallbacks };
  };

  it('a provider that fails and hands the request on gets the fallback, not the one that answered', async () => {
    // primary: three 503s (two retries), then the router falls back to secondary, which answers.
    w.emulators[0]!.pushFaults({ status: 503, times: 3 });
    expect((await route()).providerName).toBe('secondary');
    // primary: a rejected key, failed over at once.
    w.emulators[0]!.pushFaults({ status: 401 });
    expect((await route()).providerName).toBe('secondary');
    expect(byProvider()).toEqual({ fallbacks: { primary: 2, secondary: 0 }, total: 2 });
  });

  it('retries on the same provider and the last provider failing are not fallbacks', async () => {
    w.emulators[0]!.pushFaults({ status: 503, times: 1 });
    expect((await route()).providerName).toBe('primary');
    w.emulators[0]!.pushFaults({ status: 503, times: 3 });
    w.emulators[1]!.pushFaults({ status: 503, times: 3 });
    await expect(route()).rejects.toThrow();
    // primary fell back to secondary once; secondary had nothing to fall back to.
    expect(byProvider()).toEqual({ fallbacks: { primary: 1, secondary: 0 }, total: 1 });
  });
});
