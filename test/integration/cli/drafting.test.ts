import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { draftCvArgs, ex } from '../../helpers/examples';

const candidate = JSON.parse(readFileSync(ex('candidate.json'), 'utf8')) as {
  name: string;
  experience: { employer: string }[];
};

// A new user with an empty data dir and no provider at all: the offline drafter does the whole job.
describe('aditus draft / validate / extract (offline, empty data dir)', () => {
  const data = tempDir();
  afterAll(() => data.cleanup());
  const run = (args: string[]) => cli(['--data-dir', data.dir, ...args]);

  it('`draft cv --out cv.docx` writes a DOCX that names the candidate, their real employers and the company', async () => {
    const out = join(data.dir, 'cv.docx');
    const r = await run([...draftCvArgs(out)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/offline/u);
    const { value: text } = await mammoth.extractRawText({ path: out });
    expect(text).toContain(candidate.name);
    expect(text).toContain('Northwind Logistics');
    for (const job of candidate.experience) expect(text).toContain(job.employer);
    writeFileSync(join(data.dir, 'cv.md'), text);
    const check = await run([
      'validate',
      '--cv',
      join(data.dir, 'cv.md'),
      '--job',
      ex('job-backend.txt'),
      '--candidate',
      ex('candidate.json'),
      '--json',
    ]);
    const report = check.json<{ findings: { kind: string; message: string }[] }>();
    expect(report.findings.filter((f) => f.kind === 'unsupported_claim')).toEqual([]);
  });

  it('`draft cover-letter --out letter.pdf` writes a PDF whose text names the candidate, employers and company', async () => {
    const out = join(data.dir, 'letter.pdf');
    const r = await run([
      'draft',
      'cover-letter',
      '--candidate',
      ex('candidate-cv.md'),
      '--job',
      ex('job-data.html'),
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
    expect(text).toContain('Helio Health');
    expect(text).toContain('Brightwave Analytics GmbH');
    expect(text).toMatch(/Lea S(ø|o)rensen/u);
    writeFileSync(join(data.dir, 'letter.md'), text);
    const check = await run([
      'validate',
      '--kind',
      'cover_letter',
      '--cv',
      join(data.dir, 'letter.md'),
      '--job',
      ex('job-data.html'),
      '--candidate',
      ex('candidate-cv.md'),
      '--json',
    ]);
    expect(
      check
        .json<{ findings: { kind: string; message: string }[] }>()
        .findings.filter((f) => f.kind === 'unsupported_claim')
        .map((f) => f.message),
    ).toEqual([]);
  });

  it('`validate` flags an employer and a degree that the candidate source lacks', async () => {
    const cv = join(data.dir, 'invented.md');
    writeFileSync(
      cv,
      [
        `# ${candidate.name}`,
        'lea.sorensen@example.com',
        '## Experience',
        '**Staff Engineer — Initech Corporation** (2014–2016)',
        '- Built things',
        '## Education',
        'PhD in Astrophysics, University of Atlantis',
      ].join('\n'),
    );
    const r = await run([
      'validate',
      '--cv',
      cv,
      '--job',
      ex('job-backend.txt'),
      '--candidate',
      ex('candidate.json'),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(1); // error findings: a non-zero exit
    const report = r.json<{ score: number; findings: { severity: string; kind: string; message: string }[] }>();
    const claims = report.findings
      .filter((f) => f.kind === 'unsupported_claim')
      .map((f) => f.message)
      .join('\n');
    expect(claims).toContain('Initech Corporation');
    expect(claims).toContain('PhD in Astrophysics');
    expect(report.score).toBeLessThan(50);
  });

  it('`extract` prints one JSON line per file, reports a bad file by name, goes on, and exits non-zero', async () => {
    writeFileSync(join(data.dir, 'broken.pdf'), 'not a pdf at all');
    const r = await run([
      'extract',
      ex('job-backend.txt'),
      join(data.dir, 'broken.pdf'),
      ex('job-data.html'),
      '--concurrency',
      '2',
    ]);
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; ok: boolean; error?: string; fields?: { company: string } });
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.file.endsWith('job-backend.txt'))).toMatchObject({
      ok: true,
      fields: { company: 'Northwind Logistics' },
    });
    expect(lines.find((l) => l.file.endsWith('job-data.html'))).toMatchObject({
      ok: true,
      fields: { company: 'Helio Health' },
    });
    const bad = lines.find((l) => l.file.endsWith('broken.pdf'))!;
    expect(bad.ok).toBe(false);
    expect(bad.error).toContain('broken.pdf');
    expect(r.stderr).toMatch(/3\/3/u);
  });
});
