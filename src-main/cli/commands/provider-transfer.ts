import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Option, type Command } from 'commander';
import { ON_CONFLICT, type OnConflict, type TransferPlan } from '@contract';
import type { CliContext } from '../context';
import { formatTable, writeJson, writeLine } from '../io';
import { promptHidden } from '../prompt';

/** The environment variable a script can give the passphrase in (never a flag: argv shows in `ps`). */
export const PASSPHRASE_ENV = 'ADITUS_TRANSFER_PASSPHRASE';

interface PassphraseFlags {
  passphraseFile?: string;
}

function readPassphraseFile(c: CliContext, path: string): string {
  try {
    return readFileSync(path, 'utf8').replace(/\r?\n$/u, '');
  } catch (err) {
    return c.fail(`could not read the passphrase file ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`, 2);
  }
}

/** The passphrase from --passphrase-file, ADITUS_TRANSFER_PASSPHRASE or a hidden prompt (twice with `confirm`). */
async function passphrase(c: CliContext, flags: PassphraseFlags, confirm: boolean): Promise<string> {
  if (flags.passphraseFile) return readPassphraseFile(c, flags.passphraseFile);
  const fromEnv = c.io.env[PASSPHRASE_ENV];
  if (fromEnv) return fromEnv;
  if (!c.io.stdin.isTTY)
    return c.fail(`give the passphrase with --passphrase-file FILE, ${PASSPHRASE_ENV}, or run in a terminal`, 2);
  const first = await promptHidden(c.io, 'Passphrase for the keys (input hidden): ');
  if (confirm && (await promptHidden(c.io, 'Repeat the passphrase: ')) !== first)
    return c.fail('the two passphrases differ', 2);
  return first;
}

/** Written next to the target and renamed over it: a failure leaves no half-written file. Readable by the owner only. */
function writeFileAtomically(path: string, content: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

const KEY_WORDS: Record<TransferPlan['providers'][number]['key'], string> = {
  imported: 'key imported',
  kept: 'key kept',
  needs_key: 'NEEDS A KEY',
  not_needed: 'no key needed',
  encrypted: 'key encrypted',
  unchanged: '-',
};
const ACTION_WORDS = { create: 'created', replace: 'replaced', skip: 'skipped (exists)' } as const;
const PREVIEW_WORDS = { create: 'would create', replace: 'would replace', skip: 'would skip (exists)' } as const;

function report(c: CliContext, plan: TransferPlan, done: boolean): void {
  const words = done ? ACTION_WORDS : PREVIEW_WORDS;
  if (plan.providers.length > 0)
    writeLine(
      c.io.stdout,
      formatTable([
        ['PROVIDER', 'KIND', 'MODEL', 'ACTION', 'KEY'],
        ...plan.providers.map((p) => [p.name, p.kind, p.model, words[p.action], KEY_WORDS[p.key]]),
      ]),
    );
  else writeLine(c.io.stdout, 'The file holds no providers.');
  writeLine(
    c.io.stdout,
    `Prices: ${plan.prices.changed.length} ${done ? 'updated' : 'to update'}, ${plan.prices.unchanged} already the same.`,
  );
  const settings = plan.settings.changed.length ? plan.settings.changed.join(', ') : 'none';
  writeLine(c.io.stdout, `Settings ${done ? 'changed' : 'to change'}: ${settings}.`);
  if (plan.settings.ignored.length)
    writeLine(c.io.stdout, `Settings this version does not know (left out): ${plan.settings.ignored.join(', ')}.`);
  const routing = plan.routing.map((r) => `${r.task} → ${r.strategy}`).join(', ') || 'none';
  writeLine(c.io.stdout, `Routing strategies ${done ? 'changed' : 'to change'}: ${routing}.`);
  const policies = plan.policies.map((p) => `${p.task} → ${p.allow}`).join(', ') || 'none';
  writeLine(c.io.stdout, `Task data policies ${done ? 'changed' : 'to change'}: ${policies}.`);
  const needKey = plan.providers.filter((p) => p.key === 'needs_key').map((p) => p.name);
  if (done && needKey.length)
    writeLine(c.io.stdout, `Add a key before use: aditus providers update NAME --key-stdin (${needKey.join(', ')}).`);
}

/** `aditus providers export` and `aditus providers import`: moving to another laptop. */
export function addTransferCommands(cmd: Command, ctx: () => CliContext): void {
  cmd
    .command('export')
    .description(
      "write provider configs (with region, retention, personal data, masking), prices, settings, each task's " +
        'routing strategy and data policy to a file for another laptop (candidate policies stay: they name ' +
        'candidates of this laptop); with --with-keys the API keys ' +
        `too, encrypted under a passphrase (--passphrase-file, ${PASSPHRASE_ENV} or a prompt)`,
    )
    .requiredOption('--out <file>', 'the file to write (readable by you only)')
    .option('--with-keys', 'include the API keys, encrypted (scrypt + AES-256-GCM) under a passphrase')
    .option('--passphrase-file <file>', 'read the passphrase from the first line of this file')
    .action(async (flags: PassphraseFlags & { out: string; withKeys?: boolean }) => {
      const c = ctx();
      if (flags.passphraseFile && !flags.withKeys) c.fail('--passphrase-file is for the keys: add --with-keys', 2);
      const secret = flags.withKeys ? await passphrase(c, flags, true) : undefined;
      const result = await c.call('providers:export', secret !== undefined ? { passphrase: secret } : {});
      try {
        writeFileAtomically(flags.out, result.content);
      } catch (err) {
        c.fail(`could not write ${flags.out}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      }
      const summary = { file: flags.out, providers: result.providers, keys: result.keys, prices: result.prices };
      if (c.json) return writeJson(c.io, { ...summary, missingKeys: result.missingKeys });
      writeLine(
        c.io.stdout,
        `Wrote ${flags.out}: ${result.providers} provider(s), ${result.prices} price(s), settings, routing, task data policies, ` +
          (flags.withKeys ? `${result.keys} key(s) encrypted under the passphrase.` : 'no keys (use --with-keys).'),
      );
      if (result.missingKeys.length)
        writeLine(
          c.io.stderr,
          `aditus: no key in the keychain for ${result.missingKeys.join(', ')}: exported without one`,
        );
    });

  cmd
    .command('import <file>')
    .description(
      'import a file from `providers export`: checked whole first (a damaged or foreign file, a wrong passphrase ' +
        'change nothing), then applied in one transaction, keys into the OS keychain',
    )
    .addOption(
      new Option('--on-conflict <what>', 'a provider whose name exists here').choices(ON_CONFLICT).default('skip'),
    )
    .option('--dry-run', 'only say what would be created, replaced or skipped')
    .option('--passphrase-file <file>', 'read the passphrase from the first line of this file')
    .action(async (file: string, flags: PassphraseFlags & { onConflict: OnConflict; dryRun?: boolean }) => {
      const c = ctx();
      let content: string;
      try {
        content = readFileSync(file, 'utf8');
      } catch (err) {
        return c.fail(`could not read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 2);
      }
      const request = { content, onConflict: flags.onConflict };
      const first = await c.call('providers:import-preview', request);
      // A dry run without any way to give the passphrase still shows the plan (keys shown as encrypted).
      const canAsk = Boolean(flags.passphraseFile || c.io.env[PASSPHRASE_ENV] || c.io.stdin.isTTY);
      const secret = first.keysIncluded && (canAsk || !flags.dryRun) ? await passphrase(c, flags, false) : undefined;
      const withSecret = secret !== undefined ? { ...request, passphrase: secret } : request;
      const plan = flags.dryRun
        ? await c.call('providers:import-preview', withSecret)
        : await c.call('providers:import', withSecret);
      if (c.json) return writeJson(c.io, { ...plan, applied: !flags.dryRun });
      report(c, plan, !flags.dryRun);
    });
}
