import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { adminSession } from '../../helpers/admin';
import { testCore, type TestCore } from '../../helpers/core';
import { closedPort, prompt, routingWorld } from '../../helpers/routing';
import { tempDir } from '../../helpers/temp';

function fetchMetrics(port: number, host?: string): Promise<{ status: number; body: string } | 'refused'> {
  return new Promise((resolve) => {
    const headers = host === undefined ? {} : { host };
    get({ host: '127.0.0.1', port, path: '/metrics', headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', () => resolve('refused'));
  });
}

describe('metrics exporter setting', () => {
  let t: TestCore;
  afterEach(() => t.cleanup());

  it('is off by default, serves /metrics on 127.0.0.1 once enabled, and stops when disabled (audited)', async () => {
    t = testCore();
    await t.core.start();
    const { session } = await adminSession(t);
    const port = await closedPort();
    expect(t.core.metricsExporterPort()).toBeNull();
    const on = await t.core.dispatch('settings:set', { metricsExporter: { enabled: true, port } }, session);
    expect(on).toMatchObject({ ok: true, data: { metricsExporter: { enabled: true, port } } });
    const scraped = await fetchMetrics(port);
    expect(scraped).toMatchObject({ status: 200 });
    expect(scraped !== 'refused' && scraped.body).toContain('ai_provider_api_calls_total');
    await t.core.dispatch('settings:set', { metricsExporter: { enabled: false, port } }, session);
    expect(await fetchMetrics(port)).toBe('refused');
    expect(t.core.services.audit.list({ action: 'settings.' })).toHaveLength(2);
  });
});

describe('metrics exporter after a restart', () => {
  const data = tempDir();
  let t: TestCore | null = null;
  afterEach(() => {
    t?.cleanup();
    data.cleanup();
  });

  it('serves the calls, tokens and cost an earlier run of the app made', async () => {
    const w = await routingWorld(1, data.dir);
    await w.addProvider('oa', w.emulators[0]!, { model: 'gpt-4o-mini' });
    w.emulators[0]!.pushReplies(
      { text: 'a', usage: { input: 1_000_000, output: 0 } },
      { text: 'b', usage: { input: 0, output: 500_000 } },
    );
    for (const text of ['One', 'Two'])
      await w.core.services.router.route({ task: 'cv_draft', userId: 'ana', request: prompt(text) });
    await w.close();

    t = testCore({ dataDir: data.dir });
    await t.core.start();
    const { session } = await adminSession(t);
    const port = await closedPort();
    await t.core.dispatch('settings:set', { metricsExporter: { enabled: true, port } }, session);
    const scraped = await fetchMetrics(port);
    const body = scraped === 'refused' ? '' : scraped.body;
    expect(body).toContain(
      'ai_provider_api_calls_total{provider_type="openai-compatible",task_type="cv_draft",status="ok"} 2',
    );
    expect(body).toContain('ai_provider_tokens_total{provider_type="openai-compatible",direction="input"} 1000000');
    expect(body).toContain('ai_provider_tokens_total{provider_type="openai-compatible",direction="output"} 500000');
    // gpt-4o-mini: 1M input × $0.15 + 0.5M output × $0.60 per million tokens.
    expect(body).toContain('ai_provider_cost_usd_total{provider_type="openai-compatible"} 0.45');
    expect(body).toContain('ai_provider_latency_ms_count{provider_type="openai-compatible",task_type="cv_draft"} 2');
  });
});

describe('metrics exporter on a port in use', () => {
  let t: TestCore;
  afterEach(() => t.cleanup());

  it('is saved but reported as not started, and a durability change alone is not blamed for it', async () => {
    t = testCore();
    await t.core.start();
    const { session } = await adminSession(t);
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      const on = await t.core.dispatch('settings:set', { metricsExporter: { enabled: true, port } }, session);
      expect(on).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(!on.ok && on.error.message).toMatch(
        /^Saved, but the metrics exporter could not start on 127\.0\.0\.1:\d+/u,
      );
      expect(t.core.metricsExporterPort()).toBeNull();
      expect(t.core.services.settings.get().metricsExporter).toEqual({ enabled: true, port });
      const durability = await t.core.dispatch('settings:set', { durability: 'FULL' }, session);
      expect(durability).toMatchObject({ ok: true });
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });
});

describe('metrics exporter Host check (DNS rebinding)', () => {
  let t: TestCore;
  afterEach(() => t.cleanup());

  it('answers only a loopback Host naming its port; any other Host gets 421 and no metrics', async () => {
    t = testCore();
    await t.core.start();
    const { session } = await adminSession(t);
    const port = await closedPort();
    await t.core.dispatch('settings:set', { metricsExporter: { enabled: true, port } }, session);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect(await fetchMetrics(port, host)).toMatchObject({ status: 200 });
    }
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${port + 1}`, 'localhost']) {
      const res = await fetchMetrics(port, host);
      expect(res).toMatchObject({ status: 421 });
      expect(res !== 'refused' && res.body).not.toContain('ai_provider_api_calls_total');
    }
  });
});

describe('durability setting', () => {
  it('switches SQLite between synchronous NORMAL and FULL', async () => {
    const t = testCore();
    try {
      await t.core.start();
      expect(t.core.store.sqlite.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
      const { session } = await adminSession(t);
      await t.core.dispatch('settings:set', { durability: 'FULL' }, session);
      expect(t.core.store.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    } finally {
      t.cleanup();
    }
  });
});
