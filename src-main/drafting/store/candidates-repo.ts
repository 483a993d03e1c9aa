import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { CandidateDto, CandidateProfile, CandidateRecord } from '@contract';
import type { Clock } from '../../clock';
import type { DatabaseHandle } from '../../db/client';
import { AppError } from '../../errors';
import { SettingsRepo } from '../../settings-repo';

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
  /** The file's bytes as imported. */
  sourceFile: Buffer;
  /** SHA-256 (hex) of sourceText. */
  sourceHash: string;
}

/** What tells whether an import is already stored: each candidate's name, email and source hash. */
export interface CandidateIdentity {
  id: string;
  name: string;
  email: string | null;
  sourceFileName: string | null;
  sourceHash: string | null;
  createdAt: number;
}

/** A candidate's source as imported; `file` is null on rows from before the bytes were kept. */
export interface CandidateSource {
  kind: string;
  fileName: string | null;
  text: string;
  file: Buffer | null;
  /** SHA-256 (hex) of `text`. */
  hash: string | null;
}

/** The columns an import writes, in the order of the insert and the replace statements. */
const rowValues = (input: NewCandidate) =>
  [
    input.profile.name || input.fileName,
    input.profile.email,
    input.sourceKind,
    input.fileName,
    input.sourceText,
    JSON.stringify(input.profile),
    JSON.stringify(input.record),
    input.sourceFile,
    input.sourceHash,
  ] as const;

/** A row from before the record existed: what the start-up migration needs to build one. */
export interface LegacyCandidateRow {
  id: string;
  sourceKind: string;
  sourceFileName: string | null;
  sourceText: string;
  profile: CandidateProfile;
}

/**
 * Settings key: the highest candidates rowid the start-up pass for rows without a record has looked at. Later
 * starts look only at rows added since (a range of the rowid, not a scan: no index can find `record IS NULL`).
 * A restored backup brings its own value, or none (then its rows are all looked at once).
 */
const RECORDS_CHECKED_UP_TO = 'candidates.recordsCheckedUpToRowid';

export class CandidatesRepo {
  private readonly checkedUpTo: SettingsRepo;
  private readonly selectLastRowid: Statement;
  private readonly insert: Statement;
  private readonly selectOne: Statement;
  private readonly selectAll: Statement;
  private readonly selectLegacy: Statement;
  private readonly updateRecord: Statement;
  private readonly fillRecord: Statement;
  private readonly replaceRow: Statement;
  private readonly selectIdentities: Statement;
  private readonly selectUnhashed: Statement;
  private readonly fillHash: Statement;
  private readonly selectSource: Statement;

  constructor(
    store: DatabaseHandle,
    private readonly clock: Clock,
  ) {
    const db = store.sqlite;
    this.checkedUpTo = new SettingsRepo(db, [RECORDS_CHECKED_UP_TO]);
    this.selectLastRowid = db.prepare('SELECT coalesce(max(rowid), 0) AS last FROM candidates');
    this.insert = db.prepare(
      `INSERT INTO candidates (id, name, email, source_kind, source_file_name, source_text, profile, record, source_file,
         source_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.selectOne = db.prepare(`SELECT ${COLUMNS} FROM candidates WHERE id = ?`);
    this.selectAll = db.prepare(`SELECT ${COLUMNS} FROM candidates ORDER BY updated_at DESC`);
    this.selectLegacy = db.prepare(
      `SELECT id, source_kind AS sourceKind, source_file_name AS sourceFileName, source_text AS sourceText, profile
       FROM candidates WHERE rowid > ? AND record IS NULL`,
    );
    this.updateRecord = db.prepare(
      `UPDATE candidates SET name = ?, email = ?, profile = ?, record = ?, updated_at = ? WHERE id = ?`,
    );
    // The start-up migration keeps updated_at: filling the record is not an edit by anyone.
    this.fillRecord = db.prepare(`UPDATE candidates SET profile = ?, record = ? WHERE id = ? AND record IS NULL`);
    this.replaceRow = db.prepare(
      `UPDATE candidates SET name = ?, email = ?, source_kind = ?, source_file_name = ?, source_text = ?, profile = ?,
         record = ?, source_file = ?, source_hash = ?, updated_at = ? WHERE id = ?`,
    );
    this.selectIdentities = db.prepare(
      `SELECT id, name, email, source_file_name AS sourceFileName, source_hash AS sourceHash, created_at AS createdAt
       FROM candidates ORDER BY created_at DESC`,
    );
    this.selectUnhashed = db.prepare(`SELECT id, source_text AS sourceText FROM candidates WHERE source_hash IS NULL`);
    this.fillHash = db.prepare(`UPDATE candidates SET source_hash = ? WHERE id = ? AND source_hash IS NULL`);
    this.selectSource = db.prepare(
      `SELECT source_kind AS kind, source_file_name AS fileName, source_text AS text, source_file AS file,
         source_hash AS hash FROM candidates WHERE id = ?`,
    );
  }

  create(input: NewCandidate): CandidateDto {
    const id = randomUUID();
    const now = this.clock.now();
    this.insert.run(id, ...rowValues(input), now, now);
    return this.get(id);
  }

  /** Puts a new import in place of a candidate's record and source; its id, import date and documents stay. */
  replace(id: string, input: NewCandidate): CandidateDto {
    const result = this.replaceRow.run(...rowValues(input), this.clock.now(), id);
    if (result.changes === 0) throw new AppError('not_found', 'That candidate does not exist (any more).');
    return this.get(id);
  }

  /** Newest first. */
  identities(): CandidateIdentity[] {
    return this.selectIdentities.all() as CandidateIdentity[];
  }

  unhashedRows(): { id: string; sourceText: string }[] {
    return this.selectUnhashed.all() as { id: string; sourceText: string }[];
  }

  fillSourceHash(id: string, hash: string): void {
    this.fillHash.run(hash, id);
  }

  source(id: string): CandidateSource {
    const row = this.selectSource.get(id) as CandidateSource | undefined;
    if (!row) throw new AppError('not_found', 'That candidate does not exist (any more).');
    return row;
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

  /** The highest rowid a start-up pass has looked at (0: none yet). */
  recordsCheckedUpTo(): number {
    const value = this.checkedUpTo.read()[RECORDS_CHECKED_UP_TO];
    return typeof value === 'number' ? value : 0;
  }

  markRecordsCheckedUpTo(rowid: number): void {
    this.checkedUpTo.write(RECORDS_CHECKED_UP_TO, rowid, this.clock.now());
  }

  /** The highest rowid in the table (0 when it is empty): one step down the rowid b-tree. */
  lastRowid(): number {
    return (this.selectLastRowid.get() as { last: number }).last;
  }

  /** Rows after `afterRowid` from before the record existed. */
  legacyRows(afterRowid: number): LegacyCandidateRow[] {
    return (this.selectLegacy.all(afterRowid) as (Omit<LegacyCandidateRow, 'profile'> & { profile: string })[]).map(
      (row) => ({
        ...row,
        profile: JSON.parse(row.profile) as CandidateProfile,
      }),
    );
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
