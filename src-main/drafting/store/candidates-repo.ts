import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { CandidateDto, CandidateProfile, CandidateRecord } from '@contract';
import type { Clock } from '../../clock';
import type { DatabaseHandle } from '../../db/client';
import { AppError } from '../../errors';

interface Row extends Omit<CandidateDto, 'profile' | 'record'> {
  profile: string;
  record: string | null;
}

const COLUMNS = `id, name, email, source_kind AS sourceKind, source_file_name AS sourceFileName, source_text AS sourceText,
  profile, record, created_at AS createdAt, updated_at AS updatedAt`;

/** What a new candidate row is made of (drafting/inputs reads it from a file or pasted text). */
export interface NewCandidate {
  sourceKind: string;
  fileName: string;
  sourceText: string;
  record: CandidateRecord;
  profile: CandidateProfile;
}

/** A row from before the record existed: what the start-up migration needs to build one. */
export interface LegacyCandidateRow {
  id: string;
  sourceKind: string;
  sourceFileName: string | null;
  sourceText: string;
  profile: CandidateProfile;
}

export class CandidatesRepo {
  private readonly insert: Statement;
  private readonly selectOne: Statement;
  private readonly selectAll: Statement;
  private readonly selectLegacy: Statement;
  private readonly updateRecord: Statement;
  private readonly fillRecord: Statement;

  constructor(
    store: DatabaseHandle,
    private readonly clock: Clock,
  ) {
    const db = store.sqlite;
    this.insert = db.prepare(
      `INSERT INTO candidates (id, name, email, source_kind, source_file_name, source_text, profile, record, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.selectOne = db.prepare(`SELECT ${COLUMNS} FROM candidates WHERE id = ?`);
    this.selectAll = db.prepare(`SELECT ${COLUMNS} FROM candidates ORDER BY updated_at DESC`);
    this.selectLegacy = db.prepare(
      `SELECT id, source_kind AS sourceKind, source_file_name AS sourceFileName, source_text AS sourceText, profile
       FROM candidates WHERE record IS NULL`,
    );
    this.updateRecord = db.prepare(
      `UPDATE candidates SET name = ?, email = ?, profile = ?, record = ?, updated_at = ? WHERE id = ?`,
    );
    // The start-up migration keeps updated_at: filling the record is not an edit by anyone.
    this.fillRecord = db.prepare(`UPDATE candidates SET profile = ?, record = ? WHERE id = ? AND record IS NULL`);
  }

  create(input: NewCandidate): CandidateDto {
    const id = randomUUID();
    const now = this.clock.now();
    this.insert.run(
      id,
      input.profile.name || input.fileName,
      input.profile.email,
      input.sourceKind,
      input.fileName,
      input.sourceText,
      JSON.stringify(input.profile),
      JSON.stringify(input.record),
      now,
      now,
    );
    return this.get(id);
  }

  /** Replaces a candidate's record (and the profile derived from it). */
  update(id: string, record: CandidateRecord, profile: CandidateProfile): CandidateDto {
    const result = this.updateRecord.run(
      profile.name,
      profile.email,
      JSON.stringify(profile),
      JSON.stringify(record),
      this.clock.now(),
      id,
    );
    if (result.changes === 0) throw new AppError('not_found', 'That candidate does not exist (any more).');
    return this.get(id);
  }

  legacyRows(): LegacyCandidateRow[] {
    return (this.selectLegacy.all() as (Omit<LegacyCandidateRow, 'profile'> & { profile: string })[]).map((row) => ({
      ...row,
      profile: JSON.parse(row.profile) as CandidateProfile,
    }));
  }

  fillLegacyRecord(id: string, record: CandidateRecord, profile: CandidateProfile): void {
    this.fillRecord.run(JSON.stringify(profile), JSON.stringify(record), id);
  }

  get(id: string): CandidateDto {
    const row = this.selectOne.get(id) as Row | undefined;
    if (!row) throw new AppError('not_found', 'That candidate does not exist (any more).');
    return toDto(row);
  }

  list(): CandidateDto[] {
    return (this.selectAll.all() as Row[]).map(toDto);
  }
}

const EMPTY_RECORD: CandidateRecord = { resume: {}, provenance: {}, unassigned: [] };

function toDto(row: Row): CandidateDto {
  return {
    ...row,
    profile: JSON.parse(row.profile) as CandidateProfile,
    record: row.record === null ? EMPTY_RECORD : (JSON.parse(row.record) as CandidateRecord),
  };
}
