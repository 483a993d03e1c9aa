import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { exportDraft } from '../../../src-main/drafting/export/export-draft';
import { InputError } from '../../../src-main/drafting/inputs/input-error';
import { candidateFromText, readCandidateFile } from '../../../src-main/drafting/inputs/read-candidate';
import { readJobPostingFile } from '../../../src-main/drafting/inputs/read-job-posting';
import { EXAMPLES, example } from './helpers';

const workDir = mkdtempSync(join(tmpdir(), 'aditus-drafting-inputs-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('reading a candidate', () => {
  it('reads a JSON profile and renders its source text', async () => {
    const candidate = await readCandidateFile(join(EXAMPLES, 'candidate.json'));
    expect(candidate.sourceKind).toBe('json');
    expect(candidate.profile.name).toBe('Lea Sørensen');
    expect(candidate.profile.experience.map((e) => e.employer)).toEqual([
      'Brightwave Analytics GmbH',
      'Nordlicht Payments',
      'Fjordline Software ApS',
    ]);
    expect(candidate.sourceText).toContain('Senior Backend Engineer — Brightwave Analytics GmbH');
  });

  it('parses a Markdown CV into the same profile facts', async () => {
    const candidate = await readCandidateFile(join(EXAMPLES, 'candidate-cv.md'));
    const { profile } = candidate;
    expect(profile.name).toBe('Lea Sørensen');
    expect(profile.email).toBe('lea.sorensen@example.com');
    expect(profile.phone).toBe('+49 151 2345 6789');
    expect(profile.location).toBe('Berlin, Germany');
    expect(profile.headline).toBe('Backend engineer building reliable data-heavy services in Go and Python');
    expect(profile.summary).toMatch(/^Backend engineer with nine years/u);
    expect(profile.experience).toHaveLength(3);
    expect(profile.experience[0]).toMatchObject({
      title: 'Senior Backend Engineer',
      employer: 'Brightwave Analytics GmbH',
      location: 'Berlin, Germany',
      // JSON Resume dates (ISO 8601); the line as written stays in the provenance.
      start: '2021-04',
      end: null,
    });
    expect(candidate.record.provenance['/work/0/startDate']?.text).toContain('(Apr 2021 – Present)');
    expect(profile.experience[0]?.bullets).toHaveLength(4);
    expect(profile.experience[2]).toMatchObject({
      title: 'Junior Developer',
      employer: 'Fjordline Software ApS',
      end: '2018-01',
    });
    expect(profile.education).toEqual([
      {
        school: 'Technical University of Denmark',
        degree: 'MSc',
        field: 'Computer Science',
        start: '2013',
        end: '2015',
      },
      { school: 'Aarhus University', degree: 'BSc', field: 'Software Engineering', start: '2010', end: '2013' },
    ]);
    expect(profile.skills).toContain('PostgreSQL');
    expect(profile.skills).toHaveLength(18);
    expect(profile.certifications).toHaveLength(2);
    expect(profile.languages).toEqual(['Danish (native)', 'English (fluent)', 'German (B2)']);
    expect(profile.links).toHaveLength(2);
  });

  it('parses other common CV layouts', () => {
    const profile = candidateFromText(
      [
        'CURRICULUM VITAE',
        'Jonas Weber',
        'Product Manager | jonas.weber@example.org | Tel: +41 79 123 45 67 | Zürich, Switzerland',
        '',
        'PROFESSIONAL EXPERIENCE',
        'Acme Insurance AG',
        'Senior Product Manager, 03/2019 - present',
        '• Owned the claims app roadmap',
        'Product Owner at Globex Bank | 2015 – 2019',
        '• Ran discovery with 40 customers',
        '',
        'EDUCATION',
        'Master of Science in Business Informatics',
        'University of St. Gallen, 2013 - 2015',
        '',
        'SKILLS',
        'Product strategy; Roadmapping; SQL; Jira',
      ].join('\n'),
    );
    expect(profile.name).toBe('Jonas Weber');
    expect(profile.headline).toBe('Product Manager');
    expect(profile.email).toBe('jonas.weber@example.org');
    expect(profile.phone).toBe('+41 79 123 45 67');
    expect(profile.location).toBe('Zürich, Switzerland');
    expect(profile.experience).toEqual([
      {
        employer: 'Acme Insurance AG',
        title: 'Senior Product Manager',
        start: '03/2019',
        end: null,
        bullets: ['Owned the claims app roadmap'],
      },
      {
        employer: 'Globex Bank',
        title: 'Product Owner',
        start: '2015',
        end: '2019',
        bullets: ['Ran discovery with 40 customers'],
      },
    ]);
    expect(profile.education).toEqual([
      {
        school: 'University of St. Gallen',
        degree: 'Master of Science',
        field: 'Business Informatics',
        start: '2013',
        end: '2015',
      },
    ]);
    expect(profile.skills).toEqual(['Product strategy', 'Roadmapping', 'SQL', 'Jira']);
  });

  it('reads a .docx and a .pdf CV made by the exporter', async () => {
    const markdown = example('candidate-cv.md');
    for (const format of ['docx', 'pdf'] as const) {
      const path = join(workDir, `cv.${format}`);
      writeFileSync(path, await exportDraft(markdown, format));
      const candidate = await readCandidateFile(path);
      expect(candidate.sourceKind).toBe(format);
      expect(candidate.sourceText).toContain('Nordlicht Payments');
      expect(candidate.profile.name).toBe('Lea Sørensen');
      expect(candidate.profile.email).toBe('lea.sorensen@example.com');
      expect(candidate.profile.experience.map((e) => e.employer)).toEqual([
        'Brightwave Analytics GmbH',
        'Nordlicht Payments',
        'Fjordline Software ApS',
      ]);
      expect(candidate.profile.education.map((e) => e.school)).toEqual([
        'Technical University of Denmark',
        'Aarhus University',
      ]);
    }
  });

  it('rejects unknown, unreadable, empty and invalid files with an InputError naming the file', async () => {
    const odt = join(workDir, 'resume.odt');
    writeFileSync(odt, 'x');
    await expect(readCandidateFile(odt)).rejects.toThrow(InputError);
    await expect(readCandidateFile(odt)).rejects.toThrow(/resume\.odt/u);
    await expect(readCandidateFile(join(workDir, 'missing.pdf'))).rejects.toThrow(/missing\.pdf: cannot be read/u);

    const badPdf = join(workDir, 'broken.pdf');
    writeFileSync(badPdf, 'not a pdf');
    await expect(readCandidateFile(badPdf)).rejects.toThrow(/broken\.pdf: is named \.pdf but is not a PDF/u);

    const empty = join(workDir, 'empty.txt');
    writeFileSync(empty, '  \n');
    await expect(readCandidateFile(empty)).rejects.toThrow(/empty\.txt: contains no text/u);

    const badJson = join(workDir, 'profile.json');
    writeFileSync(badJson, JSON.stringify({ name: 'X', email: 'not-an-email' }));
    await expect(readCandidateFile(badJson)).rejects.toThrow(
      /profile\.json: is neither a JSON Resume nor a valid Aditus profile: email/u,
    );
    const badResume = join(workDir, 'resume.json');
    writeFileSync(
      badResume,
      JSON.stringify({ basics: { name: 'X' }, work: [{ name: 'Acme', startDate: 'last spring' }] }),
    );
    await expect(readCandidateFile(badResume)).rejects.toThrow(
      /resume\.json: is not a valid JSON Resume: work\[0\]\.startDate/u,
    );
  });
});

describe('reading a job posting', () => {
  it('reads text and HTML postings', async () => {
    const text = await readJobPostingFile(join(EXAMPLES, 'job-backend.txt'));
    expect(text).toMatchObject({ kind: 'text', sourceKind: 'text' });
    const html = await readJobPostingFile(join(EXAMPLES, 'job-data.html'));
    if (html.kind !== 'text') throw new Error('expected text');
    expect(html.sourceKind).toBe('html');
    expect(html.text).toContain('Data Engineer');
    expect(html.text).toContain('- Production experience with Airflow');
    expect(html.text).not.toContain('window.analytics');
    expect(html.text).not.toContain('All jobs');
  });

  it('reads a PDF posting', async () => {
    const path = join(workDir, 'posting.pdf');
    writeFileSync(path, await exportDraft(example('job-backend.txt'), 'pdf'));
    const posting = await readJobPostingFile(path);
    if (posting.kind !== 'text') throw new Error('expected text');
    expect(posting.sourceKind).toBe('pdf');
    expect(posting.text).toContain('Northwind Logistics');
  });

  it('passes images through as base64 for a vision provider', async () => {
    const path = join(EXAMPLES, 'job-frontend.png');
    const posting = await readJobPostingFile(path);
    if (posting.kind !== 'image') throw new Error('expected image');
    expect(posting.mediaType).toBe('image/png');
    expect(Buffer.from(posting.base64, 'base64').equals(readFileSync(path))).toBe(true);
    expect(readFileSync(path).length).toBeLessThan(200 * 1024);
  });

  it('names the file in errors', async () => {
    const path = join(workDir, 'posting.rtf');
    writeFileSync(path, '{\\rtf1}');
    await expect(readJobPostingFile(path)).rejects.toThrow(/posting\.rtf: unsupported job posting file type/u);
  });
});
