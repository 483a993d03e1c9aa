import { describe, expect, it } from 'vitest';
import { readDocumentText } from '../../../src-main/drafting/inputs/read-document-text';
import { ELF_BYTES } from '../../helpers/bad-files';

const refusal = (read: Promise<unknown>) =>
  read.then(
    () => 'read',
    (e: Error) => e.message,
  );

describe('document files are read by their content, not only their name', () => {
  it('refuses programs, archives and images named as text, and names what they hold', async () => {
    expect(await refusal(readDocumentText('cv.md', 'md', ELF_BYTES))).toBe(
      'cv.md: is named .md but holds an executable program (ELF), not text',
    );
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
    expect(await refusal(readDocumentText('cv.txt', 'txt', zip))).toBe(
      'cv.txt: is named .txt but holds a zip archive (or a DOCX), not text',
    );
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(await refusal(readDocumentText('profile.json', 'json', png))).toBe(
      'profile.json: is named .json but holds a PNG image, not text',
    );
    const noise = Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37 + 1) % 256 || 1));
    expect(await refusal(readDocumentText('posting.html', 'html', noise))).toBe(
      'posting.html: is named .html but holds binary data, not text',
    );
  });

  it('refuses a .docx that is not a zip archive and a .pdf without a PDF header', async () => {
    expect(await refusal(readDocumentText('cv.docx', 'docx', Buffer.from('Lea Sørensen')))).toBe(
      'cv.docx: is named .docx but is not a Word document (.docx files are zip archives)',
    );
    expect(await refusal(readDocumentText('cv.pdf', 'pdf', ELF_BYTES))).toBe(
      'cv.pdf: is named .pdf but holds an executable program (ELF), not a PDF',
    );
  });

  it('refuses an empty file by name', async () => {
    expect(await refusal(readDocumentText('cv.pdf', 'pdf', Buffer.alloc(0)))).toBe('cv.pdf: is empty (0 bytes)');
  });

  it('reads text saved as UTF-16 (with a byte-order mark) or Windows-1252, not only UTF-8', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Łukasz Dvořák\nBerlin', 'utf16le')]);
    expect(await readDocumentText('cv.txt', 'txt', utf16)).toBe('Łukasz Dvořák\nBerlin');
    const cp1252 = Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x80, 0x35]);
    expect(await readDocumentText('cv.txt', 'txt', cp1252)).toBe('Müller €5');
  });
});
