import { randomUUID } from 'node:crypto';
import {
  JOB_FIELD_NAMES,
  type JobDuplicateMatch,
  type JobFieldName,
  type JobFields,
  type JobPostingDto,
} from '@contract';
import type { Clock } from '../../clock';
import type { DatabaseHandle } from '../../db/client';
import { AppError } from '../../errors';
import type { ImageMediaType } from '../../providers/types';

interface Row extends Omit<JobPostingDto, 'fields' | 'hasImage' | 'editedFields'> {
  fields: string | null;
  editedFields: string | null;
  imageData: string | null;
  imageMediaType: ImageMediaType | null;
}

const COLUMNS = `id, title, company, source_kind AS sourceKind, source_file_name AS sourceFileName, raw_text AS rawText,
  image_data AS imageData, image_media_type AS imageMediaType, fields, edited_fields AS editedFields, extracted_by AS extractedBy,
  extracted_at AS extractedAt, created_at AS createdAt, updated_at AS updatedAt`;

/** What a new job posting row is made of (drafting/inputs reads it from a file or pasted text). */
export type NewJobPosting =
  | { kind: 'text'; sourceKind: string; fileName: string; text: string }
  | { kind: 'image'; sourceKind: string; fileName: string; mediaType: ImageMediaType; base64: string };

export interface StoredJobPosting extends JobPostingDto {
  image: { mediaType: ImageMediaType; base64: string } | null;
}

/** Rows saved before edits were kept per field only say "edited" for the whole posting: every field counts. */
function editedFieldsOf(row: Row): JobFieldName[] {
  if (row.editedFields !== null) return JSON.parse(row.editedFields) as JobFieldName[];
  return row.extractedBy === 'edited' && row.fields !== null ? [...JOB_FIELD_NAMES] : [];
}

const toStored = (row: Row): StoredJobPosting => {
  const { imageData, imageMediaType, fields, editedFields: _edited, ...rest } = row;
  return {
    ...rest,
    hasImage: imageData !== null,
    fields: fields ? (JSON.parse(fields) as JobFields) : null,
    editedFields: editedFieldsOf(row),
    image: imageData && imageMediaType ? { mediaType: imageMediaType, base64: imageData } : null,
  };
};

export const toJobDto = ({ image: _image, ...dto }: StoredJobPosting): JobPostingDto => dto;

export class JobPostingsRepo {
  constructor(
    private readonly store: DatabaseHandle,
    private readonly clock: Clock,
  ) {}

  create(input: NewJobPosting): StoredJobPosting {
    const id = randomUUID();
    const now = this.clock.now();
    this.store.sqlite
      .prepare(
        `INSERT INTO job_postings (id, source_kind, source_file_name, raw_text, image_data, image_media_type, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.sourceKind,
        input.fileName,
        input.kind === 'text' ? input.text : '',
        input.kind === 'image' ? input.base64 : null,
        input.kind === 'image' ? input.mediaType : null,
        now,
        now,
      );
    return this.get(id);
  }

  /** The newest stored posting with the same text (or, for a picture, the same image), or null. */
  findSame(input: NewJobPosting): JobDuplicateMatch | null {
    const match = `SELECT id, coalesce(json_extract(fields, '$.title'), title) AS title,
        coalesce(json_extract(fields, '$.company'), company) AS company, source_file_name AS sourceFileName,
        created_at AS createdAt FROM job_postings`;
    const row =
      input.kind === 'text'
        ? this.store.sqlite
            .prepare(`${match} WHERE image_data IS NULL AND raw_text = ? ORDER BY created_at DESC LIMIT 1`)
            .get(input.text)
        : this.store.sqlite.prepare(`${match} WHERE image_data = ? ORDER BY created_at DESC LIMIT 1`).get(input.base64);
    return (row as JobDuplicateMatch | undefined) ?? null;
  }

  get(id: string): StoredJobPosting {
    const row = this.store.sqlite.prepare(`SELECT ${COLUMNS} FROM job_postings WHERE id = ?`).get(id) as
      Row | undefined;
    if (!row) throw new AppError('not_found', 'That job posting does not exist (any more).');
    return toStored(row);
  }

  list(): JobPostingDto[] {
    return (this.store.sqlite.prepare(`SELECT ${COLUMNS} FROM job_postings ORDER BY updated_at DESC`).all() as Row[])
      .map(toStored)
      .map(toJobDto);
  }

  /** A new title; an extracted title changes with it and counts as edited by hand (a new extraction asks first). */
  rename(id: string, title: string): StoredJobPosting {
    const job = this.get(id);
    if (!job.fields) {
      this.store.sqlite
        .prepare('UPDATE job_postings SET title = ?, updated_at = ? WHERE id = ?')
        .run(title, this.clock.now(), id);
      return this.get(id);
    }
    const edited = job.editedFields.includes('title') ? job.editedFields : [...job.editedFields, 'title' as const];
    return this.saveEdits(id, { ...job.fields, title }, edited);
  }

  /** An extraction's fields (with the edits by hand it kept, still marked). */
  setFields(id: string, fields: JobFields, extractedBy: string, editedFields: JobFieldName[] = []): StoredJobPosting {
    const now = this.clock.now();
    this.store.sqlite
      .prepare(
        `UPDATE job_postings SET fields = ?, title = ?, company = ?, edited_fields = ?, extracted_by = ?, extracted_at = ?,
           updated_at = ? WHERE id = ?`,
      )
      .run(
        JSON.stringify(fields),
        fields.title,
        fields.company,
        JSON.stringify(editedFields),
        extractedBy,
        now,
        now,
        id,
      );
    return this.get(id);
  }

  /** The recruiter's corrections: who extracted the rest stays (a posting never extracted is "edited"). */
  saveEdits(id: string, fields: JobFields, editedFields: JobFieldName[]): StoredJobPosting {
    const now = this.clock.now();
    this.store.sqlite
      .prepare(
        `UPDATE job_postings SET fields = ?, title = ?, company = ?, edited_fields = ?,
           extracted_by = coalesce(extracted_by, 'edited'), updated_at = ? WHERE id = ?`,
      )
      .run(JSON.stringify(fields), fields.title, fields.company, JSON.stringify(editedFields), now, id);
    return this.get(id);
  }
}
