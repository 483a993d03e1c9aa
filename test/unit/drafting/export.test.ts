import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { draftOffline } from '../../../src-main/drafting/builtin/draft-offline';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { draftFileName } from '../../../src-main/drafting/export/draft-file-name';
import { exportDraft } from '../../../src-main/drafting/export/export-draft';
import { plainLine, splitLines } from '../../../src-main/drafting/text/lines';
import { example, exampleCandidate } from './helpers';

const workDir = mkdtempSync(join(tmpdir(), 'aditus-drafting-export-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const { profile } = exampleCandidate();
const job = extractJobFieldsOffline(example('job-backend.txt'));
const cv = draftOffline('cv', profile, job).markdown;
const letter = draftOffline('cover_letter', profile, job).markdown;

/** Words of the draft as a reader sees them, with whitespace (and so line wrapping) ignored. */
function squash(text: string): string {
  return text.replace(/\s+/gu, '');
}

function draftLines(markdown: string): string[] {
  return splitLines(markdown)
    .map(plainLine)
    .filter((l) => l.length > 0);
}

function pdfText(pdf: Buffer): string {
  const path = join(workDir, `draft-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, pdf);
  // -layout keeps a hyphen at a line break as printed; the default mode would join "lea-sorensen-" + "dev".
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

// The Markdown these exports read is tested in export-blocks.test.ts and ../shared/markdown.test.ts.
describe('exportDraft', () => {
  it('returns Markdown as-is', async () => {
    expect((await exportDraft(cv, 'md')).toString('utf8')).toBe(cv);
  });

  it.each([
    ['CV', cv],
    ['cover letter', letter],
  ])('writes a DOCX whose text is the %s text', async (_, markdown) => {
    const docx = await exportDraft(markdown, 'docx', { title: 'Lea Sørensen — CV', author: profile.name });
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const { value } = await mammoth.extractRawText({ buffer: docx });
    const text = squash(value);
    for (const line of draftLines(markdown)) expect(text).toContain(squash(line));

    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    if (markdown === cv) {
      expect(html).toContain('<h1>Lea Sørensen</h1>');
      expect(html).toContain('<h2>Experience</h2>');
      expect(html).toMatch(/<ul><li>Designed and built/u);
      expect(html).toContain('<strong>Most relevant:</strong>');
      expect(html).not.toContain('<table');
    }
  });

  it.each([
    ['CV', cv],
    ['cover letter', letter],
  ])('writes a PDF whose selectable text is the %s text', async (_, markdown) => {
    const pdf = await exportDraft(markdown, 'pdf', {
      title: 'Lea Sørensen — CV',
      author: profile.name,
      createdAt: new Date(0),
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = squash(pdfText(pdf).replace(/•/gu, ''));
    for (const line of draftLines(markdown)) expect(text).toContain(squash(line));
    expect(execFileSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' })).toContain('DejaVuSans');
  });

  it('breaks long drafts across pages and keeps every line', async () => {
    const bullets = Array.from(
      { length: 120 },
      (_, i) => `- Achievement ${i} with **bold** words that make the line long enough to wrap`,
    );
    const markdown = `# Long CV\n\n## Experience\n\n${bullets.join('\n')}\n`;
    const pdf = await exportDraft(markdown, 'pdf', { createdAt: new Date(0) });
    const path = join(workDir, 'long.pdf');
    writeFileSync(path, pdf);
    const pages = Number(/Pages:\s+(\d+)/u.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThan(2);
    const text = squash(pdfText(pdf));
    expect(text).toContain(squash('Achievement 0 with bold words'));
    expect(text).toContain(squash('Achievement 119 with bold words'));
  });

  it('is byte-identical for the same input and creation date', async () => {
    const options = { title: 'CV', createdAt: new Date('2025-01-01T00:00:00Z') };
    expect((await exportDraft(cv, 'pdf', options)).equals(await exportDraft(cv, 'pdf', options))).toBe(true);
  });

  it('embeds TrueType fonts when given, for text outside Western European scripts', async () => {
    const regular = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
    const bold = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
    if (!existsSync(regular) || !existsSync(bold)) return;
    const pdf = await exportDraft('# Łucja Wąsowska\n\n- Kraków → Berlin', 'pdf', { pdfFonts: { regular, bold } });
    expect(pdfText(pdf)).toContain('Łucja Wąsowska');
    expect(pdfText(pdf)).toContain('Kraków → Berlin');
  });

  it('suggests a file name', () => {
    expect(draftFileName('Lea Sørensen', 'cv', 'pdf')).toBe('Lea-Sorensen-CV.pdf');
    expect(draftFileName('  ', 'cover_letter', 'docx')).toBe('Candidate-Cover-letter.docx');
  });
});
