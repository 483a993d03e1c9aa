import type { CandidateDto, CandidateProfile, DuplicateResult, OnDuplicate, Resume } from '@contract';
import type { AuditEntry } from '../../audit/audit-log';
import { immediate, type DatabaseHandle } from '../../db/client';
import { AppError } from '../../errors';
import { candidateFromBytes } from '../inputs/read-candidate';
import type { CandidatesRepo, NewCandidate } from '../store/candidates-repo';
import { findDuplicate, sourceHash } from './duplicate-candidates';
import { readingInput } from './input-app-error';

export type CandidateImportInput = (
  { file: { fileName: string; dataBase64: string } } | { profile: CandidateProfile } | { resume: Resume }
) & { onDuplicate?: OnDuplicate | undefined; replaceId?: string | undefined };

/**
 * Importing a candidate with duplicate detection: the same file (its text's hash) or the same person (name and
 * email, normalised) is answered with the stored match unless the caller said to import as new or to replace.
 * A replace keeps the candidate's id, import date and documents, and is audited by id only.
 */
export class CandidateImports {
  constructor(
    private readonly deps: {
      candidates: CandidatesRepo;
      store: DatabaseHandle;
      audit: { append(entry: AuditEntry): unknown };
    },
  ) {}

  async import(input: CandidateImportInput, actor: string): Promise<CandidateDto | DuplicateResult> {
    const onDuplicate = input.onDuplicate ?? 'ask';
    if (onDuplicate === 'replace' && !input.replaceId)
      throw new AppError('invalid_input', 'A replace needs the id of the candidate to replace (replaceId).');
    if (onDuplicate !== 'replace' && input.replaceId)
      throw new AppError('invalid_input', 'replaceId is only for onDuplicate "replace".');
    const candidate = await readCandidate(input);

    if (onDuplicate === 'replace') {
      const id = input.replaceId!;
      return immediate(this.deps.store.sqlite, () => {
        const replaced = this.deps.candidates.replace(id, candidate);
        this.deps.audit.append({ actor, action: 'candidate.replace', target: id });
        return replaced;
      });
    }
    if (onDuplicate === 'ask') {
      const duplicate = findDuplicate(this.deps.candidates.identities(), {
        name: candidate.profile.name,
        email: candidate.profile.email,
        sourceHash: candidate.sourceHash,
      });
      if (duplicate) return { duplicate };
    }
    return this.deps.candidates.create(candidate);
  }

  /** Gives rows from before the hash was kept one (at start; their source text is what was read then). */
  fillMissingHashes(): number {
    const rows = this.deps.candidates.unhashedRows();
    for (const row of rows) this.deps.candidates.fillSourceHash(row.id, sourceHash(row.sourceText));
    return rows.length;
  }
}

async function readCandidate(input: CandidateImportInput): Promise<NewCandidate> {
  const { fileName, bytes } =
    'file' in input
      ? { fileName: input.file.fileName, bytes: Buffer.from(input.file.dataBase64, 'base64') }
      : 'profile' in input
        ? { fileName: 'profile.json', bytes: Buffer.from(JSON.stringify(input.profile, null, 2)) }
        : { fileName: 'resume.json', bytes: Buffer.from(JSON.stringify(input.resume, null, 2)) };
  const read = await readingInput(() => candidateFromBytes(fileName, bytes));
  return { ...read, sourceFile: bytes, sourceHash: sourceHash(read.sourceText) };
}
