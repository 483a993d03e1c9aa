import type { Statement, Transaction } from 'better-sqlite3';
import type { DatabaseHandle } from '../db/client';
import { startOfHour, startOfLocalDay } from './periods';
import { addSums, emptySums, readSums, SUMS_SQL, type Sums } from './stats-sums';

/** All-time totals of the usage ledger for one provider type and task: what the Prometheus metrics report. */
export interface MetricGroup {
  providerKind: string;
  task: string;
  /** The rollup sums (stats-sums' layout: COUNT_COLUMNS, then the latency histogram buckets, and the error classes). */
  sums: Sums;
  latencySumMs: number;
}

type RawRow = readonly unknown[];

/** The hours before `before`, summed per provider type and task, as they stood when event `maxId` was the last. */
interface ClosedHours {
  before: number;
  maxId: number;
  groups: Map<string, MetricGroup>;
}

const keyOf = (providerKind: string, task: string): string => `${providerKind}\0${task}`;

function addInto(groups: Map<string, MetricGroup>, rows: readonly RawRow[]): Map<string, MetricGroup> {
  for (const r of rows) {
    const providerKind = String(r[0]);
    const task = String(r[1]);
    const key = keyOf(providerKind, task);
    const group = groups.get(key) ?? { providerKind, task, sums: emptySums(), latencySumMs: 0 };
    addSums(group.sums, readSums(r, 3));
    group.latencySumMs += Number(r[2] ?? 0);
    groups.set(key, group);
  }
  return groups;
}

function copyOf(groups: Map<string, MetricGroup>): Map<string, MetricGroup> {
  const copy = new Map<string, MetricGroup>();
  for (const [key, g] of groups)
    copy.set(key, { ...g, sums: addSums(emptySums(), g.sums), latencySumMs: g.latencySumMs });
  return copy;
}

/**
 * The ledger's all-time totals per provider type and task, read from the hourly rollups, which every
 * process writes in the same transaction as its usage events: so the app, the CLI and the exporter report
 * the same numbers, across restarts.
 *
 * A scrape adds up only the hours since the last one: the sums of the hours before the current one are kept,
 * and re-read in full only if an event landed in one of those hours since (a spilled event replayed by a
 * later start, or one committed just after its hour ended). Events are numbered in commit order, so the
 * events newer than the last scrape are the only ones to look at.
 */
export class MetricTotals {
  private readonly sumHours: Statement<[number, number]>;
  private readonly sumDaysBefore: Statement<[number]>;
  private readonly lastEventId: Statement<[]>;
  private readonly lateEvent: Statement<[number, number]>;
  private readonly readAll: Transaction<(now: number) => MetricGroup[]>;
  private closed: ClosedHours | null = null;

  constructor(store: DatabaseHandle) {
    const { sqlite } = store;
    this.sumHours = sqlite
      .prepare<[number, number]>(
        `SELECT provider_kind, task, sum(latency_sum_ms), ${SUMS_SQL} FROM usage_hourly
         WHERE bucket_start >= ? AND bucket_start < ? GROUP BY provider_kind, task`,
      )
      .raw();
    // `+bucket_start`: every day before today is read, so a plain scan beats walking the key's index.
    this.sumDaysBefore = sqlite
      .prepare<[number]>(
        `SELECT provider_kind, task, sum(latency_sum_ms), ${SUMS_SQL} FROM usage_daily_by_kind_task
         WHERE +bucket_start < ? GROUP BY provider_kind, task`,
      )
      .raw();
    this.lastEventId = sqlite.prepare<[]>('SELECT coalesce(max(id), 0) FROM usage_events').pluck();
    // `+created_at`: walk the events after the id (the few since the last scrape), not the created_at index.
    this.lateEvent = sqlite
      .prepare<[number, number]>('SELECT 1 FROM usage_events WHERE id > ? AND +created_at < ? LIMIT 1')
      .pluck();
    // One read transaction: the kept hours, the new ones and the event id all come from the same snapshot.
    this.readAll = sqlite.transaction((now: number) => this.readInSnapshot(now));
  }

  /** Every provider type and task with usage, in the order SQLite grouped them (kept hours first). */
  read(now: number): MetricGroup[] {
    return this.readAll.deferred(now);
  }

  private readInSnapshot(now: number): MetricGroup[] {
    const maxId = this.lastEventId.get() as number;
    const before = startOfHour(now);
    let closed = this.closed;
    if (closed && this.lateEvent.get(closed.maxId, closed.before) !== undefined) closed = null;
    if (!closed) {
      closed = { before, maxId, groups: this.allBefore(before) };
    } else if (before > closed.before) {
      closed = { before, maxId, groups: addInto(closed.groups, this.rows(closed.before, before)) };
    } else {
      closed = { ...closed, maxId };
    }
    this.closed = closed;
    const all = addInto(copyOf(closed.groups), this.rows(closed.before, Number.MAX_SAFE_INTEGER));
    return [...all.values()];
  }

  /**
   * Every hour before `before`: the days before today from the per-type daily rollups (a few rows a day),
   * today's hours from the hourly ones. Where local midnight is not on an hour boundary (a half-hour time
   * zone), a day's events and its hours' are not the same set, so every hour is summed instead.
   */
  private allBefore(before: number): Map<string, MetricGroup> {
    const today = startOfLocalDay(before);
    if (today % 3_600_000 !== 0) return addInto(new Map(), this.rows(Number.MIN_SAFE_INTEGER, before));
    const days = addInto(new Map(), this.sumDaysBefore.all(today) as RawRow[]);
    return addInto(days, this.rows(today, before));
  }

  private rows(from: number, to: number): RawRow[] {
    return this.sumHours.all(from, to) as RawRow[];
  }
}
