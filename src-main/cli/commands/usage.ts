import { Command, Option } from 'commander';
import { GROUP_BYS, type StatsRowDto } from '@contract';
import type { CliContext } from '../context';
import { formatTable, writeJson, writeLine } from '../io';
import { quotaTable } from './users';

const DAY = 86_400_000;

function parseDate(value: string | undefined, flag: string, c: CliContext, endOfDay: boolean): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  const ms = m
    ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime() + (endOfDay ? DAY : 0)
    : Date.parse(value);
  if (!Number.isFinite(ms)) c.fail(`${flag} must be a date like 2026-11-01`, 2);
  return ms;
}

const usd = (n: number) => `$${n.toFixed(n < 1 ? 4 : 2)}`;

function row(r: StatsRowDto, by: string): string[] {
  const key =
    by === 'day' || by === 'hour' ? new Date(Number(r.key)).toISOString().slice(0, by === 'day' ? 10 : 13) : r.key;
  return [
    key,
    String(r.calls),
    String(r.errors),
    `${(r.errorRate * 100).toFixed(1)}%`,
    String(r.inputTokens),
    String(r.outputTokens),
    String(r.cachedInputTokens),
    usd(r.costUsd) + (r.unpricedCalls ? ` (+${r.unpricedCalls} unpriced)` : ''),
    r.latencyP50Ms === null ? '-' : `${r.latencyP50Ms}`,
    r.latencyP95Ms === null ? '-' : `${r.latencyP95Ms}`,
  ];
}

export function usageCommand(ctx: () => CliContext): Command {
  const cmd = new Command('usage').description('usage and cost, from the local usage log');

  cmd
    .command('stats')
    .description('totals and groups over a date range (default: the last 30 days)')
    .option('--from <date>', 'first day (YYYY-MM-DD, local time)')
    .option('--to <date>', 'last day, inclusive (YYYY-MM-DD)')
    .addOption(new Option('--by <group>', 'group by').choices(GROUP_BYS).default('provider'))
    .action(async (flags: { from?: string; to?: string; by: (typeof GROUP_BYS)[number] }) => {
      const c = ctx();
      const to = parseDate(flags.to, '--to', c, true) ?? Date.now() + 1;
      const from = parseDate(flags.from, '--from', c, false) ?? to - 30 * DAY;
      const stats = await c.call('usage:stats', { from, to, by: flags.by });
      // By user: each user's use today and this month against their quotas too.
      const quotas = flags.by === 'user' ? await c.call('users:quotas', {}) : null;
      if (c.json) return writeJson(c.io, quotas ? { ...stats, quotas } : stats);
      const header = [
        flags.by.toUpperCase(),
        'CALLS',
        'ERRORS',
        'ERR%',
        'IN',
        'OUT',
        'CACHED',
        'COST',
        'P50ms',
        'P95ms',
      ];
      writeLine(
        c.io.stdout,
        formatTable([header, ...stats.groups.map((g) => row(g, flags.by)), row(stats.totals, 'total')]),
      );
      if (quotas) writeLine(c.io.stdout, `\nAgainst quotas (today and this month):\n${quotaTable(quotas)}`);
    });

  cmd
    .command('events')
    .description('the latest usage events, one per attempt')
    .option('--limit <n>', 'how many', '20')
    .action(async (flags: { limit: string }) => {
      const c = ctx();
      const events = await c.call('usage:events', { limit: Number(flags.limit) });
      if (c.json) return writeJson(c.io, events);
      writeLine(
        c.io.stdout,
        formatTable([
          ['TIME', 'REQUEST', '#', 'USER', 'PROVIDER', 'MODEL', 'TASK', 'STATUS', 'IN', 'OUT', 'COST', 'MS'],
          ...events.map((e) => [
            new Date(e.createdAt).toISOString().slice(0, 19),
            e.requestId.slice(0, 8),
            String(e.attempt),
            e.userId,
            e.providerName,
            e.model,
            e.task,
            e.status === 'ok' ? 'ok' : `error:${e.errorClass ?? '?'}`,
            `${e.inputTokens}${e.estimated ? '~' : ''}`,
            `${e.outputTokens}${e.estimated ? '~' : ''}`,
            e.costUsd === null ? (e.status === 'ok' ? 'unpriced' : '-') : usd(e.costUsd),
            String(e.latencyMs),
          ]),
        ]),
      );
    });

  cmd
    .command('export')
    .description('all usage events as CSV or JSON lines on stdout')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'jsonl']).default('csv'))
    .option('--from <date>', 'first day (YYYY-MM-DD)')
    .option('--to <date>', 'last day, inclusive')
    .action(async (flags: { format: 'csv' | 'jsonl'; from?: string; to?: string }) => {
      const c = ctx();
      const from = parseDate(flags.from, '--from', c, false);
      const to = parseDate(flags.to, '--to', c, true);
      const { content } = await c.call('usage:export', {
        format: flags.format,
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
      });
      c.io.stdout.write(content);
    });

  return cmd;
}
