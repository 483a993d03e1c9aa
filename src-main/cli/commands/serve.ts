import { Command } from 'commander';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { reopenAfterRestore } from '../../runtime/reopen-after-restore';
import { startWebHostLazily } from '../../web-host/start-lazily';
import type { CliContext } from '../context';
import { writeJson, writeLine } from '../io';

export function defaultRendererDir(): string {
  // out/main/cli.js → out/renderer; src-main/cli/commands → out/renderer (tests run from source).
  const candidates = [
    resolve(__dirname, '../renderer'),
    resolve(__dirname, '../../../out/renderer'),
    resolve(process.cwd(), 'out/renderer'),
  ];
  return candidates.find((dir) => existsSync(resolve(dir, 'index.html'))) ?? candidates[0]!;
}

export function serveCommand(ctx: () => CliContext): Command {
  return new Command('serve')
    .description('serve the app UI on 127.0.0.1 (for browsers and UI tests); prints the URL with its token')
    .option('--port <n>', 'port (0 = any free port)', '0')
    .action(async (flags: { port: string }) => {
      const c = ctx();
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) c.fail('--port must be 0–65535', 2);
      const rendererDir = defaultRendererDir();
      if (!existsSync(resolve(rendererDir, 'index.html'))) c.fail('the UI is not built: run `npm run build` first');
      c.runsLongLived();
      const core = await c.ready();
      const unmark = core.markRunningHost('web host');
      const reopen = async () => {
        c.close();
        const next = await c.ready();
        next.startBackgroundWork();
        return next;
      };
      const host = await startWebHostLazily({
        core,
        rendererDir,
        port,
        reopenAfterRestore: (current) => reopenAfterRestore(current, reopen, () => void c.close()),
      });
      core.startBackgroundWork();
      if (c.json) writeJson(c.io, { url: host.url, port: host.port });
      else writeLine(c.io.stdout, host.url);
      await new Promise<void>((done) => {
        const stop = () => {
          unmark();
          void host.close().then(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
