import { basename, extname } from 'node:path';
import type { ImageMediaType } from '../../providers/types';
import { formatOfFile, POSTING_FORMATS } from './file-types';
import { IMAGE_TYPE_NAMES, imageTypeOf } from './image-signature';
import { InputError } from './input-error';
import { describeBytes, INPUT_LIMITS } from './input-limits';
import { checkTextLength, readDocumentText } from './read-document-text';
import { readInputFile } from './read-input-file';
import { tidyText } from './tidy-text';

/** An image posting needs a vision-capable provider for extraction; the builtin drafter cannot read images. */
export type JobPostingInput =
  | { kind: 'text'; sourceKind: 'text' | 'html' | 'pdf'; fileName: string; text: string }
  | { kind: 'image'; sourceKind: 'image'; fileName: string; mediaType: ImageMediaType; base64: string };

const PASTED = 'pasted.txt';

/** The image's bytes, once they are known to be the image type its name says. */
function checkImage(fileName: string, named: ImageMediaType, bytes: Buffer): void {
  if (bytes.length === 0) throw new InputError(fileName, 'is an empty image');
  if (bytes.length > INPUT_LIMITS.maxImageBytes) {
    throw new InputError(
      fileName,
      `is larger than ${describeBytes(INPUT_LIMITS.maxImageBytes)}, the limit for an image`,
      {
        code: 'input_too_large',
      },
    );
  }
  const actual = imageTypeOf(bytes);
  if (actual === named) return;
  const expected = `a ${IMAGE_TYPE_NAMES[named]} image`;
  throw new InputError(
    fileName,
    actual === null
      ? `is named ${extname(fileName)} but is not ${expected}`
      : `is named ${extname(fileName)} but holds ${IMAGE_TYPE_NAMES[actual]} data, not ${expected}; rename or re-export it`,
    { code: 'input_type_mismatch' },
  );
}

/** Reads a job posting given as bytes: text or Markdown, HTML, PDF, or an image (.png, .jpg, .jpeg, .webp). */
export async function jobPostingFromBytes(fileName: string, bytes: Buffer): Promise<JobPostingInput> {
  const name = basename(fileName);
  const format = formatOfFile(fileName);
  if (format?.kind === 'image') {
    checkImage(fileName, format.mediaType, bytes);
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
  const tidy = tidyText(await readDocumentText(fileName, format.format, bytes));
  if (tidy.length === 0) throw new InputError(fileName, 'contains no text');
  const sourceKind = format.format === 'pdf' ? 'pdf' : format.format === 'html' ? 'html' : 'text';
  return { kind: 'text', sourceKind, fileName: name, text: tidy };
}

/** Job posting pasted as text; the same length limit as a file's text. */
export function jobPostingFromText(text: string): JobPostingInput {
  checkTextLength(PASTED, text);
  return { kind: 'text', sourceKind: 'text', fileName: PASTED, text: tidyText(text) };
}

export async function readJobPostingFile(path: string): Promise<JobPostingInput> {
  return jobPostingFromBytes(path, await readInputFile(path));
}
