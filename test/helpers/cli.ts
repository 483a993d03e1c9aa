import { PassThrough, Readable } from 'node:stream';
import { expect } from 'vitest';
import { runCli } from '../../src-main/cli/program';
import type { Clock } from '../../src-main/clock';
import type { SecretStore } from '../../src-main/secrets/secret-store';
import { ADMIN_PASSWORD, totpCode } from './admin';

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

/**
 * `aditus admin init`, then `admin login` with a fresh TOTP code, through `run` (the test's CLI on its data
 * folder): the commands after it run with the admin session. Gives the enrolment's TOTP secret.
 */
export async function adminLoginOverCli(
  run: (args: string[], env?: NodeJS.ProcessEnv) => Promise<CliRun>,
): Promise<{ secret: string }> {
  const init = await run(['admin', 'init', '--json'], { ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD });
  expect(init.code, init.stderr).toBe(0);
  const { secret } = init.json<{ secret: string }>();
  const login = await run(['admin', 'login'], {
    ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ADITUS_ADMIN_TOTP: totpCode(secret, Date.now()),
  });
  expect(login.code, login.stderr).toBe(0);
  return { secret };
}
