import { Writable } from 'node:stream';
import type { CliIo } from './io';
import { readAllStdin } from './io';

/** Reads a secret without echoing it (TTY), or the whole of stdin when it is piped. */
export async function promptHidden(io: CliIo, question: string): Promise<string> {
  if (!io.stdin.isTTY) return (await readAllStdin(io.stdin)).replace(/\r?\n$/u, '');
  io.stderr.write(question);
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  // Loaded here, not at start-up: only a prompt reads from the terminal.
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: io.stdin, output: muted, terminal: true });
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    io.stderr.write('\n');
  }
}
