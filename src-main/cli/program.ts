import { Command, CommanderError } from 'commander';
import { APP_VERSION } from '../version';
import { isAppError } from '../errors';
import { redactKnownSecrets } from '../secrets/redaction';
import { adminCommand, auditCommand } from './commands/admin';
import { askCommand, metricsCommand, outboxCommand } from './commands/ask';
import { backupCommand, restoreCommand } from './commands/backup';
import { candidatesCommand } from './commands/candidates';
import { documentsCommand } from './commands/documents';
import { jobsCommand } from './commands/jobs';
import { draftCommand, extractCommand, validateCommand } from './commands/drafting';
import { infoCommand } from './commands/info';
import { pricesCommand } from './commands/prices';
import { routingCommand } from './commands/routing';
import { providersCommand } from './commands/providers';
import { policyCommand } from './commands/policy';
import { retentionCommand } from './commands/retention';
import { usageCommand } from './commands/usage';
import { usersCommand } from './commands/users';
import { serveCommand } from './commands/serve';
import { CliContext, type CliDeps, type GlobalOptions } from './context';
import { CliExit, writeJson, writeLine } from './io';
import { toErrorDto } from '../ipc/dispatch';

type CommandFactory = (ctx: () => CliContext) => Command;

/** The top-level commands by name, in the order help lists them. */
const COMMANDS: readonly (readonly [string, CommandFactory])[] = [
  ['info', infoCommand],
  ['providers', providersCommand],
  ['policy', policyCommand],
  ['serve', serveCommand],
  ['admin', adminCommand],
  ['audit', auditCommand],
  ['usage', usageCommand],
  ['users', usersCommand],
  ['prices', pricesCommand],
  ['routing', routingCommand],
  ['ask', askCommand],
  ['metrics', metricsCommand],
  ['queue', outboxCommand],
  ['candidates', candidatesCommand],
  ['jobs', jobsCommand],
  ['documents', documentsCommand],
  ['extract', extractCommand],
  ['draft', draftCommand],
  ['validate', validateCommand],
  ['backup', backupCommand],
  ['restore', restoreCommand],
  ['retention', retentionCommand],
];

/** The global options that take a value (`--data-dir DIR`, `--user NAME`). */
const GLOBAL_VALUE_OPTIONS = new Set(['--data-dir', '--user']);

/**
 * The top-level command `argv` runs (its first operand), or null when there is none, or help or the version is
 * asked for before it: then every command is built, for the full help and commander's "did you mean".
 */
export function commandNamed(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--' || arg === '-h' || arg === '--help' || arg === '-V' || arg === '--version') return null;
    if (GLOBAL_VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return null;
}

/**
 * The `aditus` program. Given the arguments, only the command they name is built (the others' trees, with
 * their options, cost every start to build); without them, or when they name none, every command is.
 */
export function buildProgram(deps: CliDeps, holder: { ctx: CliContext | null }, argv?: readonly string[]): Command {
  const program = new Command('aditus')
    .description('Aditus: tailored CVs and cover letters, offline-first, with the AI providers your admin manages.')
    .version(APP_VERSION)
    .option('--data-dir <dir>', 'data folder (env ADITUS_DATA_DIR; default: the desktop app’s folder)')
    .option('--json', 'machine output: the last line of stdout is one JSON value')
    .option('--user <name>', 'act as this user (a name from `aditus users list`; default: the OS user)')
    .addHelpText(
      'after',
      `\nExit code ${EXIT_USAGE_LOST}: the usage of an answered call could be neither recorded nor saved to usage-spill.jsonl.`,
    )
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => deps.io.stdout.write(s),
      writeErr: (s) => deps.io.stderr.write(s),
    });
  const ctx = () => (holder.ctx ??= new CliContext(deps, program.opts<GlobalOptions>()));
  const named = argv === undefined ? null : COMMANDS.find(([name]) => name === commandNamed(argv));
  for (const [, command] of named ? [named] : COMMANDS) program.addCommand(command(ctx));
  for (const sub of program.commands)
    applyToTree(sub, (c) => c.exitOverride().configureOutput(program.configureOutput()));
  return program;
}

function applyToTree(cmd: Command, fn: (c: Command) => void): void {
  fn(cmd);
  for (const sub of cmd.commands) applyToTree(sub, fn);
}

/**
 * Exit code when usage events of calls that were answered could be neither committed nor saved to the
 * spill file (the database locked or the disk full, and the spill file unwritable too).
 */
export const EXIT_USAGE_LOST = 75;

/** Runs one CLI invocation and returns its exit code (never calls process.exit itself). */
export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  const holder: { ctx: CliContext | null } = { ctx: null };
  const program = buildProgram(deps, holder, argv);
  const code = await runProgram(program, argv, deps);
  // Before exiting: commit the usage events still queued, or save them for the next start, and say so.
  const usage = holder.ctx?.close() ?? null;
  if (!usage) return code;
  const calls = (n: number) => `${n} call${n === 1 ? '' : 's'}`;
  if (usage.spilled > 0)
    writeLine(
      deps.io.stderr,
      `aditus: usage of ${calls(usage.spilled)} could not be written now; saved to ${usage.spillPath} and will be recorded at the next start`,
    );
  if (usage.lost > 0) {
    const why = usage.error instanceof Error ? usage.error.message : String(usage.error);
    writeLine(
      deps.io.stderr,
      `aditus: usage of ${calls(usage.lost)} could not be written nor saved to ${usage.spillPath} (${redactKnownSecrets(why)})`,
    );
    return EXIT_USAGE_LOST;
  }
  return code;
}

async function runProgram(program: Command, argv: string[], deps: CliDeps): Promise<number> {
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CliExit) return err.exitCode;
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    const message = redactKnownSecrets(err instanceof Error ? err.message : String(err));
    // A typed error raised outside a call (the store refused at open) keeps `--json`'s promise of one JSON value.
    if (isAppError(err) && program.opts<{ json?: boolean }>().json === true)
      writeJson(deps.io, { error: toErrorDto(err, () => undefined, redactKnownSecrets) });
    writeLine(deps.io.stderr, `aditus: ${message}`);
    return 1;
  }
}
