import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../../src-main/secrets/keytar-store';

// Runs against the real Secret Service started by scripts/with-keyring.sh (npm run test:unit).
describe('OS keychain (keytar + gnome-keyring)', () => {
  it('stores, reads and deletes a secret', async () => {
    const store = new KeytarSecretStore('aditus-test');
    const account = `roundtrip-${randomUUID()}`;
    const secret = `sk-canary-${randomUUID()}`;
    await store.set(account, secret);
    expect(await store.get(account)).toBe(secret);
    expect(await store.delete(account)).toBe(true);
    expect(await store.get(account)).toBeNull();
  });

  it('fails with a clear keychain_unavailable error when no Secret Service is reachable', () => {
    // A child without a session bus: keytar cannot reach any keychain, and nothing falls back to plaintext.
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(__dirname, '../../fixtures/keychain-probe.ts'), 'secret-value-123'],
      {
        env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    const out = JSON.parse(child.stdout.trim().split('\n').pop() || '{}') as { code?: string; message?: string };
    expect(out.code, child.stderr).toBe('keychain_unavailable');
    expect(out.message).toMatch(/keychain/iu);
    expect(out.message).not.toContain('secret-value-123');
  });
});
