import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');

interface Finding {
  id: string;
  file: string;
  location: { line: number };
  description: string;
}
interface Allowed {
  id: string;
  file: string;
  reason: string;
}

/**
 * Electronegativity fetches translations and Electron release data over the network at run time; tests never
 * touch the network, so its HTTP client is replaced by one that refuses at once (the release check is excluded).
 */
function loadElectronegativity(): (
  options: Record<string, unknown>,
) => Promise<{ issues: Finding[]; errors: unknown[] }> {
  const refuse = Object.assign(() => Promise.reject(new Error('network disabled in tests')), {
    head: () => Promise.reject(new Error('network disabled in tests')),
  });
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    if (request === 'got') return Object.assign(refuse, { default: refuse });
    return original.call(this, request, ...rest);
  };
  try {
    return Module.createRequire(__filename)('@doyensec/electronegativity') as never;
  } finally {
    loader._load = original;
  }
}

describe('Electron security scan (electronegativity)', () => {
  it('finds nothing outside the reviewed allowlist', async () => {
    const scanDir = mkdtempSync(join(tmpdir(), 'aditus-scan-'));
    try {
      for (const dir of ['src-main', 'src-preload', 'src-renderer'])
        cpSync(join(ROOT, dir), join(scanDir, dir), { recursive: true });
      const run = loadElectronegativity();
      const result = await run({
        input: scanDir,
        isRelative: true,
        excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
        electronVersionOverride: '45.0.0',
      });
      const allow = JSON.parse(
        readFileSync(join(ROOT, 'security/electronegativity-allowlist.json'), 'utf8'),
      ) as Allowed[];
      for (const entry of allow) expect(entry.reason.length, `${entry.id} needs a reason`).toBeGreaterThan(20);
      const unexpected = result.issues
        .filter((i) => !allow.some((a) => a.id === i.id && a.file === i.file))
        .map((i) => `${i.id} ${i.file}:${i.location.line} ${i.description}`);
      expect(unexpected).toEqual([]);
      expect(result.errors).toEqual([]);
    } finally {
      rmSync(scanDir, { recursive: true, force: true });
    }
  });
});
