import { formatOfFile } from './file-types';
import { InputError } from './input-error';
import { readDocumentText } from './read-document-text';
import { tidyText } from './tidy-text';

/** The text of a draft to validate: Markdown or text as-is, DOCX and PDF through their text layers. */
export async function draftTextFromBytes(fileName: string, bytes: Buffer): Promise<string> {
  const format = formatOfFile(fileName);
  if (format?.kind !== 'document' || format.format === 'json' || format.format === 'html')
    throw new InputError(fileName, 'is not a draft Aditus can read (use .md, .txt, .docx or .pdf)');
  const text = await readDocumentText(fileName, format.format, bytes);
  return format.format === 'docx' || format.format === 'pdf' ? tidyText(text) : text;
}
