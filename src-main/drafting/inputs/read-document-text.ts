import type { DocumentFormat } from './file-types';
import { InputError } from './input-error';
import { describeCount, describeOverLimit, INPUT_LIMITS } from './input-limits';
import { readInWorker } from './read-in-worker';
import { checkContentMatchesName, decodeTextFile } from './sniff-content';

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

/**
 * The text of a document file, before tidying: plain text and Markdown as written, PDF, DOCX and HTML read in the
 * document worker. Every limit of docs/input-limits.md applies: the file's size before anything parses it, the
 * worker's time and memory, and the length of the text. An empty file, or one whose content is not its named type
 * (a program renamed .md, a .pdf that is no PDF), is refused before any parser sees it.
 */
export async function readDocumentText(
  fileName: string,
  format: DocumentFormat,
  bytes: Buffer,
  options: { pdfColumns?: boolean } = {},
): Promise<string> {
  const maxBytes = INPUT_LIMITS.maxFileBytes[format];
  if (bytes.length > maxBytes) {
    const over = describeOverLimit(bytes.length, maxBytes);
    throw new InputError(fileName, `is ${over.size}; a .${format} file may be at most ${over.limit}`, {
      code: 'input_too_large',
    });
  }
  checkContentMatchesName(fileName, format, bytes);
  const text =
    format === 'pdf' || format === 'docx' || format === 'html'
      ? await readInWorker({ format, fileName, bytes, ...(options.pdfColumns ? { columns: true } : {}) })
      : decodeTextFile(bytes);
  checkTextLength(fileName, text);
  return text;
}
