import { createServer } from 'node:net';
import { providerConfigInputSchema, type ProviderConfigInput } from '@contract';
import { startEmulator, type Emulator } from '../emulator';
import { sleep } from '../../src-main/routing/sleep';
import type { Sqlite } from '../../src-main/db/client';
import { testCore, type TestCore } from './core';

export interface RoutingWorld extends TestCore {
  /** Every wait the router asked for (backoff, Retry-After), in ms. */
  waits: number[];
  emulators: Emulator[];
  addProvider(name: string, emulator: Emulator | string, overrides?: Partial<ProviderConfigInput>): Promise<void>;
  /**
   * Resolves once the usage log's group commit for every answer so far has run (it runs on its own), and
   * idle budget leases have given back their unused part (on their own after a second of idleness).
   */
  committed(): Promise<void>;
  close(): Promise<void>;
}

/** A core whose router sleeps instantly (recording the waits), plus helpers to add emulated providers. */
export async function routingWorld(
  count = 2,
  dataDir?: string,
  options: { realSleep?: boolean; usageGroupWindowMs?: number; routingRandom?: () => number } = {},
): Promise<RoutingWorld> {
  const waits: number[] = [];
  const t = testCore({
    sleep: async (ms, signal) => {
      waits.push(ms);
      if (options.realSleep) await sleep(ms, signal);
    },
    random: () => 0.5,
    routingRandom: options.routingRandom ?? (() => 0.5),
    ...(dataDir ? { dataDir } : {}),
    ...(options.usageGroupWindowMs === undefined ? {} : { usageGroupWindowMs: options.usageGroupWindowMs }),
  });
  const emulators = await Promise.all(Array.from({ length: count }, () => startEmulator({ openMode: true })));
  return {
    ...t,
    waits,
    emulators,
    async addProvider(name, emulator, overrides = {}) {
      const url = typeof emulator === 'string' ? emulator : `${emulator.url}/v1`;
      const config = providerConfigInputSchema.parse({
        name,
        kind: 'openai-compatible',
        model: 'gpt-4o-mini',
        baseUrl: url,
        tasks: ['extraction', 'cv_draft', 'cover_letter', 'validation'],
        timeoutMs: 5_000,
        maxOutputTokens: 256,
        ...overrides,
      });
      await t.core.services.providers.create(config, undefined, 'test@cli');
    },
    async committed() {
      await untilCommitted(t.core);
      t.core.services.budgets.closeIdleLeases();
    },
    async close() {
      await Promise.all(emulators.map((e) => e.close()));
      t.cleanup();
    },
  };
}

/** Waits for the usage log's group commit to run on its own (it is due within its window). */
export async function untilCommitted(core: TestCore['core'], timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (core.services.usageLog.pending() > 0) {
    if (Date.now() > deadline) throw new Error(`${core.services.usageLog.pending()} usage events still queued`);
    await sleep(2);
  }
}

/** A loopback port with nothing listening on it. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export const prompt = (text: string) => ({
  messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text }] }],
});

export function chatRequests(emulator: Emulator): number {
  return emulator.requests().filter((r) => r.path.endsWith('/chat/completions')).length;
}

/**
 * What every process sees counted against budgets in the database: the tokens the daily rollups hold plus
 * the open leases' unused reservations, for one config (all when omitted) and one local day (all when omitted).
 */
export function tokensCountedInDatabase(
  sqlite: Sqlite,
  only: { configId?: string; day?: { start: number; key: string } } = {},
): () => number {
  const statement = sqlite
    .prepare(
      `SELECT (SELECT coalesce(sum(input_tokens + output_tokens), 0) FROM usage_daily
                WHERE (@config IS NULL OR config_id = @config) AND (@start IS NULL OR bucket_start = @start))
            + (SELECT coalesce(sum(max(reserved_tokens - used_tokens, 0)), 0) FROM budget_ledger
                WHERE state = 'reserved' AND (@config IS NULL OR config_id = @config)
                  AND (@key IS NULL OR day_key = @key))`,
    )
    .pluck();
  const params = { config: only.configId ?? null, start: only.day?.start ?? null, key: only.day?.key ?? null };
  return () => statement.get(params) as number;
}
