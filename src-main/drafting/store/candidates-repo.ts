import { randomUUID } from 'node:crypto';
import type { CandidateDto, CandidateProfile } from '@contract';
import type { Clock } from '../../clock';
import type { DatabaseHandle } from '../../db/client';
import { AppError } from '../../errors';

interface Row extends Omit<CandidateDto, 'profile'> {
  profile: string;
}

const COLUMNS = `id, name, email, source_kind AS sourceKind, source_file_name AS sourceFileName, source_text AS sourceText,
  profile, created_at AS createdAt, updated_at AS updatedAt`;

/** What a new candidate row is made of (drafting/inputs reads it from a file or pasted text). */
export interface NewCandidate {
  sourceKind: string;
  fileName: string;
  sourceText: string;
  profile: CandidateProfile;
}

const toDto = (row: Row): CandidateDto => ({ ...row, profile: JSON.parse(row.profile) as CandidateProfile });

export class CandidatesRepo {
  constructor(
    private readonly store: DatabaseHandle,
    private readonly clock: Clock,
  ) {}

  create(input: NewCandidate): CandidateDto {
    const id = randomUUID();
    const now = this.clock.now();
    this.store.sqlite
      .prepare(
        `INSERT INTO candidates (id, name, email, source_kind, source_file_name, source_text, profile, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.profile.name || input.fileName,
        input.profile.email,
        input.sourceKind,
        input.fileName,
        input.sourceText,
        JSON.stringify(input.profile),
        now,
        now,
      );
    return this.get(id);
  }

  get(id: string): CandidateDto {
    const row = this.store.sqlite.prepare(`SELECT ${COLUMNS} FROM candidates WHERE id = ?`).get(id) as Row | undefined;
    if (!row) throw new AppError('not_found', 'That candidate does not exist (any more).');
    return toDto(row);
  }

  list(): CandidateDto[] {
    return (this.store.sqlite.prepare(`SELECT ${COLUMNS} FROM candidates ORDER BY updated_at DESC`).all() as Row[]).map(
      toDto,
    );
  }
}
