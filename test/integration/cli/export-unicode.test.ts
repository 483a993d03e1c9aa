import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { ex } from '../../helpers/examples';
import { tempDir } from '../../helpers/temp';

const cvOf = (name: string, city: string) => `# ${name}

${city} · candidate@example.org

## Experience

### Senior Backend Engineer — Škoda Digital (2019 – 2024)

- Built Go services on Kubernetes and PostgreSQL for 3 million users

## Skills

Go, PostgreSQL, Kubernetes, Kafka, AWS
`;

describe('aditus draft --out: PDF keeps names in Latin Extended, Greek and Cyrillic, and refuses what it cannot print', () => {
  const data = tempDir();
  afterAll(() => data.cleanup());
  const run = (args: string[]) => cli(['--data-dir', data.dir, ...args]);
  const candidate = (file: string, name: string, city: string) => {
    const path = join(data.dir, file);
    writeFileSync(path, cvOf(name, city));
    return path;
  };
  const draft = (cv: string, out: string) =>
    run(['draft', 'cv', '--candidate', cv, '--job', ex('job-backend.txt'), '--out', out, '--no-validate']);

  it.each([
    ['łukasz.md', 'Łukasz Dvořák', 'Kraków'],
    ['alexis.md', 'Αλέξης Παπαδόπουλος', 'Αθήνα'],
    ['dmitry.md', 'Дмитрий Шостакович', 'Москва'],
  ])('%s: the PDF and the DOCX show the name as written', async (file, name, city) => {
    const cv = candidate(file, name, city);
    const pdf = join(data.dir, `${file}.pdf`);
    const r = await draft(cv, pdf);
    expect(r.code, r.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(name);
    const docx = join(data.dir, `${file}.docx`);
    expect((await draft(cv, docx)).code).toBe(0);
    expect((await mammoth.extractRawText({ path: docx })).value).toContain(name);
  });

  it('refuses a PDF of a CV with a Japanese name, naming the characters; the DOCX keeps them', async () => {
    const cv = candidate('yamada.md', '山田 太郎', 'Berlin');
    const pdf = join(data.dir, 'yamada.pdf');
    const r = await draft(cv, pdf);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('The PDF cannot show these 4 characters of the draft: "山" (U+5C71), "田" (U+7530)');
    expect(existsSync(pdf)).toBe(false);
    const docx = join(data.dir, 'yamada.docx');
    expect((await draft(cv, docx)).code).toBe(0);
    expect((await mammoth.extractRawText({ path: docx })).value).toContain('山田 太郎');
  });
});
