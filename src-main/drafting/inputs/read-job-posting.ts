import { basename } from 'node:path';
import type { ImageMediaType } from '../../providers/types';
import { htmlToPlainText, pdfToText, tidyText } from './extract-text';
import { formatOfFile, POSTING_FORMATS } from './file-types';
import { InputError } from './input-error';
import { readInputFile } from './read-input-file';

/** An image posting needs a vision-capable provider for extraction; the builtin drafter cannot read images. */
export type JobPostingInput =
  | { kind: 'text'; sourceKind: 'text' | 'html' | 'pdf'; fileName: string; text: string }
  | { kind: 'image'; sourceKind: 'image'; fileName: string; mediaType: ImageMediaType; base64: string };

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads a job posting given as bytes: text or Markdown, HTML, PDF, or an image (.png, .jpg, .jpeg, .webp). */
export async function jobPostingFromBytes(fileName: string, bytes: Buffer): Promise<JobPostingInput> {
  const name = basename(fileName);
  const format = formatOfFile(fileName);
  if (format?.kind === 'image') {
    if (bytes.length === 0) throw new InputError(fileName, 'is an empty image');
    if (bytes.length > MAX_IMAGE_BYTES) throw new InputError(fileName, 'is larger than 10 MB');
    return {
      kind: 'image',
      sourceKind: 'image',
      fileName: name,
      mediaType: format.mediaType,
      base64: bytes.toString('base64'),
    };
  }
  if (!format || !POSTING_FORMATS.includes(format.format)) {
    throw new InputError(
      fileName,
      'unsupported job posting file type; use .txt, .md, .html, .pdf, .png, .jpg, .jpeg or .webp',
    );
  }
  let text: string;
  try {
    if (format.format === 'pdf') text = await pdfToText(bytes);
    else if (format.format === 'html') text = htmlToPlainText(bytes.toString('utf8'));
    else text = bytes.toString('utf8').replace(/^\uFEFF/u, '');
  } catch (error) {
    throw new InputError(fileName, `could not be read as ${format.format.toUpperCase()} (${describe(error)})`, {
      cause: error,
    });
  }
  const tidy = tidyText(text);
  if (tidy.length === 0) throw new InputError(fileName, 'contains no text');
  const sourceKind = format.format === 'pdf' ? 'pdf' : format.format === 'html' ? 'html' : 'text';
  return { kind: 'text', sourceKind, fileName: name, text: tidy };
}

/** Job posting pasted as text. */
export function jobPostingFromText(text: string): JobPostingInput {
  return { kind: 'text', sourceKind: 'text', fileName: 'pasted.txt', text: tidyText(text) };
}

export async function readJobPostingFile(path: string): Promise<JobPostingInput> {
  return jobPostingFromBytes(path, await readInputFile(path));
}
