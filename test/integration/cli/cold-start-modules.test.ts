import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditIdentity } from '../../../src-main/audit/audit-log';
import { DATABASE_FILE } from '../../../src-main/db/client';
import { KeytarSecretStore } from '../../../src-main/secrets/keytar-store';
import { ADMIN_PASSWORD } from '../../helpers/admin';
import { tempDir } from '../../helpers/temp';

/**
 * What a command loads, not how long it takes (that is `npm run bench`, section startup): the modules that
 * cost most to load (vendor SDKs, document writers and readers, the zip, metrics and TOTP libraries, drizzle,
 * needed only to apply migrations) are loaded on first use, never by a command that uses none of them. Runs
 * the built CLI (`npm run build` first).
 */
const ROOT = join(__dirname, '..', '..', '..');
const PROBE = join(__dirname, 'fixtures', 'loaded-modules.cjs');

const HEAVY = [
  '@anthropic-ai/sdk',
  'openai',
  '@google/generative-ai',
  'pdfkit',
  'fontkit',
  'docx',
  'mammoth',
  'pdf-parse',
  'pdfjs-dist',
  'html-to-text',
  'otplib',
  'qrcode',
  'prom-client',
  'fflate',
  '@jsonresume/schema',
  'drizzle-orm',
];
/** The built chunks that hold the provider adapters, the DOCX/PDF writers and the web host's HTTP server. */
const HEAVY_CHUNKS = /\/out\/main\/chunks\/(anthropic|openai|gemini|render-pdf|render-docx|server)-[^/]+\.js$/u;
/**
 * Node's own modules that only some commands need: the HTTP server (serve, the metrics exporter), prompts, and
 * child processes (commander's executable subcommands, which aditus has none of; dgram came with it).
 */
const HEAVY_BUILTINS = ['node:http', 'node:readline', 'node:child_process', 'node:dgram'];

const data = tempDir();
/** A data folder as after the first start (created and migrated), as a user's is. */
const APP = join(data.dir, 'app');
afterAll(() => data.cleanup());

function loadedBy(args: string[], dataDir = APP, env: NodeJS.ProcessEnv = {}): string[] {
  const out = join(data.dir, 'loaded.txt');
  const run = spawnSync(
    process.execPath,
    ['--require', PROBE, join(ROOT, 'bin/aditus.cjs'), '--data-dir', dataDir, ...args],
    { encoding: 'utf8', env: { ...process.env, ...env, ADITUS_LOADED_MODULES: out } },
  );
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(out, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((m) => decodeURIComponent(m.replace(/^file:\/\//u, '')));
}

const heavyIn = (modules: string[]) =>
  modules.filter(
    (m) =>
      HEAVY.some((pkg) => m.includes(`/node_modules/${pkg}/`)) || HEAVY_CHUNKS.test(m) || HEAVY_BUILTINS.includes(m),
  );

describe('cold start: what a command loads', () => {
  beforeAll(() => {
    loadedBy(['usage', 'stats']);
  });

  it.each([[['usage', 'stats']], [['usage', 'stats', '--json']], [['providers', 'list']]])(
    'aditus %s loads no SDK, document library, metrics or TOTP library, HTTP server or prompt',
    (args) => {
      const modules = loadedBy(args);
      // The probe sees the modules the command does load.
      expect(modules.some((m) => m.includes('/node_modules/better-sqlite3/'))).toBe(true);
      expect(modules).toContain('node:fs');
      expect(heavyIn(modules)).toEqual([]);
      // Read-only: the audit key is not needed, so the keychain (keytar, a native module) is never loaded.
      expect(modules.filter((m) => m.includes('/node_modules/keytar/'))).toEqual([]);
      // SQLite's addon is loaded by its path, without the `bindings` package's search.
      expect(modules.filter((m) => m.includes('/node_modules/bindings/'))).toEqual([]);
    },
  );

  it('a command that writes an audit entry loads the keychain for its key', async () => {
    const dir = join(data.dir, 'audited');
    const modules = loadedBy(['admin', 'init', '--json'], dir, { ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD });
    const id = auditIdentity(join(dir, DATABASE_FILE));
    const keychain = new KeytarSecretStore();
    await keychain.delete(`audit-key:${id}`);
    await keychain.delete(`audit-head:${id}`);
    expect(modules.some((m) => m.includes('/node_modules/keytar/'))).toBe(true);
  });

  it('aditus usage stats starts no worker thread machinery (checked without the probe, whose hooks run in one)', () => {
    const script = [
      `process.argv = [process.argv[0], ${JSON.stringify(join(ROOT, 'bin/aditus.cjs'))}, ...process.argv.slice(1)];`,
      "process.on('exit', () => process.stderr.write(JSON.stringify(process.moduleLoadList)));",
      'require(process.argv[1]);',
    ].join('\n');
    const run = spawnSync(process.execPath, ['-e', script, '--', '--data-dir', APP, 'usage', 'stats'], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const loaded = JSON.parse(run.stderr) as string[];
    expect(loaded).toContain('NativeModule fs');
    expect(loaded.filter((m) => /^NativeModule (worker_threads|child_process)$/u.test(m))).toEqual([]);
  });

  it('the probe catches a heavy module where it is needed: the first start migrates with drizzle', () => {
    const first = heavyIn(loadedBy(['usage', 'stats'], join(data.dir, 'new')));
    expect(first.some((m) => m.includes('/node_modules/drizzle-orm/better-sqlite3/'))).toBe(true);
  });
});
