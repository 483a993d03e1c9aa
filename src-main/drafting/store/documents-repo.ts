import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  routeReasonSchema,
  sentToSchema,
  type DocumentDto,
  type DocumentVersionDto,
  type DraftKind,
  type RouteReason,
  type SentTo,
} from '@contract';
import type { Clock } from '../../clock';
import { immediate, type DatabaseHandle } from '../../db/client';
import { AppError } from '../../errors';

type DocumentRow = Omit<DocumentDto, 'versions'>;
type VersionRow = Omit<DocumentVersionDto, 'offline' | 'routeReason' | 'sentTo'> & {
  offline: number;
  routeReason: string | null;
  sentTo: string | null;
};

const DOC_COLUMNS = `id, kind, candidate_id AS candidateId, job_posting_id AS jobPostingId, title, draft_text AS draftText,
  autosaved_at AS autosavedAt, created_at AS createdAt, updated_at AS updatedAt`;
const VERSION_COLUMNS = `version, text, origin, provider_name AS providerName, model, request_id AS requestId, offline,
  route_reason AS routeReason, sent_to AS sentTo, created_at AS createdAt`;

export interface VersionMeta {
  providerName: string | null;
  model: string | null;
  requestId: string | null;
  offline: boolean;
  /** Why the router chose the provider that made the version. */
  routeReason?: RouteReason;
  /** Where the candidate's data went for it. */
  sentTo?: SentTo[];
}

/** A stored JSON column that no longer parses (an older shape) is shown as unknown, never guessed. */
function parseStored<T>(schema: z.ZodType<T>, json: string | null): T | null {
  if (json === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const sentToListSchema = z.array(sentToSchema);

const versionDto = ({ offline, routeReason, sentTo, ...rest }: VersionRow): DocumentVersionDto => ({
  ...rest,
  offline: offline === 1,
  routeReason: parseStored(routeReasonSchema, routeReason),
  sentTo: parseStored(sentToListSchema, sentTo),
});

/** Documents (CV, cover letter) with an autosaved working text and an append-only version history. */
export class DocumentsRepo {
  constructor(
    private readonly store: DatabaseHandle,
    private readonly clock: Clock,
  ) {}

  create(kind: DraftKind, candidateId: string, jobPostingId: string | null, title: string, createdBy: string): string {
    const id = randomUUID();
    const now = this.clock.now();
    this.store.sqlite
      .prepare(
        `INSERT INTO documents (id, kind, candidate_id, job_posting_id, title, draft_text, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, '', ?, ?, ?)`,
      )
      .run(id, kind, candidateId, jobPostingId, title, createdBy, now, now);
    return id;
  }

  /** A new document with its first version, in one transaction (nothing half-made is left on failure). */
  createWithVersion(
    doc: { kind: DraftKind; candidateId: string; jobPostingId: string | null; title: string; createdBy: string },
    text: string,
    origin: DocumentVersionDto['origin'],
  ): string {
    return immediate(this.store.sqlite, () => {
      const id = this.create(doc.kind, doc.candidateId, doc.jobPostingId, doc.title, doc.createdBy);
      this.addVersion(id, text, origin, { providerName: null, model: null, requestId: null, offline: false });
      return id;
    });
  }

  get(id: string): DocumentDto {
    const row = this.store.sqlite.prepare(`SELECT ${DOC_COLUMNS} FROM documents WHERE id = ?`).get(id) as
      DocumentRow | undefined;
    if (!row) throw new AppError('not_found', 'That document does not exist (any more).');
    const versions = (
      this.store.sqlite
        .prepare(`SELECT ${VERSION_COLUMNS} FROM document_versions WHERE document_id = ? ORDER BY version DESC`)
        .all(id) as VersionRow[]
    ).map(versionDto);
    return { ...row, versions };
  }

  list(candidateId?: string): DocumentDto[] {
    const rows = (
      candidateId
        ? this.store.sqlite
            .prepare(`SELECT ${DOC_COLUMNS} FROM documents WHERE candidate_id = ? ORDER BY updated_at DESC`)
            .all(candidateId)
        : this.store.sqlite.prepare(`SELECT ${DOC_COLUMNS} FROM documents ORDER BY updated_at DESC`).all()
    ) as DocumentRow[];
    return rows.map((r) => ({ ...r, versions: [] }));
  }

  rename(id: string, title: string): DocumentDto {
    const changed = this.store.sqlite
      .prepare('UPDATE documents SET title = ?, updated_at = ? WHERE id = ?')
      .run(title, this.clock.now(), id).changes;
    if (changed === 0) throw new AppError('not_found', 'That document does not exist (any more).');
    return this.get(id);
  }

  /** The working text as the user (or a stream) writes it: one small committed update each time. */
  autosave(id: string, text: string): number {
    const now = this.clock.now();
    const changed = this.store.sqlite
      .prepare('UPDATE documents SET draft_text = ?, autosaved_at = ?, updated_at = ? WHERE id = ?')
      .run(text, now, now, id).changes;
    if (changed === 0) throw new AppError('not_found', 'That document does not exist (any more).');
    return now;
  }

  addVersion(id: string, text: string, origin: DocumentVersionDto['origin'], meta: VersionMeta): number {
    return immediate(this.store.sqlite, () => {
      const now = this.clock.now();
      const last = this.store.sqlite
        .prepare('SELECT coalesce(max(version), 0) AS v FROM document_versions WHERE document_id = ?')
        .get(id) as { v: number };
      const version = last.v + 1;
      this.store.sqlite
        .prepare(
          `INSERT INTO document_versions (document_id, version, text, origin, provider_name, model, request_id, offline,
             route_reason, sent_to, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          version,
          text,
          origin,
          meta.providerName,
          meta.model,
          meta.requestId,
          meta.offline ? 1 : 0,
          meta.routeReason ? JSON.stringify(meta.routeReason) : null,
          meta.sentTo ? JSON.stringify(meta.sentTo) : null,
          now,
        );
      this.autosave(id, text);
      return version;
    });
  }

  /** Removes a document that holds nothing (no version, no text), e.g. a new draft stopped before any text came. */
  deleteIfEmpty(id: string): boolean {
    const deleted = this.store.sqlite
      .prepare(
        `DELETE FROM documents WHERE id = ? AND draft_text = ''
           AND NOT EXISTS (SELECT 1 FROM document_versions WHERE document_id = documents.id)`,
      )
      .run(id).changes;
    return deleted > 0;
  }

  restore(id: string, version: number): number {
    const row = this.store.sqlite
      .prepare('SELECT text FROM document_versions WHERE document_id = ? AND version = ?')
      .get(id, version) as { text: string } | undefined;
    if (!row) throw new AppError('not_found', `Version ${version} does not exist.`);
    return this.addVersion(id, row.text, 'restored', {
      providerName: null,
      model: null,
      requestId: null,
      offline: false,
    });
  }
}
