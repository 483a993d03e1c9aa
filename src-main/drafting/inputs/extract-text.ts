import { checkDocxArchive } from './docx-archive';
import { docxHtmlToLines } from './docx-html-lines';
import { htmlToLines } from './html-text/html-to-lines';
import { InputError } from './input-error';
import { describeCount, INPUT_LIMITS } from './input-limits';
import { PAGE_BREAK } from './page-break';
import { pageText, type PdfItem } from './pdf-columns';

// The document readers load when a document is first read: pdf-parse's bundle installs polyfills and
// globals (Array.prototype.push among them) that every provider call would otherwise run through.
// These run in the document worker (read-in-worker.ts), under its time and memory budget.

export async function docxToText(fileName: string, bytes: Buffer): Promise<string> {
  checkDocxArchive(fileName, bytes, {
    maxEntries: INPUT_LIMITS.maxDocxEntries,
    maxUnpackedBytes: INPUT_LIMITS.maxDocxUnpackedBytes,
  });
  const { default: mammoth } = await import('mammoth');
  // The plain text first: it is cheap, and text over the limit is refused (by the caller) before the slower HTML
  // conversion that keeps headings, list bullets, bold runs and table rows for CV parsing.
  const raw = await mammoth.extractRawText({ buffer: bytes });
  if (raw.value.length > INPUT_LIMITS.maxTextChars) return raw.value;
  const result = await mammoth.convertToHtml({ buffer: bytes });
  return docxHtmlToLines(result.value);
}

export async function pdfToText(fileName: string, bytes: Buffer): Promise<string> {
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(bytes), isEvalSupported: false });
  try {
    const { total } = await parser.getInfo();
    if (total > INPUT_LIMITS.maxPdfPages) {
      throw new InputError(
        fileName,
        `has ${describeCount(total)} pages; Aditus reads PDFs of up to ${INPUT_LIMITS.maxPdfPages} pages`,
        { code: 'input_too_large' },
      );
    }
    const result = await parser.getText({ pageJoiner: '' });
    return result.text;
  } finally {
    await parser.destroy();
  }
}

/**
 * A PDF's text in reading order from the positions of its text (pdfjs): lines from the top of each page, and in a
 * two-column layout each column read to its end (pdf-columns.ts). Used for CVs, where a sidebar is common.
 */
export async function pdfToColumnText(fileName: string, bytes: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  try {
    if (doc.numPages > INPUT_LIMITS.maxPdfPages) {
      throw new InputError(
        fileName,
        `has ${describeCount(doc.numPages)} pages; Aditus reads PDFs of up to ${INPUT_LIMITS.maxPdfPages} pages`,
        { code: 'input_too_large' },
      );
    }
    const pages: string[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const { width, height } = page.getViewport({ scale: 1 });
      const items: PdfItem[] = [];
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item)) continue;
        const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
        items.push({ text: item.str, x, y: height - y, width: item.width, size: Math.hypot(a, b) || 10 });
      }
      pages.push(pageText(items, width));
    }
    return pages.join(`\n${PAGE_BREAK}\n`);
  } finally {
    await doc.destroy();
  }
}

/** Visible text of an HTML page: headings keep their case, lists become "- " lines, navigation and images are dropped. */
export function htmlToPlainText(html: string, fileName = 'page.html'): string {
  const text = htmlToLines(html, INPUT_LIMITS.maxHtmlDepth);
  if (text === null) {
    throw new InputError(
      fileName,
      `nests its elements more than ${INPUT_LIMITS.maxHtmlDepth} levels deep; save the posting as text or paste it instead`,
      { code: 'input_too_complex' },
    );
  }
  return text;
}
