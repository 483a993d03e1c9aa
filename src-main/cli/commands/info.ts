import { Command } from 'commander';
import type { CliContext } from '../context';
import { formatTable, writeJson, writeLine } from '../io';

/** `aditus info`: the version, where the data and the log file are, and who is asking (`app:info`). */
export function infoCommand(ctx: () => CliContext): Command {
  return new Command('info')
    .description('version, data folder, log file, database schema and keychain')
    .action(async () => {
      const c = ctx();
      const info = await c.call('app:info', {});
      if (c.json) return writeJson(c.io, info);
      writeLine(
        c.io.stdout,
        formatTable([
          ['Version', info.version],
          ['Data folder', info.dataDir],
          ['Log file', info.logFile],
          ['Database schema', String(info.schemaVersion)],
          ['Keychain', info.secretsBackend],
          ['Role', info.role],
        ]),
      );
    });
}
