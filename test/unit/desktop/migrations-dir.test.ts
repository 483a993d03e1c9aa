import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, findMigrationsDir } from '../../../src-main/paths';

const REPO = join(__dirname, '../../..');

/** A project checkout and a packaged app's resources, each with a drizzle folder. */
let base: string;
const project = () => join(base, 'project');
const resources = () => join(base, 'Aditus', 'resources');

function migrationsAt(dir: string): void {
  mkdirSync(join(dir, 'meta'), { recursive: true });
  writeFileSync(join(dir, 'meta', '_journal.json'), '{"entries":[]}');
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'aditus-migrations-'));
  migrationsAt(join(project(), 'drizzle'));
  mkdirSync(join(project(), 'out', 'main', 'chunks'), { recursive: true });
  migrationsAt(join(resources(), 'drizzle'));
  migrationsAt(join(base, 'elsewhere'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the migrations folder', () => {
  it("is found from the bundle's own location, whichever file of out/main holds the code", () => {
    for (const from of [
      join(project(), 'out', 'main'),
      join(project(), 'out', 'main', 'chunks'),
      join(project(), 'src-main', 'db'),
    ])
      expect(findMigrationsDir({ from }), from).toBe(join(project(), 'drizzle'));
  });

  it("is this checkout's drizzle folder for the built bundle (out/main/chunks) and the sources", () => {
    expect(existsSync(join(REPO, 'drizzle', 'meta', '_journal.json'))).toBe(true);
    expect(findMigrationsDir({ from: join(REPO, 'out', 'main', 'chunks') })).toBe(join(REPO, 'drizzle'));
    expect(defaultMigrationsDir({})).toBe(join(REPO, 'drizzle'));
  });

  it('does not depend on the working directory', () => {
    const cwd = process.cwd();
    try {
      process.chdir(base);
      expect(defaultMigrationsDir({})).toBe(join(REPO, 'drizzle'));
    } finally {
      process.chdir(cwd);
    }
  });

  it('is ADITUS_MIGRATIONS_DIR when given, and an error when that folder has none', () => {
    expect(defaultMigrationsDir({ ADITUS_MIGRATIONS_DIR: join(base, 'elsewhere') })).toBe(join(base, 'elsewhere'));
    expect(() => defaultMigrationsDir({ ADITUS_MIGRATIONS_DIR: join(base, 'missing') })).toThrow(
      /Database migrations not found .*missing/u,
    );
  });

  it('is <resources>/drizzle in a packaged app, whatever the environment says', () => {
    const lookup = {
      resourcesPath: resources(),
      override: join(base, 'elsewhere'),
      from: join(resources(), 'app.asar', 'out', 'main'),
    };
    expect(findMigrationsDir(lookup)).toBe(join(resources(), 'drizzle'));
  });

  it('fails with the places it looked, never falling back elsewhere, when a packaged app has none', () => {
    const lookup = { resourcesPath: join(base, 'broken', 'resources'), from: join(project(), 'out', 'main') };
    expect(() => findMigrationsDir(lookup)).toThrow(
      `Database migrations not found (no meta/_journal.json in ${join(base, 'broken', 'resources', 'drizzle')})`,
    );
  });

  it('names every folder it tried when there is none near the bundle', () => {
    const from = join(base, 'a', 'b');
    expect(() => findMigrationsDir({ from })).toThrow(join(base, 'a', 'b', 'drizzle'));
    expect(() => findMigrationsDir({ from })).toThrow(join(base, 'drizzle'));
  });
});
