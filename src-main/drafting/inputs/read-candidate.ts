import { basename } from 'node:path';
import type { CandidateProfile, CandidateRecord } from '@contract';
import { parseCvRecord } from '../record/parse-cv-record';
import { profileFromRecord } from '../record/profile-from-record';
import { recordFromJson } from '../record/record-from-json';
import { recordToText } from '../record/record-to-text';
import { joinWrappedLines, sourceLinesOf } from '../record/source-lines';
import { CANDIDATE_FORMATS, formatOfFile, type DocumentFormat } from './file-types';
import { PAGE_BREAK } from './page-break';
import { InputError } from './input-error';
import { readDocumentText } from './read-document-text';
import { readInputFile } from './read-input-file';
import { parseCvText } from './parse-cv-text';
import { tidyText } from './tidy-text';

export interface CandidateInput {
  sourceKind: DocumentFormat;
  fileName: string;
  /** The text the candidate supplied (for JSON, a plain-text rendering of the record); the ground truth for validation. */
  sourceText: string;
  /** The JSON Resume record with the provenance of each fact. */
  record: CandidateRecord;
  /** The record flattened for drafting and validation. */
  profile: CandidateProfile;
}

/** The record of a CV's text: provenance lines are the lines of `text` as stored (pages start at `pageStarts`). */
export function recordFromText(
  text: string,
  fileName: string,
  format: DocumentFormat = 'txt',
  pageStarts: number[] = [],
): CandidateRecord {
  const lines = sourceLinesOf(text, fileName, { paragraphs: format === 'docx', pageStarts });
  // Markdown and DOCX mark their paragraphs; PDF and plain text may wrap one over several lines.
  return parseCvRecord(format === 'pdf' || format === 'txt' ? joinWrappedLines(lines) : lines);
}

/** Tidies each page of a PDF's text (pages split at PAGE_BREAK) and notes the stored line each page starts on. */
function paged(raw: string, isPdf: boolean): { text: string; pageStarts: number[] } {
  if (!isPdf) return { text: tidyText(raw), pageStarts: [] };
  const pages = raw.split(PAGE_BREAK).map(tidyText);
  const pageStarts: number[] = [];
  let line = 1;
  for (const page of pages) {
    pageStarts.push(line);
    line += page.split('\n').length;
  }
  return { text: pages.join('\n'), pageStarts };
}

/** Reads a candidate from a JSON Resume (or an Aditus JSON profile) or a CV (.txt, .md, .docx, .pdf) given as bytes. */
export async function candidateFromBytes(fileName: string, bytes: Buffer): Promise<CandidateInput> {
  const format = formatOfFile(fileName);
  if (!format || format.kind !== 'document' || !CANDIDATE_FORMATS.includes(format.format)) {
    throw new InputError(
      fileName,
      `unsupported candidate file type; use ${CANDIDATE_FORMATS.map((f) => `.${f}`).join(', ')}`,
    );
  }
  const raw = await readDocumentText(fileName, format.format, bytes, { pdfColumns: true });
  const { text, pageStarts } = paged(raw, format.format === 'pdf');
  if (text.trim().length === 0) throw new InputError(fileName, 'contains no text (a scanned PDF needs OCR first)');
  const name = basename(fileName);
  if (format.format === 'json') {
    const record = recordFromJson(name, text);
    return {
      sourceKind: 'json',
      fileName: name,
      sourceText: recordToText(record),
      record,
      profile: profileFromRecord(record),
    };
  }
  const record = recordFromText(text, name, format.format, pageStarts);
  return { sourceKind: format.format, fileName: name, sourceText: text, record, profile: profileFromRecord(record) };
}

/** Parses CV text into a profile (the old flat shape), for validating a draft without a stored candidate. */
export function candidateFromText(text: string): CandidateProfile {
  return parseCvText(tidyText(text));
}

export async function readCandidateFile(path: string): Promise<CandidateInput> {
  return candidateFromBytes(path, await readInputFile(path));
}
