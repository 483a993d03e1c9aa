import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src-main/cli/program';
import type { Clock } from '../../src-main/clock';
import type { SecretStore } from '../../src-main/secrets/secret-store';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The last line of stdout parsed as JSON (the --json contract). */
  json: <T = unknown>() => T;
}

/** Runs the real CLI program in-process with captured streams. */
export async function cli(
  args: string[],
  options: { stdin?: string; secrets?: SecretStore; env?: NodeJS.ProcessEnv; clock?: Clock } = {},
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]);
  const code = await runCli(args, {
    io: { stdout, stderr, stdin, env: { ...process.env, ...options.env } },
    secrets: options.secrets,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const text = Buffer.concat(out).toString('utf8');
  return {
    code,
    stdout: text,
    stderr: Buffer.concat(err).toString('utf8'),
    json: <T>() => JSON.parse(text.trim().split('\n').pop() ?? 'null') as T,
  };
}
