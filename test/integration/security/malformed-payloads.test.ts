import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, ERROR_CODES } from '@contract';
import type { Session } from '../../../src-main/session';
import { adminSession } from '../../helpers/admin';
import { testCore, type TestCore } from '../../helpers/core';
import { databaseChecksum } from '../../helpers/db-checksum';

/** Seeded generator of hostile JSON-ish values. */
function fuzzer(seed: number) {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const strings = [
    '',
    ' ',
    'a'.repeat(70_000),
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '\u0000',
    '💥',
    "'; DROP TABLE usage_events; --",
    'admin',
    'extraction',
    '-1',
    'NaN',
    'sk-' + 'x'.repeat(60),
  ];
  const keys = [
    'name',
    'kind',
    'model',
    'config',
    'patch',
    'apiKey',
    'id',
    'text',
    'file',
    'fileName',
    'dataBase64',
    'input',
    'from',
    'to',
    'by',
    'limit',
    'password',
    'code',
    'task',
    'prompt',
    '__proto__',
    'constructor',
    'prototype',
    'documentId',
    'format',
    'version',
    'fields',
    'profile',
  ];
  const value = (depth: number): unknown => {
    const r = rnd();
    if (depth > 3 || r < 0.15) return pick(strings);
    if (r < 0.25) return pick([0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31]);
    if (r < 0.3) return pick([true, false, null]);
    if (r < 0.45) return Array.from({ length: Math.floor(rnd() * 4) }, () => value(depth + 1));
    const obj: Record<string, unknown> = {};
    for (let i = Math.floor(rnd() * 5); i > 0; i--)
      Object.defineProperty(obj, pick(keys), {
        value: value(depth + 1),
        enumerable: true,
        configurable: true,
        writable: true,
      });
    return obj;
  };
  return () => value(0);
}

const PER_CHANNEL = 1000;

describe('malformed IPC payloads', () => {
  let t: TestCore;
  let admin: Session;
  beforeAll(async () => {
    t = testCore();
    ({ session: admin } = await adminSession(t));
    await t.core.services.providers.create(
      {
        name: 'p',
        kind: 'openai-compatible',
        model: 'm',
        baseUrl: 'http://127.0.0.1:9/v1',
        tasks: ['extraction'],
        priority: 1,
        isDefault: false,
        active: true,
        dailyTokenLimit: null,
        monthlyTokenLimit: null,
        monthlyCostLimitUsd: null,
        onLimit: 'fallback',
        timeoutMs: 1000,
        maxOutputTokens: 10,
        region: 'other',
        dataRetention: null,
        personalData: true,
      },
      undefined,
      'test',
    );
  });
  afterAll(() => t.cleanup());

  it(`${PER_CHANNEL} malformed payloads to every channel get typed errors and change nothing stored`, async () => {
    const before = databaseChecksum(t.core.store.sqlite);
    const next = fuzzer(20261126);
    let sent = 0;
    for (const [name, spec] of Object.entries(channels)) {
      let count = 0;
      while (count < PER_CHANNEL) {
        const payload = next();
        // Only payloads the channel's schema rejects: a valid call may legitimately change data.
        if (spec.input.safeParse(payload).success) continue;
        count++;
        // An admin session, so admin channels get as far as input validation too.
        const result = await t.core.dispatch(name, payload, admin);
        if (result.ok) throw new Error(`${name} accepted ${JSON.stringify(payload)?.slice(0, 200)}`);
        expect(ERROR_CODES).toContain(result.error.code);
        expect(result.error.code, name).toBe('invalid_input');
        expect(typeof result.error.message).toBe('string');
      }
      sent += count;
    }
    expect(sent).toBe(Object.keys(channels).length * PER_CHANNEL);
    expect(databaseChecksum(t.core.store.sqlite)).toBe(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  }, 180_000);

  it('for every admin channel in the contract, a recruiter call is refused (forbidden) and an admin call is not', async () => {
    const recruiter = t.core.localSession('web');
    const adminChannels = Object.entries(channels).filter(([, spec]) => spec.role === 'admin');
    expect(adminChannels.map(([n]) => n)).toEqual(
      expect.arrayContaining(['providers:create', 'prices:set', 'audit:list', 'settings:set']),
    );
    for (const [name] of adminChannels) {
      expect(await t.core.dispatch(name, {}, recruiter), name).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      const asAdmin = await t.core.dispatch(name, {}, admin);
      expect(asAdmin.ok || asAdmin.error.code, name).not.toBe('forbidden');
    }
  });
});
