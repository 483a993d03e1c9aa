import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { ex } from '../../helpers/examples';
import { tempDir } from '../../helpers/temp';

interface Report {
  score: number;
  claimsChecked: boolean;
  mustHaveCoverage: { covered: string[] };
  findings: { severity: string; kind: string; message: string }[];
}

// A CV with an invented employer: without the candidate's source nothing can vouch for it, and `validate` must say so.
describe('aditus validate without --candidate', () => {
  const data = tempDir();
  afterAll(() => data.cleanup());
  const run = (args: string[]) => cli(['--data-dir', data.dir, ...args]);
  const cv = join(data.dir, 'invented.md');
  writeFileSync(
    cv,
    [
      '# Lea Sørensen',
      'lea.sorensen@example.com',
      '## Experience',
      '### Staff Engineer — Initech Corporation',
      '2014 – 2016',
      '- Cut cloud costs by 45% across 12 teams',
      '## Education',
      '- PhD in Astrophysics — University of Atlantis',
      '## Skills',
      'Go, PostgreSQL, Kubernetes',
    ].join('\n'),
  );

  it('prints plainly that claims were not checked instead of a bare score', async () => {
    const r = await run(['validate', '--cv', cv, '--job', ex('job-backend.txt')]);
    expect(r.stdout).toMatch(/claims NOT checked \(no --candidate given\)/u);
    expect(r.stdout).not.toMatch(/^Score: \d+\/100 \(must-haves/mu);
    expect(r.stdout).toMatch(/Claims were not checked: no candidate source was given/u);
  });

  it('--json marks the report as claimsChecked: false and lists no claim as verified', async () => {
    const r = await run(['validate', '--cv', cv, '--job', ex('job-backend.txt'), '--json']);
    const report = r.json<Report>();
    expect(report.claimsChecked).toBe(false);
    expect(report.findings.some((f) => f.kind === 'unsupported_claim' && /not checked/u.test(f.message))).toBe(true);
  });

  it('with --candidate the same CV is checked: the employer and degree are errors and claimsChecked is true', async () => {
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
    expect(r.code).toBe(1);
    const report = r.json<Report>();
    expect(report.claimsChecked).toBe(true);
    const claims = report.findings.filter((f) => f.kind === 'unsupported_claim' && f.severity === 'error');
    const text = claims.map((f) => f.message).join('\n');
    expect(text).toContain('Initech Corporation');
    expect(text).toContain('PhD in Astrophysics');
  });
});
