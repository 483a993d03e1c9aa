import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels } from '@contract';

/**
 * What the built renderer's JavaScript holds (`npm run build` first), not how fast it loads (that is
 * `npm run bench`, sections ui and startup).
 */
const ASSETS = join(__dirname, '..', '..', '..', 'out', 'renderer', 'assets');

function rendererJs(): string {
  if (!existsSync(ASSETS)) throw new Error(`${ASSETS} is missing: run \`npm run build\` first`);
  return readdirSync(ASSETS)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(ASSETS, f), 'utf8'))
    .join('\n');
}

describe('the built renderer', () => {
  it('ships none of the IPC contract it does not use: no channel specs (only the main process checks them)', () => {
    const js = rendererJs();
    expect(js.length).toBeGreaterThan(100_000);
    const shipped = Object.entries(channels)
      .filter(([, spec]) => js.includes(spec.summary))
      .map(([name]) => name);
    expect(shipped).toEqual([]);
  });
});
