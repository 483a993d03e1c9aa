import { docxToText, pdfToText, tidyText } from './extract-text';
import { formatOfFile } from './file-types';
import { InputError } from './input-error';

/** The text of a draft to validate: Markdown or text as-is, DOCX and PDF through their text layers. */
export async function draftTextFromBytes(fileName: string, bytes: Buffer): Promise<string> {
  const format = formatOfFile(fileName);
  if (format?.kind !== 'document' || format.format === 'json' || format.format === 'html')
    throw new InputError(fileName, 'is not a draft Aditus can read (use .md, .txt, .docx or .pdf)');
  if (format.format === 'docx') return tidyText(await docxToText(bytes));
  if (format.format === 'pdf') return tidyText(await pdfToText(bytes));
  return bytes.toString('utf8');
}
