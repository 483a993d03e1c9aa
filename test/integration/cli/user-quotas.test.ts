import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRowDto, StatsDto, UsageEventDto, UserQuotaUse } from '@contract';
import { formatDateTime } from '@shared/display-format';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { osUserName } from '../../../src-main/os-user';
import { MemorySecretStore } from '../../../src-main/secrets/memory-store';
import { nextLocalMidnight } from '../../../src-main/usage/periods';
import { startEmulator, type Emulator } from '../../emulator';
import { adminLoginOverCli, cli } from '../../helpers/cli';
import { ex } from '../../helpers/examples';
import { tempDir } from '../../helpers/temp';

const JOB = ex('job-backend.txt');
const FIELDS = JSON.stringify(extractJobFieldsOffline(readFileSync(JOB, 'utf8')));
const num = (text: string) => Number(text.replace(/,/gu, ''));

// Per-user quotas through the real CLI: the admin manages users, `--user NAME` acts as one, quotas refuse
// with what was used, the limit and the reset, never overshoot under concurrent calls, and `usage stats --by user`
// shows the same numbers as the events.
describe('aditus users and per-user quotas', () => {
  const data = tempDir();
  const secrets = new MemorySecretStore();
  let emulator: Emulator;
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => cli(['--data-dir', data.dir, ...args], { secrets, env });
  const extractAs = (user: string) => run(['--user', user, 'extract', JOB]);
  const events = async (): Promise<UsageEventDto[]> => {
    const r = await run(['usage', 'events', '--limit', '1000', '--json']);
    expect(r.code, r.stderr).toBe(0);
    return r.json<UsageEventDto[]>();
  };
  const tokensOf = (list: UsageEventDto[], user: string) =>
    list.filter((e) => e.userId === user).reduce((sum, e) => sum + e.inputTokens + e.outputTokens, 0);
  const quotaOf = async (user: string): Promise<UserQuotaUse> => {
    const r = await run(['usage', 'stats', '--by', 'user', '--json']);
    expect(r.code, r.stderr).toBe(0);
    return r.json<StatsDto & { quotas: UserQuotaUse[] }>().quotas.find((q) => q.user === user)!;
  };
  /** The worst case the router reserves for one extraction (input estimate + max output), read from a refusal. */
  let worstCase = 0;

  beforeAll(async () => {
    emulator = await startEmulator({ openMode: true });
    await adminLoginOverCli(run);
    const add = await run([
      'providers',
      'add',
      '--name',
      'gpt',
      '--kind',
      'openai-compatible',
      '--model',
      'gpt-4o-mini',
      '--base-url',
      `${emulator.url}/v1`,
      '--tasks',
      'extraction',
      '--max-output-tokens',
      '300',
    ]);
    expect(add.code, add.stderr).toBe(0);
  }, 90_000);
  afterAll(async () => {
    await run(['admin', 'logout']);
    await emulator.close();
    data.cleanup();
  });

  it('with no users, the OS user works without quotas; `--user` with another name is a clear error', async () => {
    const list = await run(['users', 'list']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/No users yet/u);

    emulator.pushReplies({ text: FIELDS, usage: { input: 100, output: 20 } });
    const own = await run(['extract', JOB]);
    expect(own.code, own.stderr).toBe(0);

    const ghost = await extractAs('ghost');
    expect(ghost.code).toBe(2);
    expect(ghost.stderr).toMatch(/unknown user "ghost" \(--user\): no users are set up yet/u);
  });

  it('admin adds a user with a quota (audited by name); a call over it is refused with use, limit and reset, nothing sent', async () => {
    const add = await run(['users', 'add', 'alice', '--daily-tokens', '3000', '--on-limit', 'block']);
    expect(add.code, add.stderr).toBe(0);
    const audit = await run(['audit', 'list', '--action', 'user.', '--json']);
    expect(audit.json<AuditRowDto[]>()[0]).toMatchObject({ action: 'user.add', target: 'alice' });

    emulator.pushReplies({ text: FIELDS, usage: { input: 1_500, output: 301 } });
    const first = await extractAs('alice');
    expect(first.code, first.stderr).toBe(0);

    const sent = emulator.requests().length;
    const second = await extractAs('alice');
    expect(second.code).toBe(1);
    const why =
      /User alice is over the daily token quota: 1,801 of 3,000 used today; this call may use up to ([\d,]+) tokens; resets (.+?)\./u.exec(
        second.stderr,
      );
    expect(why, second.stderr).not.toBeNull();
    worstCase = num(why![1]!);
    expect(1_801 + worstCase).toBeGreaterThan(3_000);
    expect(why![2]).toBe(formatDateTime(nextLocalMidnight(Date.now())));
    expect(emulator.requests().length).toBe(sent);

    const list = await run(['users', 'list']);
    expect(list.stdout).toMatch(/^alice\s+3,000\s+-\s+-\s+-\s+block$/mu);
    expect(list.stdout).toMatch(/^alice\s+1,801 \/ 3,000 \(60%\)\s+1,801\s+\$/mu);
  });

  it('once users are managed, an unknown --user and an OS user not in the list are refused', async () => {
    const ghost = await extractAs('ghost');
    expect(ghost.code).toBe(2);
    expect(ghost.stderr).toMatch(/unknown user "ghost" \(--user\): the users are alice/u);

    const sent = emulator.requests().length;
    const own = await run(['extract', JOB]);
    expect(own.code).toBe(1);
    expect(own.stderr).toContain(`Unknown user "${osUserName()}"`);
    expect(emulator.requests().length).toBe(sent);
  });

  it('`--on-limit offline`: over the quota, the built-in extractor answers and nothing is sent', async () => {
    const update = await run(['users', 'update', 'alice', '--on-limit', 'offline']);
    expect(update.code, update.stderr).toBe(0);
    const audit = await run(['audit', 'list', '--action', 'user.', '--json']);
    expect(audit.json<AuditRowDto[]>()[0]).toMatchObject({ action: 'user.update', target: 'alice' });

    const sent = emulator.requests().length;
    const r = await extractAs('alice');
    expect(r.code, r.stderr).toBe(0);
    expect(r.json<{ offline: boolean; providerName: string | null }>()).toMatchObject({ offline: true });
    expect(emulator.requests().length).toBe(sent);
  });

  it('parallel calls as one user (each its own core, as separate processes) never use more than the quota', async () => {
    const quota = worstCase * 3;
    const add = await run(['users', 'add', 'bob', '--daily-tokens', String(quota)]);
    expect(add.code, add.stderr).toBe(0);
    const calls = 8;
    emulator.pushReplies(
      ...Array.from({ length: calls }, () => ({ text: FIELDS, usage: { input: worstCase - 400, output: 300 } })),
    );
    const sent = emulator.requests().length;

    const runs = await Promise.all(Array.from({ length: calls }, () => extractAs('bob')));
    const ok = runs.filter((r) => r.code === 0);
    const refused = runs.filter((r) => r.code !== 0);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const r of refused)
      expect(r.stderr).toMatch(/User bob is over the daily token quota: [\d,]+ of [\d,]+ used today/u);
    expect(emulator.requests().length - sent).toBe(ok.length);

    const used = tokensOf(await events(), 'bob');
    expect(used).toBe(ok.length * (worstCase - 100));
    expect(used).toBeLessThanOrEqual(quota);
    const q = await quotaOf('bob');
    expect(q.dayTokens).toEqual({ used, limit: quota, percent: Math.round((used / quota) * 1000) / 10 });
  });

  it('a daily cost quota with `--on-limit queue`: the extraction waits in the queue until the quota resets', async () => {
    const add = await run(['users', 'add', 'dave', '--daily-cost', '0.0001', '--on-limit', 'queue']);
    expect(add.code, add.stderr).toBe(0);
    const sent = emulator.requests().length;

    const r = await extractAs('dave');
    expect(r.code, r.stderr).toBe(0);
    // The reset it waits for is the user's quota's, not a provider's budget.
    expect(r.stderr).toContain(`resets at ${formatDateTime(nextLocalMidnight(Date.now()))}.`);
    expect(emulator.requests().length).toBe(sent);
    const queue = await run(['--json', 'queue', 'list']);
    const items = queue.json<{ task: string; status: string; nextAttemptAt: number }[]>();
    expect(items).toContainEqual(
      expect.objectContaining({ task: 'extraction', status: 'queued', nextAttemptAt: nextLocalMidnight(Date.now()) }),
    );
  });

  it('with `block`, the same cost quota refuses and names the cost, the quota and the reset', async () => {
    expect((await run(['users', 'update', 'dave', '--on-limit', 'block'])).code).toBe(0);
    const r = await extractAs('dave');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /User dave is over the daily cost quota: \$[\d.]+ of \$[\d.]+ used today; this call may cost up to \$[\d.]+; resets /u,
    );
  });

  it('`usage stats --by user` shows each user against their quota, the same numbers as the events', async () => {
    const list = await events();
    const today = new Date().toLocaleDateString('sv-SE');
    const r = await run(['usage', 'stats', '--by', 'user', '--from', today, '--to', today, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const stats = r.json<StatsDto & { quotas: UserQuotaUse[] }>();
    for (const user of ['alice', 'bob', osUserName()]) {
      const group = stats.groups.find((g) => g.key === user)!;
      expect(group.inputTokens + group.outputTokens).toBe(tokensOf(list, user));
      const quota = stats.quotas.find((q) => q.user === user)!;
      expect(quota.dayTokens.used).toBe(tokensOf(list, user));
      expect(quota.monthTokens.used).toBe(tokensOf(list, user));
    }
    expect(stats.quotas.find((q) => q.user === 'alice')).toMatchObject({
      known: true,
      dayTokens: { used: 1_801, limit: 3_000, percent: 60 },
      monthTokens: { used: 1_801, limit: null, percent: null },
    });
    expect(stats.quotas.find((q) => q.user === osUserName())).toMatchObject({ known: false, onLimit: null });

    const text = await run(['usage', 'stats', '--by', 'user', '--from', today, '--to', today]);
    expect(text.stdout).toMatch(/Against quotas \(today and this month\)/u);
    expect(text.stdout).toMatch(/^alice\s+1,801 \/ 3,000 \(60%\)\s+1,801\s+/mu);

    const csv = await run(['usage', 'export', '--format', 'csv']);
    const [header, ...rows] = csv.stdout.trim().split('\n');
    const userColumn = header!.split(',').indexOf('userId');
    expect(userColumn).toBeGreaterThan(-1);
    expect(rows.filter((row) => row.split(',')[userColumn] === 'alice')).toHaveLength(
      list.filter((e) => e.userId === 'alice').length,
    );
  });

  it('users remove takes the user off the list (audited); their usage stays', async () => {
    const r = await run(['users', 'remove', 'bob']);
    expect(r.code, r.stderr).toBe(0);
    const audit = await run(['audit', 'list', '--action', 'user.', '--json']);
    expect(audit.json<AuditRowDto[]>()[0]).toMatchObject({ action: 'user.remove', target: 'bob' });
    const q = await quotaOf('bob');
    expect(q).toMatchObject({ known: false });
    expect(q.dayTokens.used).toBeGreaterThan(0);
  });
});
