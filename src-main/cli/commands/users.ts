import { Command, Option } from 'commander';
import { USER_LIMIT_BEHAVIOURS, type UserDto, type UserPatch, type UserQuotaUse } from '@contract';
import { formatInteger, formatUsd } from '@shared/display-format';
import { formatQuotaUse } from '@shared/quota-format';
import type { CliContext } from '../context';
import { formatTable, writeJson, writeLine } from '../io';

interface QuotaFlags {
  dailyTokens?: string;
  monthlyTokens?: string;
  dailyCost?: string;
  monthlyCost?: string;
  onLimit?: UserPatch['onLimit'];
}

function quotaOptions(cmd: Command): Command {
  return cmd
    .option('--daily-tokens <n>', 'daily token quota (0 removes it)')
    .option('--monthly-tokens <n>', 'monthly token quota (0 removes it)')
    .option('--daily-cost <usd>', 'daily cost quota in USD (0 removes it)')
    .option('--monthly-cost <usd>', 'monthly cost quota in USD (0 removes it)')
    .addOption(
      new Option(
        '--on-limit <behaviour>',
        'at a quota: block (refuse), queue (run when it resets), offline (built-in drafter)',
      ).choices(USER_LIMIT_BEHAVIOURS),
    );
}

function toPatch(flags: QuotaFlags, c: CliContext): UserPatch {
  const patch: UserPatch = {};
  const tokens = (value: string | undefined, flag: string): number | null | undefined => {
    if (value === undefined) return undefined;
    if (!/^\d+$/u.test(value)) c.fail(`${flag} must be a whole number`, 2);
    return Number(value) === 0 ? null : Number(value);
  };
  const usd = (value: string | undefined, flag: string): number | null | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0) c.fail(`${flag} must be an amount in USD, e.g. 2.50`, 2);
    return n === 0 ? null : n;
  };
  const set = <K extends keyof UserPatch>(key: K, value: UserPatch[K] | undefined) => {
    if (value !== undefined) patch[key] = value;
  };
  set('dailyTokens', tokens(flags.dailyTokens, '--daily-tokens'));
  set('monthlyTokens', tokens(flags.monthlyTokens, '--monthly-tokens'));
  set('dailyCostUsd', usd(flags.dailyCost, '--daily-cost'));
  set('monthlyCostUsd', usd(flags.monthlyCost, '--monthly-cost'));
  set('onLimit', flags.onLimit);
  return patch;
}

const orNone = <T>(value: T | null, format: (v: T) => string): string => (value === null ? '-' : format(value));

function userRows(users: readonly UserDto[]): string[][] {
  return [
    ['USER', 'DAILY TOKENS', 'MONTHLY TOKENS', 'DAILY COST', 'MONTHLY COST', 'AT QUOTA'],
    ...users.map((u) => [
      u.name,
      orNone(u.dailyTokens, formatInteger),
      orNone(u.monthlyTokens, formatInteger),
      orNone(u.dailyCostUsd, formatUsd),
      orNone(u.monthlyCostUsd, formatUsd),
      u.onLimit,
    ]),
  ];
}

/** Each user's use today and this month against their quotas (`usage stats --by user` prints it too). */
export function quotaTable(quotas: readonly UserQuotaUse[]): string {
  return formatTable([
    ['USER', 'TOKENS TODAY', 'TOKENS THIS MONTH', 'COST TODAY', 'COST THIS MONTH', 'AT QUOTA'],
    ...quotas.map((q) => [
      q.known ? q.user : `${q.user} (not in the user list)`,
      formatQuotaUse(q.dayTokens, 'tokens'),
      formatQuotaUse(q.monthTokens, 'tokens'),
      formatQuotaUse(q.dayCostUsd, 'usd'),
      formatQuotaUse(q.monthCostUsd, 'usd'),
      q.onLimit ?? '-',
    ]),
  ]);
}

export function usersCommand(ctx: () => CliContext): Command {
  const cmd = new Command('users').description(
    'the users (recruiter profiles) the admin manages, and their token and cost quotas',
  );

  cmd
    .command('list')
    .description('users, their quotas, and their use today and this month (--json: { users, quotas })')
    .action(async () => {
      const c = ctx();
      const users = await c.call('users:list', {});
      const quotas = await c.call('users:quotas', {});
      if (c.json) return writeJson(c.io, { users, quotas });
      if (users.length === 0)
        writeLine(
          c.io.stdout,
          'No users yet: everyone acts as their OS user, without quotas. Add one with `aditus users add NAME`.',
        );
      else writeLine(c.io.stdout, formatTable(userRows(users)));
      if (quotas.length > 0) writeLine(c.io.stdout, `\n${quotaTable(quotas)}`);
    });

  quotaOptions(cmd.command('add').argument('<name>', 'user name (e.g. the OS user name)'))
    .description('add a user, with optional quotas (admin)')
    .action(async (name: string, flags: QuotaFlags) => {
      const c = ctx();
      const patch = toPatch(flags, c);
      const user = await c.call('users:add', { name, ...patch });
      if (c.json) return writeJson(c.io, user);
      writeLine(c.io.stdout, `Added user ${user.name}.`);
    });

  quotaOptions(cmd.command('update').argument('<name>', 'user name'))
    .description("change a user's quotas (admin; 0 removes a quota)")
    .action(async (name: string, flags: QuotaFlags) => {
      const c = ctx();
      const patch = toPatch(flags, c);
      if (Object.keys(patch).length === 0) c.fail('nothing to change: give at least one quota option', 2);
      const user = await c.call('users:update', { name, patch });
      if (c.json) return writeJson(c.io, user);
      writeLine(c.io.stdout, `Updated user ${user.name}.`);
    });

  cmd
    .command('remove')
    .argument('<name>', 'user name')
    .description('remove a user from the list (admin; their usage stays in the ledger)')
    .action(async (name: string) => {
      const c = ctx();
      const result = await c.call('users:remove', { name });
      if (c.json) return writeJson(c.io, result);
      writeLine(c.io.stdout, `Removed user ${name}.`);
    });

  return cmd;
}
