import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { importJobInputSchema } from '@contract';
import { InputError, type InputErrorCode } from '../../../src-main/drafting/inputs/input-error';
import { INPUT_LIMITS } from '../../../src-main/drafting/inputs/input-limits';
import { candidateFromBytes } from '../../../src-main/drafting/inputs/read-candidate';
import { draftTextFromBytes } from '../../../src-main/drafting/inputs/read-draft-text';
import { readInputFile } from '../../../src-main/drafting/inputs/read-input-file';
import { jobPostingFromBytes, jobPostingFromText } from '../../../src-main/drafting/inputs/read-job-posting';
import { documentXml, minimalDocx, zipArchive } from '../../helpers/docx-files';
import { tempDir } from '../../helpers/temp';
import { EXAMPLES } from './helpers';

const work = tempDir('aditus-input-limits-');
afterAll(() => work.cleanup());

/** The InputError a read ends in, with its code and message. */
async function refusal(read: Promise<unknown>): Promise<{ code: InputErrorCode; message: string }> {
  const error: unknown = await read.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof InputError)) throw new Error(`expected an InputError, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

function pdfWithPages(pages: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    for (let page = 1; page <= pages; page += 1) doc.addPage().text(`Page ${page}`);
    doc.end();
  });
}

const PNG = readFileSync(join(EXAMPLES, 'job-frontend.png'));
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

describe('images are checked by their content, not their name', () => {
  it('accepts PNG, JPEG and WebP data under their own names', async () => {
    expect(await jobPostingFromBytes('a.png', PNG)).toMatchObject({ kind: 'image', mediaType: 'image/png' });
    expect(await jobPostingFromBytes('a.jpeg', JPEG)).toMatchObject({ kind: 'image', mediaType: 'image/jpeg' });
    expect(await jobPostingFromBytes('a.webp', WEBP)).toMatchObject({ kind: 'image', mediaType: 'image/webp' });
  });

  it('refuses a file whose content is not the image its name says, naming the file', async () => {
    expect(await refusal(jobPostingFromBytes('posting.png', JPEG))).toEqual({
      code: 'input_type_mismatch',
      message: 'posting.png: is named .png but holds JPEG data, not a PNG image; rename or re-export it',
    });
    expect(await refusal(jobPostingFromBytes('posting.jpg', Buffer.from('<script>alert(1)</script>')))).toEqual({
      code: 'input_type_mismatch',
      message: 'posting.jpg: is named .jpg but is not a JPEG image',
    });
    const tooBig = Buffer.concat([PNG, Buffer.alloc(INPUT_LIMITS.maxImageBytes)]);
    expect(await refusal(jobPostingFromBytes('huge.webp', tooBig))).toMatchObject({
      code: 'input_too_large',
      message: 'huge.webp: is larger than 10 MB, the limit for an image',
    });
  });
});

describe('a DOCX is checked as a zip archive before it is unpacked', () => {
  it('reads a normal DOCX', async () => {
    const candidate = await candidateFromBytes('cv.docx', minimalDocx(documentXml(['Sam Doe', 'sam@example.com'])));
    expect(candidate.profile).toMatchObject({ name: 'Sam Doe', email: 'sam@example.com' });
  });

  it('refuses a zip bomb whose entry unpacks to more than it declares, without unpacking it', async () => {
    // 50 MB of spaces packed into 50 KB, declared as 1 KB: mammoth would inflate all of it.
    const bomb = minimalDocx(Buffer.alloc(50_000_000, 0x20), { declaredSize: 1_000 });
    expect(bomb.length).toBeLessThan(100_000);
    const { value, ms } = await timed(() => refusal(candidateFromBytes('bomb.docx', bomb)));
    expect(value).toEqual({
      code: 'input_too_large',
      message: 'bomb.docx: unpacks to more than its zip directory says (a "zip bomb"), so it was not opened',
    });
    expect(ms).toBeLessThan(5_000);
  });

  it('refuses a DOCX that declares more than 100 MB or more than 2,000 files', async () => {
    const declared = minimalDocx(documentXml(['x']), { declaredSize: 4_000_000_000 });
    expect(await refusal(candidateFromBytes('big.docx', declared))).toEqual({
      code: 'input_too_large',
      message: 'big.docx: unpacks to more than 100 MB, the limit for a DOCX',
    });
    const parts = Array.from({ length: 2_001 }, (_, i) => ({ name: `word/media/${i}.xml`, data: Buffer.from('x') }));
    expect(await refusal(candidateFromBytes('parts.docx', zipArchive(parts)))).toEqual({
      code: 'input_too_large',
      message: 'parts.docx: holds 2,001 files; a DOCX may hold at most 2,000',
    });
  });
});

describe('HTML is checked for depth as it is read', () => {
  const nested = (depth: number, tag = 'div') => `<${tag}>`.repeat(depth) + 'deep' + `</${tag}>`.repeat(depth);

  it('refuses a page nested past 256 levels with a typed error, quickly', async () => {
    // 10,000 levels overflowed the stack; 300,000 (about 2 MB) took minutes in the parser.
    for (const [name, html] of [
      ['nested.html', nested(10_000)],
      ['bold.html', nested(300_000, 'b')],
    ] as const) {
      const { value, ms } = await timed(() => refusal(jobPostingFromBytes(name, Buffer.from(html))));
      expect(value).toEqual({
        code: 'input_too_complex',
        message: `${name}: nests its elements more than 256 levels deep; save the posting as text or paste it instead`,
      });
      expect(ms, name).toBeLessThan(5_000);
    }
  });

  it('refuses an HTML file over 5 MB before parsing it (a million nested <div>s is 10.7 MB)', async () => {
    expect(await refusal(jobPostingFromBytes('million.html', Buffer.from(nested(1_000_000))))).toEqual({
      code: 'input_too_large',
      message: 'million.html: is 10.5 MB; a .html file may be at most 5 MB',
    });
  });

  it('reads sloppy HTML whose unclosed <p> and <li> the parser closes itself', async () => {
    const items = '<li>Go<li>Python'.repeat(1_000);
    const paragraphs = '<p>We build things.<p>You like it.'.repeat(1_000);
    const html = `<h1>Engineer</h1><ul>${items}</ul>${paragraphs}`;
    const posting = await jobPostingFromBytes('sloppy.html', Buffer.from(html));
    expect(posting).toMatchObject({ kind: 'text', sourceKind: 'html' });
    const stillNested = nested(INPUT_LIMITS.maxHtmlDepth - 2);
    expect(await jobPostingFromBytes('deep-but-fine.html', Buffer.from(stillNested))).toMatchObject({ kind: 'text' });
  });
});

describe('the same size limits on every path', () => {
  it('refuses a PDF of more than 50 pages', async () => {
    expect(await refusal(jobPostingFromBytes('long.pdf', await pdfWithPages(51)))).toEqual({
      code: 'input_too_large',
      message: 'long.pdf: has 51 pages; Aditus reads PDFs of up to 50 pages',
    });
  });

  it('refuses an 18 MB posting file, as pasted text over 500,000 characters is refused', async () => {
    const upload = Buffer.alloc(18 * 1024 * 1024, 'a');
    expect(await refusal(jobPostingFromBytes('posting.txt', upload))).toEqual({
      code: 'input_too_large',
      message: 'posting.txt: is 18 MB; a .txt file may be at most 2 MB',
    });
    const long = 'word '.repeat(120_000);
    const expected = 'has 600,000 characters of text; the limit is 500,000';
    expect(await refusal(jobPostingFromBytes('posting.md', Buffer.from(long)))).toMatchObject({
      code: 'input_too_large',
      message: `posting.md: ${expected}`,
    });
    expect(await refusal(candidateFromBytes('cv.txt', Buffer.from(long)))).toMatchObject({
      message: `cv.txt: ${expected}`,
    });
    expect(await refusal(draftTextFromBytes('draft.md', Buffer.from(long)))).toMatchObject({
      message: `draft.md: ${expected}`,
    });
    expect(await refusal((async () => jobPostingFromText(long))())).toMatchObject({
      message: `pasted.txt: ${expected}`,
    });
    // Text pulled out of a small DOCX counts the same as text in a file.
    const packed = minimalDocx(documentXml(Array.from({ length: 30_000 }, () => 'twenty characters ..')));
    expect(packed.length).toBeLessThan(INPUT_LIMITS.maxFileBytes.docx);
    expect(await refusal(candidateFromBytes('packed.docx', packed))).toMatchObject({ code: 'input_too_large' });
  });

  it('refuses an upload over 25 MB in the IPC contract, naming the file', () => {
    const upload = { file: { fileName: 'scan.pdf', dataBase64: 'A'.repeat(34_000_004) } };
    const parsed = importJobInputSchema.safeParse(upload);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('scan.pdf: is larger than 25 MB, the most a file may be');
  });

  it('refuses to load a file larger than any input may be', async () => {
    const path = join(work.dir, 'video.pdf');
    writeFileSync(path, Buffer.alloc(30 * 1024 * 1024));
    expect(await refusal(readInputFile(path))).toEqual({
      code: 'input_too_large',
      message: 'video.pdf: is 30 MB; no input file may be larger than 20 MB',
    });
  });
});
