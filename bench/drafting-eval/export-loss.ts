import { execFileSync } from 'node:child_process';
import mammoth from 'mammoth';
import type { ExportFormat } from '@contract';
import { isAppError } from '../../src-main/errors';
import { exportDraft } from '../../src-main/drafting/export/export-draft';
import { plainLine, splitLines } from '../../src-main/drafting/text/lines';

// Export round trip: each exported PDF and DOCX is read back (pdftotext, mammoth) and compared with the draft,
// character by character. Used by the round-trip test and by `npm run eval:drafting`.

/** The draft's words as a reader sees them: Markdown marks gone, whitespace (and so wrapping) ignored. */
export function draftWords(markdown: string): string {
  return splitLines(markdown).map(plainLine).join('').replace(/\s+/gu, '');
}

export function pdfWords(pdf: Buffer): string {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
  // The bullet glyph the PDF draws before a list item is not a character of the draft.
  return text.replace(/^\s*•/gmu, '').replace(/\s+/gu, '');
}

export async function docxWords(docx: Buffer): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: docx });
  return value.replace(/\s+/gu, '');
}

/** Characters of `expected` that `actual` lacks, counted with multiplicity. */
export function lostCharacters(expected: string, actual: string): string[] {
  const counts = new Map<string, number>();
  for (const char of actual) counts.set(char, (counts.get(char) ?? 0) + 1);
  const lost: string[] = [];
  for (const char of expected) {
    const left = counts.get(char) ?? 0;
    if (left === 0) lost.push(char);
    else counts.set(char, left - 1);
  }
  return lost;
}

export interface ExportLoss {
  /** Exports made (documents × formats), refusals included. */
  exports: number;
  /** Characters of the drafts missing from the files read back. */
  lost: number;
  /** "document (FORMAT): characters" for each export that lost some. */
  losses: string[];
  /** Exports refused with a message naming the characters no embedded font covers: not a loss, nothing is dropped. */
  refusals: string[];
}

const FORMATS: Exclude<ExportFormat, 'md'>[] = ['pdf', 'docx'];

/** Exports each document as PDF and DOCX with the app's exporters and counts the characters lost on the way. */
export async function measureExportLoss(documents: readonly { name: string; markdown: string }[]): Promise<ExportLoss> {
  const result: ExportLoss = { exports: 0, lost: 0, losses: [], refusals: [] };
  for (const { name, markdown } of documents) {
    for (const format of FORMATS) {
      result.exports += 1;
      let file: Buffer;
      try {
        file = await exportDraft(markdown, format, { createdAt: new Date(0) });
      } catch (error) {
        const characters = isAppError(error) ? error.details?.characters : undefined;
        if (!Array.isArray(characters)) throw error;
        result.refusals.push(`${name} (${format.toUpperCase()}): ${characters.join(' ')}`);
        continue;
      }
      const actual = format === 'pdf' ? pdfWords(file) : await docxWords(file);
      const lost = lostCharacters(draftWords(markdown), actual);
      if (lost.length > 0) {
        result.lost += lost.length;
        result.losses.push(`${name} (${format.toUpperCase()}): ${lost.join('')}`);
      }
    }
  }
  return result;
}
