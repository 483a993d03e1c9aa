import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const candidates = sqliteTable(
  'candidates',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email'),
    sourceKind: text('source_kind').notNull(),
    sourceFileName: text('source_file_name'),
    sourceText: text('source_text').notNull(),
    /** JSON of candidateProfileSchema: the record flattened for drafting, rewritten whenever the record changes. */
    profile: text('profile').notNull(),
    /** JSON of candidateRecordSchema (JSON Resume + provenance); null only on rows from before it, filled at start. */
    record: text('record'),
    /** The file as it was imported (for the candidate's data export); null on rows from before it was kept. */
    sourceFile: blob('source_file', { mode: 'buffer' }),
    /** SHA-256 (hex) of `source_text`: the same file imported again; filled at start on rows from before it. */
    sourceHash: text('source_hash'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('candidates_source_hash').on(t.sourceHash)],
);

export const jobPostings = sqliteTable('job_postings', {
  id: text('id').primaryKey(),
  title: text('title'),
  company: text('company'),
  sourceKind: text('source_kind').notNull(),
  sourceFileName: text('source_file_name'),
  rawText: text('raw_text').notNull(),
  /** Base64 image for postings that arrived as a picture. */
  imageData: text('image_data'),
  imageMediaType: text('image_media_type'),
  /** JSON of jobFieldsSchema, null until extracted. */
  fields: text('fields'),
  /** JSON array of the field names the recruiter edited by hand; null on rows from before it was kept. */
  editedFields: text('edited_fields'),
  extractedBy: text('extracted_by'),
  extractedAt: integer('extracted_at'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const documents = sqliteTable(
  'documents',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['cv', 'cover_letter'] }).notNull(),
    candidateId: text('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    jobPostingId: text('job_posting_id').references(() => jobPostings.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    /** The working text, autosaved as the user types. */
    draftText: text('draft_text').notNull().default(''),
    autosavedAt: integer('autosaved_at'),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('documents_candidate').on(t.candidateId)],
);

export const documentVersions = sqliteTable(
  'document_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    origin: text('origin', { enum: ['generated', 'edited', 'restored', 'stopped', 'imported'] }).notNull(),
    providerName: text('provider_name'),
    model: text('model'),
    requestId: text('request_id'),
    offline: integer('offline', { mode: 'boolean' }).notNull().default(false),
    /** Why the router chose the provider (RouteReason JSON); null for versions no provider made. */
    routeReason: text('route_reason'),
    /** Where the candidate's data was sent for it (JSON: provider, region, masked — each provider tried); null when none was. */
    sentTo: text('sent_to'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('document_versions_document').on(t.documentId, t.version)],
);

/** Each validation of a document: the local checks, merged with a provider's judgement when one answered. */
export const validationReports = sqliteTable(
  'validation_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    /** JSON of validationReportSchema. */
    report: text('report').notNull(),
    /** The provider whose judgement is merged in; null for the local checks alone. */
    providerName: text('provider_name'),
    requestId: text('request_id'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('validation_reports_document').on(t.documentId, t.createdAt)],
);
