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
import { CliExit, writeLine } from './io';

export function buildProgram(deps: CliDeps, holder: { ctx: CliContext | null }): Command {
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
  program.addCommand(infoCommand(ctx));
  program.addCommand(providersCommand(ctx));
  program.addCommand(policyCommand(ctx));
  program.addCommand(serveCommand(ctx));
  program.addCommand(adminCommand(ctx));
  program.addCommand(auditCommand(ctx));
  program.addCommand(usageCommand(ctx));
  program.addCommand(usersCommand(ctx));
  program.addCommand(pricesCommand(ctx));
  program.addCommand(routingCommand(ctx));
  program.addCommand(askCommand(ctx));
  program.addCommand(metricsCommand(ctx));
  program.addCommand(outboxCommand(ctx));
  program.addCommand(candidatesCommand(ctx));
  program.addCommand(jobsCommand(ctx));
  program.addCommand(documentsCommand(ctx));
  program.addCommand(extractCommand(ctx));
  program.addCommand(draftCommand(ctx));
  program.addCommand(validateCommand(ctx));
  program.addCommand(backupCommand(ctx));
  program.addCommand(restoreCommand(ctx));
  program.addCommand(retentionCommand(ctx));
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
  const program = buildProgram(deps, holder);
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
    const message = isAppError(err) ? err.message : err instanceof Error ? err.message : String(err);
    writeLine(deps.io.stderr, `aditus: ${redactKnownSecrets(message)}`);
    return 1;
  }
}
