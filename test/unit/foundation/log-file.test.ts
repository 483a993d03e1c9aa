import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LogFile, logFilePath } from '../../../src-main/runtime/log-file';
import { tempDir } from '../../helpers/temp';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('log file (logs/aditus.log in the data folder)', () => {
  let data: ReturnType<typeof tempDir>;
  afterEach(() => data.cleanup());

  it('creates the file 0600 in a 0700 folder, time-stamps each entry and indents its continuation lines', () => {
    data = tempDir();
    const log = new LogFile({ path: logFilePath(data.dir), redact: (t) => t, now: () => Date.UTC(2026, 11, 3, 7, 0) });
    expect(log.path).toBe(join(data.dir, 'logs', 'aditus.log'));
    expect(existsSync(log.path)).toBe(false);
    expect(log.write('internal error: Error: boom\n    at here (x.ts:1:1)')).toBe(true);
    expect(mode(dirname(log.path))).toBe(0o700);
    expect(mode(log.path)).toBe(0o600);
    expect(readFileSync(log.path, 'utf8')).toBe(
      `2026-12-03T07:00:00.000Z [pid ${process.pid}] internal error: Error: boom\n        at here (x.ts:1:1)\n`,
    );
  });

  it('tightens a log file left readable by others', () => {
    data = tempDir();
    const log = new LogFile({ path: logFilePath(data.dir), redact: (t) => t });
    log.write('first');
    chmodSync(log.path, 0o644);
    log.write('second');
    expect(mode(log.path)).toBe(0o600);
  });

  it('writes every entry through the redaction', () => {
    data = tempDir();
    const secret = 'sk-live-abcdefghijklmnop';
    const log = new LogFile({ path: logFilePath(data.dir), redact: (t) => t.split(secret).join('[redacted]') });
    log.write(`provider said: bad key ${secret}`);
    const text = readFileSync(log.path, 'utf8');
    expect(text).toContain('bad key [redacted]');
    expect(text).not.toContain(secret);
  });

  it('rotates before an entry would pass the size cap, keeping a fixed number of files, none over the cap', () => {
    data = tempDir();
    const log = new LogFile({ path: logFilePath(data.dir), redact: (t) => t, maxBytes: 1_000, keep: 3 });
    for (let i = 0; i < 200; i++) expect(log.write(`entry ${String(i).padStart(3, '0')} ${'x'.repeat(60)}`)).toBe(true);
    const files = readdirSync(dirname(log.path)).sort();
    expect(files).toEqual(['aditus.log', 'aditus.log.1', 'aditus.log.2', 'aditus.log.3']);
    for (const f of files) {
      expect(statSync(join(dirname(log.path), f)).size).toBeLessThanOrEqual(1_000);
      expect(mode(join(dirname(log.path), f))).toBe(0o600);
    }
    // The newest entry is in the current file, the one before the rotation just before it in .1.
    expect(readFileSync(log.path, 'utf8')).toContain('entry 199');
    const current = readFileSync(log.path, 'utf8').split('\n').filter(Boolean);
    const previous = readFileSync(`${log.path}.1`, 'utf8').split('\n').filter(Boolean);
    expect(Number(/entry (\d+)/u.exec(previous.at(-1)!)![1]) + 1).toBe(Number(/entry (\d+)/u.exec(current[0]!)![1]));
    // The oldest entries are gone: four files of at most 1,000 bytes cannot hold 200 entries of ~100.
    expect(files.map((f) => readFileSync(join(dirname(log.path), f), 'utf8')).join('')).not.toContain('entry 000');
  });

  it('writes an error once, however many layers report it (the core, then the desktop host)', () => {
    data = tempDir();
    const path = logFilePath(data.dir);
    const cause = new Error('SQLITE_CANTOPEN: unable to open database file');
    const friendlier = new Error('The database in the data folder could not be opened.');
    expect(
      new LogFile({ path, redact: (t) => t }).writeError(
        'start-up: the database could not be opened',
        cause,
        friendlier,
      ),
    ).toBe(true);
    expect(new LogFile({ path, redact: (t) => t }).writeError('start-up failed', friendlier)).toBe(true);
    expect(new LogFile({ path, redact: (t) => t }).writeError('start-up failed', cause)).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(text.match(/\[pid \d+\]/gu)).toHaveLength(1);
    expect(text).toMatch(/start-up: the database could not be opened: Error: SQLITE_CANTOPEN.*\n +at /u);
  });

  it('reports false, and throws nothing, when the file cannot be written', () => {
    data = tempDir();
    writeFileSync(join(data.dir, 'logs'), 'a file where the folder should be');
    const log = new LogFile({ path: logFilePath(data.dir), redact: (t) => t });
    expect(log.write('lost')).toBe(false);
  });
});
