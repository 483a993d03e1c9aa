import { docxToText, htmlToPlainText, pdfToText } from './extract-text';
import type { DocumentFormat } from './file-types';
import { InputError } from './input-error';
import { describeBytes, describeCount, INPUT_LIMITS } from './input-limits';

/** Refuses text longer than an input may be; pasted text and text read from files share the limit. */
export function checkTextLength(fileName: string, text: string): void {
  if (text.length > INPUT_LIMITS.maxTextChars) {
    throw new InputError(
      fileName,
      `has ${describeCount(text.length)} characters of text; the limit is ${describeCount(INPUT_LIMITS.maxTextChars)}`,
      { code: 'input_too_large' },
    );
  }
}

async function parsedText(fileName: string, format: 'pdf' | 'docx' | 'html', bytes: Buffer): Promise<string> {
  try {
    if (format === 'docx') return await docxToText(fileName, bytes);
    if (format === 'pdf') return await pdfToText(fileName, bytes);
    return htmlToPlainText(bytes.toString('utf8'), fileName);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(fileName, `could not be read as ${format.toUpperCase()} (${reason})`, {
      cause: error,
      code: 'input_unreadable',
    });
  }
}

/**
 * The text of a document file, before tidying: plain text and Markdown as written, PDF, DOCX and HTML through their
 * parsers. Every limit of docs/input-limits.md applies: the file's size before anything parses it, the HTML depth,
 * the DOCX archive and PDF pages, and the length of the text.
 */
export async function readDocumentText(fileName: string, format: DocumentFormat, bytes: Buffer): Promise<string> {
  const maxBytes = INPUT_LIMITS.maxFileBytes[format];
  if (bytes.length > maxBytes) {
    throw new InputError(
      fileName,
      `is ${describeBytes(bytes.length)}; a .${format} file may be at most ${describeBytes(maxBytes)}`,
      { code: 'input_too_large' },
    );
  }
  const text =
    format === 'pdf' || format === 'docx' || format === 'html'
      ? await parsedText(fileName, format, bytes)
      : bytes.toString('utf8').replace(/^\uFEFF/u, '');
  checkTextLength(fileName, text);
  return text;
}
