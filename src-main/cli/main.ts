import { runCli } from './program';
import { processIo } from './io';

runCli(process.argv.slice(2), { io: processIo() }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`aditus: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
