import { basename } from 'node:path';
import { candidateProfileSchema, type CandidateProfile } from '@contract';
import { summariseIssues } from '../output/summarise-issues';
import { CANDIDATE_FORMATS, formatOfFile, type DocumentFormat } from './file-types';
import { InputError } from './input-error';
import { readDocumentText } from './read-document-text';
import { readInputFile } from './read-input-file';
import { parseCvText } from './parse-cv-text';
import { profileToText } from './profile-to-text';
import { tidyText } from './tidy-text';

export interface CandidateInput {
  sourceKind: DocumentFormat;
  fileName: string;
  /** The text the candidate supplied (for JSON, a plain-text rendering of the profile); the ground truth for validation. */
  sourceText: string;
  profile: CandidateProfile;
}

function profileFromJson(fileName: string, text: string): CandidateProfile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(fileName, 'is not valid JSON', { cause: error });
  }
  const parsed = candidateProfileSchema.safeParse(data);
  if (!parsed.success) {
    throw new InputError(
      fileName,
      `is not a valid candidate profile: ${summariseIssues(parsed.error.issues).join('; ')}`,
    );
  }
  return parsed.data;
}

/** Reads a candidate from a JSON profile or a CV (.txt, .md, .docx, .pdf) given as bytes. */
export async function candidateFromBytes(fileName: string, bytes: Buffer): Promise<CandidateInput> {
  const format = formatOfFile(fileName);
  if (!format || format.kind !== 'document' || !CANDIDATE_FORMATS.includes(format.format)) {
    throw new InputError(
      fileName,
      `unsupported candidate file type; use ${CANDIDATE_FORMATS.map((f) => `.${f}`).join(', ')}`,
    );
  }
  const text = tidyText(await readDocumentText(fileName, format.format, bytes));
  if (text.length === 0) throw new InputError(fileName, 'contains no text (a scanned PDF needs OCR first)');
  const name = basename(fileName);
  if (format.format === 'json') {
    const profile = profileFromJson(fileName, text);
    return { sourceKind: 'json', fileName: name, sourceText: profileToText(profile), profile };
  }
  return { sourceKind: format.format, fileName: name, sourceText: text, profile: candidateFromText(text) };
}

/** Parses CV text into a profile; the text itself stays the source of truth. */
export function candidateFromText(text: string): CandidateProfile {
  return parseCvText(tidyText(text));
}

export async function readCandidateFile(path: string): Promise<CandidateInput> {
  return candidateFromBytes(path, await readInputFile(path));
}
