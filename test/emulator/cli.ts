/**
 * Runs the provider emulator until interrupted:
 *   node --import tsx test/emulator/cli.ts --port 8787 [--host 127.0.0.1] [--keys k1,k2] [--open]
 * Point a provider at http://HOST:PORT (OpenAI: http://HOST:PORT/v1). Control it with
 * POST /__emulator/faults, POST /__emulator/replies, POST /__emulator/reset, GET /__emulator/requests.
 */
import { parseArgs } from 'node:util';
import { startEmulator } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    keys: { type: 'string' },
    open: { type: 'boolean', default: false },
    'max-recorded': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  process.stderr.write(`--port must be 0..65535, got ${values.port}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const emulator = await startEmulator({
    port,
    host: values.host,
    validKeys: values.keys ? values.keys.split(',').filter(Boolean) : undefined,
    openMode: values.open,
    maxRecorded: values['max-recorded'] ? Number(values['max-recorded']) : undefined,
  });
  process.stdout.write(`provider emulator listening on ${emulator.url}\n`);
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// No top-level await: the package is CommonJS, so tsx compiles this file to CJS.
main().catch((err: unknown) => {
  process.stderr.write(`emulator failed to start: ${String(err)}\n`);
  process.exit(1);
});
