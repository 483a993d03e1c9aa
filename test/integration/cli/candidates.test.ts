import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { ex } from '../../helpers/examples';
import { tempDir } from '../../helpers/temp';
import { FIXTURES } from '../../unit/drafting/helpers';
import { resumeSchemaProblems } from '../../../src-main/drafting/record/check-resume';

const CANDIDATES = join(FIXTURES, 'candidates');

describe('aditus candidates: JSON Resume import and export', () => {
  const data = tempDir();
  afterAll(() => data.cleanup());
  const run = (args: string[]) => cli(['--data-dir', data.dir, ...args]);

  it('imports a JSON Resume file as it is and exports it again with provenance', async () => {
    const imported = await run(['candidates', 'import', join(CANDIDATES, 'json-resume-cyrillic.json'), '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const candidate = imported.json<{ id: string; name: string; record: { resume: { awards?: unknown[] } } }>();
    expect(candidate.name).toBe('Анна Иванова');
    expect(candidate.record.resume.awards).toHaveLength(1);

    const out = join(data.dir, 'anna.resume.json');
    const exported = await run(['candidates', 'export-json', candidate.id, '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    const resume = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown> & {
      meta: Record<string, Record<string, { line: number }>>;
    };
    expect(resumeSchemaProblems(resume)).toEqual([]);
    const original = JSON.parse(readFileSync(join(CANDIDATES, 'json-resume-cyrillic.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    for (const key of Object.keys(original)) expect(resume[key]).toEqual(original[key]);
    // The line of the source file each fact was read from.
    expect(resume.meta['x-aditus-provenance']?.['/work/0/highlights/1']?.line).toBe(13);

    // The exported file imports again (as a second candidate: it is the same person), provenance included.
    const again = await run(['candidates', 'import', out, '--as-new', '--json']);
    expect(again.code, again.stderr).toBe(0);
    const reimported = again.json<{ record: { provenance: Record<string, { line: number }> } }>();
    expect(reimported.record.provenance['/work/0/highlights/1']?.line).toBe(13);
  });

  it('imports a DOCX CV and prints its entries; bullets it cannot place are listed, not attached elsewhere', async () => {
    const r = await run(['candidates', 'import', join(CANDIDATES, 'docx-career-changer.docx')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Amara Okafor: 2 work, 1 volunteer, 1 projects, 1 education, 0 unassigned/u);
    const list = await run(['candidates', 'list']);
    expect(list.stdout).toContain('docx-career-changer.docx');
  });

  it('refuses a JSON file that is not a JSON Resume, naming the problem', async () => {
    const bad = join(data.dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ basics: { name: 'X' }, work: [{ startDate: 'spring' }] }));
    const refused = await run(['candidates', 'import', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/bad\.json: is not a valid JSON Resume: work\[0\]\.startDate/u);
  });

  it('gives candidates stored before the JSON Resume record a record when the app starts', async () => {
    const old = tempDir();
    try {
      expect((await cli(['--data-dir', old.dir, 'candidates', 'list'])).code).toBe(0);
      const db = new Database(join(old.dir, 'aditus.db'));
      const profile = JSON.parse(readFileSync(ex('candidate.json'), 'utf8')) as { name: string };
      db.prepare(
        `INSERT INTO candidates (id, name, email, source_kind, source_file_name, source_text, profile, record, created_at, updated_at)
         VALUES ('old-json', ?, NULL, 'json', 'candidate.json', '', ?, NULL, 1, 1),
                ('old-md', 'Lea', NULL, 'md', 'cv.md', ?, ?, NULL, 2, 2)`,
      ).run(
        profile.name,
        JSON.stringify(profile),
        readFileSync(ex('candidate-cv.md'), 'utf8'),
        JSON.stringify(profile),
      );
      db.close();
      const exported = await cli(['--data-dir', old.dir, 'candidates', 'export-json', 'old-json']);
      expect(exported.code, exported.stderr).toBe(0);
      const resume = JSON.parse(exported.stdout) as { work: { name: string; startDate?: string }[] };
      expect(resume.work.map((w) => w.name)).toEqual([
        'Brightwave Analytics GmbH',
        'Nordlicht Payments',
        'Fjordline Software ApS',
      ]);
      const md = JSON.parse((await cli(['--data-dir', old.dir, 'candidates', 'export-json', 'old-md'])).stdout) as {
        work: { startDate: string }[];
        meta: Record<string, Record<string, { line: number; file: string }>>;
      };
      expect(md.work[0]?.startDate).toBe('2021-04');
      expect(md.meta['x-aditus-provenance']?.['/work/0/highlights/0']).toMatchObject({ file: 'cv.md' });
      expect(md.meta['x-aditus-provenance']?.['/work/0/highlights/0']?.line).toBeGreaterThan(1);
    } finally {
      old.cleanup();
    }
  });
});
