import type { DocumentDto, DraftKind } from '@contract';
import { AppError } from '../../errors';
import { draftTextFromBytes } from '../inputs/read-draft-text';
import type { CandidatesRepo } from '../store/candidates-repo';
import type { DocumentsRepo } from '../store/documents-repo';
import type { JobPostingsRepo } from '../store/job-postings-repo';
import { readingInput } from './input-app-error';

export interface DocumentImportInput {
  kind: DraftKind;
  candidateId: string;
  jobPostingId?: string | null | undefined;
  file: { fileName: string; dataBase64: string };
  title?: string | undefined;
}

const stem = (fileName: string): string => fileName.replace(/\.[^.]+$/u, '') || fileName;

/**
 * A draft written elsewhere (Word, an editor, an earlier tool) stored as a candidate's document: its text is the
 * first version, marked `imported`, so it can be validated, edited, versioned and exported like a generated one.
 */
export async function importDocument(
  repos: { candidates: CandidatesRepo; jobs: JobPostingsRepo; documents: DocumentsRepo },
  input: DocumentImportInput,
  createdBy: string,
): Promise<DocumentDto> {
  repos.candidates.get(input.candidateId);
  if (input.jobPostingId) repos.jobs.get(input.jobPostingId);
  const { fileName, dataBase64 } = input.file;
  const text = await readingInput(() => draftTextFromBytes(fileName, Buffer.from(dataBase64, 'base64')));
  if (text.trim() === '') throw new AppError('invalid_input', `${fileName}: has no text to import.`);
  const title = input.title?.trim() || stem(fileName);
  const id = repos.documents.createWithVersion(
    { kind: input.kind, candidateId: input.candidateId, jobPostingId: input.jobPostingId ?? null, title, createdBy },
    text,
    'imported',
  );
  return repos.documents.get(id);
}
