import { Command, Option } from 'commander';
import {
  LIMIT_BEHAVIOURS,
  PROVIDER_KINDS,
  PROVIDER_REGIONS,
  TASKS,
  type ConfigTestResult,
  type ProviderConfigInput,
  type Task,
} from '@contract';
import { formatInteger, formatUsd } from '@shared/display-format';
import { formatProbeEvery } from '@shared/probe-interval';
import type { CliContext } from '../context';
import { CliExit, formatTable, writeJson, writeLine } from '../io';
import { promptHidden } from '../prompt';
import { useCells, withUse, type ProviderWithUse } from '../provider-use';
import { addHealthCommand, probeEveryFlag } from './provider-health';
import { addTransferCommands } from './provider-transfer';

interface ConfigFlags {
  name?: string;
  kind?: string;
  model?: string;
  baseUrl?: string;
  keyStdin?: boolean;
  tasks?: string;
  priority?: string;
  default?: boolean;
  inactive?: boolean;
  active?: boolean;
  dailyTokens?: string;
  monthlyTokens?: string;
  monthlyCostUsd?: string;
  onLimit?: string;
  timeoutMs?: string;
  maxOutputTokens?: string;
  region?: string;
  dataRetention?: string;
  personalData?: string;
  piiMasking?: string;
  probeEvery?: string;
  test?: boolean;
}

function configOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--kind <kind>', 'provider type').choices(PROVIDER_KINDS))
    .option('--model <model>', 'model id, e.g. gpt-4.1-mini')
    .option('--base-url <url>', 'API base URL (local servers, proxies)')
    .option('--key-stdin', 'read the API key from stdin (otherwise a hidden prompt when a key is needed)')
    .option('--tasks <list>', `comma-separated: ${TASKS.join(',')}`)
    .option('--priority <n>', 'lower runs first after the default')
    .option('--default', 'try this provider first for its tasks')
    .option('--inactive', 'keep the config but do not route to it')
    .option('--daily-tokens <n>', 'daily token limit')
    .option('--monthly-tokens <n>', 'monthly token limit')
    .option('--monthly-cost-usd <x>', 'monthly cost limit in USD')
    .addOption(new Option('--on-limit <behaviour>', 'what happens at a limit').choices(LIMIT_BEHAVIOURS))
    .option('--timeout-ms <n>', 'request timeout')
    .option('--max-output-tokens <n>', 'max output tokens per call')
    .addOption(
      new Option('--region <region>', 'where it processes data (local: stays on this machine or network)').choices(
        PROVIDER_REGIONS,
      ),
    )
    .option('--data-retention <text>', 'how long the provider keeps what it is sent, e.g. "30 days" ("" clears)')
    .addOption(new Option('--personal-data <yes|no>', "may receive candidates' personal data").choices(['yes', 'no']))
    .addOption(
      new Option(
        '--pii-masking <on|off>',
        'mask candidate identifiers before sending (default: on unless local)',
      ).choices(['on', 'off']),
    )
    .option(
      '--probe-every <every>',
      'health probes (a models call, no tokens) by the desktop app and web host: 1m…1d, e.g. 5m, or off (default)',
    );
}

function int(value: string | undefined, flag: string, ctx: CliContext): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/u.test(value)) ctx.fail(`${flag} must be a whole number`, 2);
  return Number(value);
}

function toPatch(flags: ConfigFlags, ctx: CliContext): Partial<ProviderConfigInput> {
  const patch: Partial<ProviderConfigInput> = {};
  if (flags.kind) patch.kind = flags.kind as ProviderConfigInput['kind'];
  if (flags.model) patch.model = flags.model;
  if (flags.baseUrl !== undefined) patch.baseUrl = flags.baseUrl === '' ? null : flags.baseUrl;
  if (flags.tasks !== undefined) {
    const tasks = flags.tasks
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const unknown = tasks.filter((t) => !(TASKS as readonly string[]).includes(t));
    if (unknown.length) ctx.fail(`unknown task(s): ${unknown.join(', ')} (known: ${TASKS.join(', ')})`, 2);
    patch.tasks = tasks as Task[];
  }
  const priority = int(flags.priority, '--priority', ctx);
  if (priority !== undefined) patch.priority = priority;
  if (flags.default !== undefined) patch.isDefault = flags.default;
  if (flags.inactive) patch.active = false;
  if (flags.active) patch.active = true;
  const daily = int(flags.dailyTokens, '--daily-tokens', ctx);
  if (daily !== undefined) patch.dailyTokenLimit = daily === 0 ? null : daily;
  const monthly = int(flags.monthlyTokens, '--monthly-tokens', ctx);
  if (monthly !== undefined) patch.monthlyTokenLimit = monthly === 0 ? null : monthly;
  if (flags.monthlyCostUsd !== undefined) {
    const usd = Number(flags.monthlyCostUsd);
    if (!Number.isFinite(usd) || usd < 0) ctx.fail('--monthly-cost-usd must be a positive number', 2);
    patch.monthlyCostLimitUsd = usd === 0 ? null : usd;
  }
  if (flags.onLimit) patch.onLimit = flags.onLimit as ProviderConfigInput['onLimit'];
  const timeout = int(flags.timeoutMs, '--timeout-ms', ctx);
  if (timeout !== undefined) patch.timeoutMs = timeout;
  const maxOut = int(flags.maxOutputTokens, '--max-output-tokens', ctx);
  if (maxOut !== undefined) patch.maxOutputTokens = maxOut;
  if (flags.region) patch.region = flags.region as ProviderConfigInput['region'];
  if (flags.dataRetention !== undefined)
    patch.dataRetention = flags.dataRetention.trim() === '' ? null : flags.dataRetention.trim();
  if (flags.personalData) patch.personalData = flags.personalData === 'yes';
  if (flags.piiMasking) patch.piiMasking = flags.piiMasking === 'on';
  return patch;
}

async function readKey(ctx: CliContext, flags: ConfigFlags, needed: boolean): Promise<string | undefined> {
  if (!flags.keyStdin && !(needed && ctx.io.stdin.isTTY)) return undefined;
  const key = (await promptHidden(ctx.io, 'API key (input hidden): ')).trim();
  if (!key && flags.keyStdin) ctx.fail('--key-stdin was given but stdin was empty', 2);
  return key || undefined;
}

function describe(p: ProviderWithUse): string[] {
  const needsKey = !p.hasKey && p.kind !== 'openai-compatible';
  const status = [
    p.active ? 'active' : 'inactive',
    p.isDefault ? 'default' : '',
    p.keyInvalid ? 'KEY INVALID' : '',
    needsKey ? 'NEEDS KEY' : '',
  ]
    .filter(Boolean)
    .join(',');
  return [
    p.name,
    p.kind,
    p.model,
    p.tasks.join(',') || '-',
    String(p.priority),
    status,
    p.keyHint ? `…${p.keyHint}` : '-',
    ...useCells(p),
  ];
}

function testedLine(t: ConfigTestResult): string {
  return `Test OK: ${t.message.replace(/\.$/u, '')} (${t.modelCount ?? 0} models listed, ${t.latencyMs} ms; no tokens spent).`;
}

const orNone = (v: number | null, format: (n: number) => string) => (v === null ? 'none' : format(v));

/** `providers show`: one line a setting. */
function details(p: ProviderWithUse): string[][] {
  const [today = '', month = '', cost = ''] = useCells(p);
  return [
    ['name', p.name],
    ['kind', p.kind],
    ['model', p.model],
    ['base URL', p.baseUrl ?? '(vendor default)'],
    ['tasks', p.tasks.join(', ') || '-'],
    ['priority', String(p.priority)],
    ['status', [p.active ? 'active' : 'inactive', p.isDefault ? 'default' : ''].filter(Boolean).join(', ')],
    [
      'key',
      p.hasKey
        ? `stored in the OS keychain (…${p.keyHint ?? ''}, set ${new Date(p.keySetAt ?? 0).toISOString().slice(0, 10)})${p.keyInvalid ? ', REJECTED by the provider' : ''}`
        : 'none stored',
    ],
    ['daily token limit', orNone(p.dailyTokenLimit, formatInteger)],
    ['monthly token limit', orNone(p.monthlyTokenLimit, formatInteger)],
    ['monthly cost limit', orNone(p.monthlyCostLimitUsd, formatUsd)],
    ['at a limit', p.onLimit],
    ['timeout', `${p.timeoutMs / 1000} s`],
    ['max output tokens', formatInteger(p.maxOutputTokens)],
    ['region', p.region],
    ['data retention', p.dataRetention ?? 'not recorded'],
    ['personal data', p.personalData ? 'may receive' : 'never sent'],
    ['PII masking', p.piiMasking ? 'on' : 'off'],
    ['tokens today', today],
    ['tokens this month', month],
    ['cost this month', cost],
  ];
}

export function providersCommand(ctx: () => CliContext): Command {
  const cmd = new Command('providers').description('manage AI provider configs (admin)');

  cmd
    .command('list')
    .description(
      'list provider configs (key hint only, never the key) with the tokens each used today and this month ' +
        '(against its limits) and its cost this month',
    )
    .action(async () => {
      const c = ctx();
      const configs = await c.call('providers:list', {});
      const health = await c.call('providers:health', {});
      const list = configs.map((config) => withUse(config, health));
      if (c.json) return writeJson(c.io, list);
      if (list.length === 0)
        return writeLine(c.io.stdout, 'No providers yet: drafting uses the built-in offline drafter.');
      writeLine(
        c.io.stdout,
        formatTable([
          ['NAME', 'KIND', 'MODEL', 'TASKS', 'PRIO', 'STATUS', 'KEY', 'TODAY', 'MONTH', 'MONTH COST'],
          ...list.map(describe),
        ]),
      );
    });

  cmd
    .command('show <name>')
    .description(
      'one provider config: settings, key hint and whether a key is stored (never the key), ' +
        "tokens used today and this month against its limits, the month's cost",
    )
    .action(async (name: string) => {
      const c = ctx();
      const config = await c.call('providers:get', { name });
      const shown = withUse(config, await c.call('providers:health', {}));
      if (c.json) return writeJson(c.io, shown);
      writeLine(c.io.stdout, formatTable(details(shown)));
    });

  configOptions(
    cmd
      .command('add')
      .description('add a provider config')
      .requiredOption('--name <name>', 'unique name')
      .option(
        '--test',
        'first test the settings and key by listing the models (no tokens spent); save only if the key is ' +
          'accepted and the model is offered (exit 1 otherwise, nothing saved)',
      ),
  ).action(async (flags: ConfigFlags) => {
    const c = ctx();
    const patch = toPatch(flags, c);
    const { kind, model } = patch;
    if (!kind || !model) return c.fail('--kind and --model are required', 2);
    const probeEvery = probeEveryFlag(flags.probeEvery, c);
    const apiKey = await readKey(c, flags, kind !== 'openai-compatible');
    if (flags.test) {
      const connection = {
        kind,
        model,
        baseUrl: patch.baseUrl ?? null,
        ...(patch.timeoutMs !== undefined ? { timeoutMs: patch.timeoutMs } : {}),
      };
      const tested = await c.call('providers:test-config', { connection, ...(apiKey ? { apiKey } : {}) });
      if (!tested.ok) {
        if (c.json) writeJson(c.io, { saved: false, test: tested });
        else writeLine(c.io.stderr, `aditus: not saved: ${tested.message}`);
        throw new CliExit(1);
      }
      if (!c.json) writeLine(c.io.stdout, testedLine(tested));
    }
    const created = await c.call('providers:create', {
      config: { ...patch, name: flags.name ?? '', kind, model },
      ...(apiKey ? { apiKey } : {}),
    });
    if (probeEvery !== undefined) await c.call('providers:set-probe', { name: created.name, everyMs: probeEvery });
    if (c.json) return writeJson(c.io, created);
    writeLine(
      c.io.stdout,
      `Added ${created.name} (${created.kind}, ${created.model})${created.keyHint ? `, key …${created.keyHint} in the OS keychain` : ''}.`,
    );
  });

  configOptions(
    cmd
      .command('update <name>')
      .description('change a provider config')
      .option('--name <new>', 'rename')
      .option('--no-default', 'no longer try it first')
      .option('--active', 'route to it again'),
  ).action(async (name: string, flags: ConfigFlags) => {
    const c = ctx();
    const patch = toPatch(flags, c);
    if (flags.name) patch.name = flags.name;
    const probeEvery = probeEveryFlag(flags.probeEvery, c);
    const apiKey = await readKey(c, flags, false);
    const onlyProbe = probeEvery !== undefined && Object.keys(patch).length === 0 && !apiKey;
    const updated = onlyProbe
      ? await c.call('providers:get', { name })
      : await c.call('providers:update', { name, patch, ...(apiKey ? { apiKey } : {}) });
    const probe =
      probeEvery === undefined
        ? null
        : await c.call('providers:set-probe', { name: updated.name, everyMs: probeEvery });
    if (c.json) return writeJson(c.io, probe ? { ...updated, probeEveryMs: probe.probeEveryMs } : updated);
    const probeText = probe
      ? `; health probes ${probe.probeEveryMs === null ? 'off' : `every ${formatProbeEvery(probe.probeEveryMs)}`}`
      : '';
    writeLine(c.io.stdout, `Updated ${updated.name}${probeText}.`);
  });

  cmd
    .command('remove <name>')
    .description('delete a provider config and its keychain entry')
    .action(async (name: string) => {
      const c = ctx();
      const { removed } = await c.call('providers:remove', { name });
      if (c.json) return writeJson(c.io, { removed });
      if (!removed) c.fail(`no provider named "${name}"`);
      writeLine(c.io.stdout, `Removed ${name} and its key.`);
    });

  cmd
    .command('test <name>')
    .description('check the stored key with an authenticated call')
    .action(async (name: string) => {
      const c = ctx();
      const result = await c.call('providers:test', { name });
      if (c.json) writeJson(c.io, result);
      else if (result.ok) writeLine(c.io.stdout, `OK: ${name} (${result.model}) answered in ${result.latencyMs} ms.`);
      else writeLine(c.io.stderr, `aditus: ${result.message}`);
      if (!result.ok) throw new CliExit(1);
    });

  cmd
    .command('models <name>')
    .description("list the provider's models")
    .action(async (name: string) => {
      const c = ctx();
      const models = await c.call('providers:models', { name });
      if (c.json) return writeJson(c.io, models);
      for (const m of models) writeLine(c.io.stdout, m.displayName ? `${m.id}  (${m.displayName})` : m.id);
    });

  addHealthCommand(cmd, ctx);
  addTransferCommands(cmd, ctx);
  return cmd;
}
