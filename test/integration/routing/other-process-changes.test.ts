import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../src-main/db/client';
import { prompt, routingWorld, type RoutingWorld } from '../../helpers/routing';

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
