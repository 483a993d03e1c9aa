import { routeReasonSchema, type RouteReason, type UsageEventDto } from '@contract';
import type { DatabaseHandle } from '../db/client';
import { microsToUsd } from './money';

const COLUMNS = `id, request_id AS requestId, attempt, provider_name AS providerName, provider_kind AS providerKind, model,
  task, user_id AS userId, status, error_class AS errorClass, input_tokens AS inputTokens, output_tokens AS outputTokens,
  cached_input_tokens AS cachedInputTokens, estimated, cost_micros AS costMicros, price_version AS priceVersion,
  latency_ms AS latencyMs, ttft_ms AS ttftMs, fallback, route_reason AS routeReason, created_at AS createdAt`;

type Raw = Omit<UsageEventDto, 'estimated' | 'fallback' | 'costUsd' | 'routeReason'> & {
  estimated: number;
  fallback: number;
  costMicros: number | null;
  routeReason: string | null;
};

function parseRouteReason(json: string | null): RouteReason | null {
  if (json === null) return null;
  try {
    const parsed = routeReasonSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const toDto = ({ costMicros, estimated, fallback, routeReason, ...rest }: Raw): UsageEventDto => ({
  ...rest,
  estimated: estimated === 1,
  fallback: fallback === 1,
  costUsd: costMicros === null ? null : microsToUsd(costMicros),
  routeReason: parseRouteReason(routeReason),
});

/** The CSV's columns: its time as ISO 8601 (UTC) for people and spreadsheets, then as epoch ms, then the event. */
const CSV_COLUMNS: [string, (e: UsageEventDto) => unknown][] = [
  ['createdAt', (e) => new Date(e.createdAt).toISOString()],
  ['createdAtMs', (e) => e.createdAt],
  ...(
    [
      'requestId',
      'attempt',
      'providerName',
      'providerKind',
      'model',
      'task',
      'userId',
      'status',
      'errorClass',
      'inputTokens',
      'outputTokens',
      'cachedInputTokens',
      'estimated',
      'costUsd',
      'priceVersion',
      'latencyMs',
      'ttftMs',
      'fallback',
    ] satisfies (keyof UsageEventDto)[]
  ).map((field): [string, (e: UsageEventDto) => unknown] => [field, (e) => e[field]]),
  ['routeStrategy', (e) => e.routeReason?.strategy ?? null],
  ['routeReason', (e) => (e.routeReason ? JSON.stringify(e.routeReason) : null)],
];

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // Quote, and defuse spreadsheet formulas (CSV injection) in text cells.
  const safe = /^[=+\-@\t\r]/u.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

/** Raw usage events: the latest ones for the UI and CLI, and exports. */
export class RawUsageEvents {
  constructor(private readonly store: DatabaseHandle) {}

  latest(limit: number): UsageEventDto[] {
    return (
      this.store.sqlite.prepare(`SELECT ${COLUMNS} FROM usage_events ORDER BY id DESC LIMIT ?`).all(limit) as Raw[]
    ).map(toDto);
  }

  *range(from = 0, to = Number.MAX_SAFE_INTEGER): Generator<UsageEventDto> {
    const rows = this.store.sqlite
      .prepare(`SELECT ${COLUMNS} FROM usage_events WHERE created_at >= ? AND created_at < ? ORDER BY id`)
      .iterate(from, to) as IterableIterator<Raw>;
    for (const row of rows) yield toDto(row);
  }

  export(format: 'csv' | 'jsonl', from?: number, to?: number): string {
    const lines: string[] = format === 'csv' ? [CSV_COLUMNS.map(([name]) => name).join(',')] : [];
    for (const e of this.range(from, to))
      lines.push(format === 'csv' ? CSV_COLUMNS.map(([, value]) => csvCell(value(e))).join(',') : JSON.stringify(e));
    return lines.join('\n') + '\n';
  }
}
