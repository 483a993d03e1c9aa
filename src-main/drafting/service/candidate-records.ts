import type { CandidateDto, CandidateRecord } from '@contract';
import type { Clock } from '../../clock';
import { AppError } from '../../errors';
import { draftFileName } from '../export/draft-file-name';
import { InputError } from '../inputs/input-error';
import { recordFromText } from '../inputs/read-candidate';
import { profileFromRecord } from '../record/profile-from-record';
import { recordFromProfile } from '../record/record-from-profile';
import { assertValidResume } from '../record/record-from-json';
import { resumeForExport } from '../record/resume-export';
import type { CandidatesRepo } from '../store/candidates-repo';

const TEXT_KINDS = new Set(['txt', 'md', 'docx', 'pdf', 'text']);

/** The candidate record (JSON Resume): the recruiter's corrections, export, and the migration of older rows. */
export class CandidateRecords {
  constructor(
    private readonly deps: {
      candidates: CandidatesRepo;
      clock: Clock;
    },
  ) {}

  /** Stores a corrected record after checking it against the JSON Resume schema; the profile follows from it. */
  update(id: string, record: CandidateRecord): CandidateDto {
    try {
      assertValidResume('the corrected record', record.resume);
    } catch (err) {
      if (err instanceof InputError) throw new AppError('invalid_input', err.message);
      throw err;
    }
    return this.deps.candidates.update(id, record, profileFromRecord(record));
  }

  export(id: string): { fileName: string; json: string } {
    const candidate = this.deps.candidates.get(id);
    const resume = resumeForExport(candidate.record, new Date(this.deps.clock.now()));
    // "Lea-Sorensen-CV.md" → "Lea-Sorensen.resume.json": the same safe name as a draft's.
    const fileName = `${draftFileName(candidate.name, 'cv', 'md').replace(/-CV\.md$/u, '')}.resume.json`;
    return { fileName, json: `${JSON.stringify(resume, null, 2)}\n` };
  }

  /**
   * Gives every row from before the record existed a record: a CV is parsed again from its stored source text
   * (so its facts get provenance); a JSON profile is converted. Rows already migrated are left alone. Each start
   * looks only at the rows added since the last pass (by rowid): with none added, it reads two values and stops.
   */
  migrateLegacyRows(): number {
    const { candidates } = this.deps;
    const checked = candidates.recordsCheckedUpTo();
    const last = candidates.lastRowid();
    if (last === checked) return 0;
    // `last < checked`: the newest rows were deleted, and SQLite may hand their rowids out again.
    const rows = last > checked ? candidates.legacyRows(checked) : [];
    for (const row of rows) {
      const file = row.sourceFileName ?? 'source.txt';
      const record = TEXT_KINDS.has(row.sourceKind)
        ? recordFromText(row.sourceText, file)
        : recordFromProfile(row.profile, file);
      candidates.fillLegacyRecord(row.id, record, profileFromRecord(record));
    }
    candidates.markRecordsCheckedUpTo(last);
    return rows.length;
  }
}
