// Schemas are z.lazy (built on first use, so a command builds only its channels' schemas) unless code extends them or reads their shape.
import { z } from 'zod';
import { routeReasonSchema } from './routing';
import { idSchema } from './common';
import {
  duplicateOptionsShape,
  duplicateResultSchema,
  jobDuplicateMatchSchema,
  jobDuplicateOptionsShape,
} from './duplicates';
import {
  candidateProfileSchema,
  draftKindSchema,
  exportFormatSchema,
  jobFieldNameSchema,
  jobFieldsSchema,
  validationReportSchema,
} from './drafting';
import { queuedTaskSchema } from './queue';
import { candidateRecordSchema, resumeSchema } from './resume';
import { attemptSchema } from './usage';

/** Stored candidates, job postings and documents: what the drafting screens and the CLI work with. */
export const candidateDtoSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    sourceKind: z.string(),
    sourceFileName: z.string().nullable(),
    sourceText: z.string(),
    /** The candidate record (JSON Resume with provenance); what the recruiter sees and corrects. */
    record: candidateRecordSchema,
    /** The record flattened for drafting and validation; derived from `record`, never stored on its own. */
    profile: candidateProfileSchema,
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  }),
);
export type CandidateDto = z.infer<typeof candidateDtoSchema>;

export const jobPostingDtoSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    title: z.string().nullable(),
    company: z.string().nullable(),
    sourceKind: z.string(),
    sourceFileName: z.string().nullable(),
    rawText: z.string(),
    hasImage: z.boolean(),
    fields: jobFieldsSchema.nullable(),
    /** Fields the recruiter edited by hand; "Extract again" asks before it replaces any of them. */
    editedFields: z.array(jobFieldNameSchema),
    extractedBy: z.string().nullable(),
    extractedAt: z.number().int().nullable(),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  }),
);
export type JobPostingDto = z.infer<typeof jobPostingDtoSchema>;

/** One provider a request's candidate data was sent to: its region, and whether the identifiers were masked. */
export const sentToSchema = z.lazy(() => z.object({ provider: z.string(), region: z.string(), masked: z.boolean() }));
export type SentTo = z.infer<typeof sentToSchema>;

export const documentVersionDtoSchema = z.lazy(() =>
  z.object({
    version: z.number().int(),
    text: z.string(),
    /** `stopped`: what streamed before the user stopped the generation; an incomplete draft. */
    origin: z.enum(['generated', 'edited', 'restored', 'stopped', 'imported']),
    providerName: z.string().nullable(),
    model: z.string().nullable(),
    requestId: z.string().nullable(),
    offline: z.boolean(),
    /** Why the router chose this version's provider; null when no provider made it (edits, offline drafts). */
    routeReason: routeReasonSchema.nullable(),
    /**
     * Where the candidate's data went for this version: every provider tried (a failed one too), its region and
     * whether the identifiers were masked; null when no provider made it.
     */
    sentTo: z.array(sentToSchema).nullable(),
    createdAt: z.number().int(),
  }),
);
export type DocumentVersionDto = z.infer<typeof documentVersionDtoSchema>;

export const documentDtoSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    kind: draftKindSchema,
    candidateId: z.string(),
    jobPostingId: z.string().nullable(),
    title: z.string(),
    draftText: z.string(),
    autosavedAt: z.number().int().nullable(),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
    versions: z.array(documentVersionDtoSchema),
  }),
);
export type DocumentDto = z.infer<typeof documentDtoSchema>;

/** What goes with a candidate, posting or document when it is deleted (or stays, for a posting's documents). */
export const dependentsSchema = z.lazy(() =>
  z.object({
    documents: z.number().int(),
    versions: z.number().int(),
    validations: z.number().int(),
    queuedTasks: z.number().int(),
  }),
);
export type Dependents = z.infer<typeof dependentsSchema>;

export const renameInputSchema = z.lazy(() =>
  z.object({ id: idSchema, name: z.string().trim().min(1).max(200) }).strict(),
);

/** An erase: what was removed, and whether the WAL could be emptied at once (false: another reader held it). */
export const eraseOutputSchema = z.lazy(() => z.object({ removed: dependentsSchema, walTruncated: z.boolean() }));

/**
 * A file sent over IPC: its name (for the type) and its bytes as base64. 25 MB at most (docs/input-limits.md).
 * An empty file passes here so that the reader can refuse it with a message naming the file.
 */
export const fileUploadSchema = z.lazy(() =>
  z.object({ fileName: z.string().min(1).max(255), dataBase64: z.string() }).superRefine((file, ctx) => {
    if (file.dataBase64.length > 34_000_000) {
      const message = `${file.fileName}: is larger than 25 MB, the most a file may be`;
      ctx.addIssue({ code: 'custom', path: ['dataBase64'], message });
    }
  }),
);

export const importCandidateInputSchema = z.lazy(() =>
  z.union([
    z.object({ file: fileUploadSchema, ...duplicateOptionsShape }).strict(),
    z.object({ profile: candidateProfileSchema, ...duplicateOptionsShape }).strict(),
    z.object({ resume: resumeSchema, ...duplicateOptionsShape }).strict(),
  ]),
);

/** The stored (or replaced) candidate, or, when asked to ask, the stored candidate it duplicates. */
export const importCandidateOutputSchema = z.lazy(() => z.union([candidateDtoSchema, duplicateResultSchema]));

export const updateCandidateInputSchema = z.lazy(() =>
  z.object({ id: idSchema, record: candidateRecordSchema }).strict(),
);

export const exportCandidateOutputSchema = z.lazy(() =>
  z.object({
    fileName: z.string(),
    /** The JSON Resume, pretty-printed; provenance rides along in meta["x-aditus-provenance"]. */
    json: z.string(),
  }),
);

export const importJobInputSchema = z.lazy(() =>
  z.union([
    z.object({ file: fileUploadSchema, ...jobDuplicateOptionsShape }).strict(),
    z.object({ text: z.string().min(1).max(500_000), ...jobDuplicateOptionsShape }).strict(),
  ]),
);

/** The stored posting, or, when asked to ask, the stored posting with the same text or image. */
export const importJobOutputSchema = z.lazy(() =>
  z.union([jobPostingDtoSchema, z.object({ duplicate: jobDuplicateMatchSchema })]),
);

export const answerMetaSchema = z.lazy(() =>
  z.object({
    providerName: z.string(),
    model: z.string().nullable(),
    offline: z.boolean(),
    requestId: z.string().nullable(),
    attempts: z.array(attemptSchema),
    inputTokens: z.number().int(),
    outputTokens: z.number().int(),
    /** The provider sent no usage figures: the token counts were estimated from the text. */
    estimated: z.boolean(),
    costUsd: z.number().nullable(),
    note: z.string().nullable(),
    /** Why this provider answered (routing strategy, scores, samples, exploration); absent offline. */
    routeReason: routeReasonSchema.optional(),
    /** Where the request's candidate data went (each provider tried: region, masked); absent offline. */
    sentTo: z.array(sentToSchema).optional(),
  }),
);
export type AnswerMeta = z.infer<typeof answerMetaSchema>;

/** The fields extracted now, or the task queued (its fields land on the posting when it runs). */
export const extractOutputSchema = z.lazy(() =>
  z.union([
    z.object({ job: jobPostingDtoSchema, meta: answerMetaSchema }),
    z.object({ queued: queuedTaskSchema, job: jobPostingDtoSchema }),
  ]),
);

export const generateInputSchema = z.lazy(() =>
  z
    .object({
      kind: draftKindSchema,
      candidateId: idSchema,
      jobPostingId: idSchema,
      provider: z.string().max(64).optional(),
      /** Chunks arrive as `drafts:chunk` events carrying this id. */
      streamId: z.string().min(1).max(64).optional(),
      /** Regenerate into an existing document (a new version) instead of a new one. */
      documentId: idSchema.optional(),
    })
    .strict(),
);

/**
 * The new version now, or the task queued (the version lands in `document` when it runs). `stopped`: the user
 * stopped the generation; the text that had streamed is the document's latest version (origin `stopped`) and
 * there is no answer to describe (meta null).
 */
export const generateOutputSchema = z.lazy(() =>
  z.union([
    z.object({ document: documentDtoSchema, meta: answerMetaSchema.nullable(), stopped: z.boolean() }),
    z.object({ queued: queuedTaskSchema, document: documentDtoSchema }),
  ]),
);

/** The report now; `queued` when a provider's judgement waits in the queue (the merged report is stored when it lands). */
export const validateOutputSchema = z.lazy(() =>
  z.object({
    report: validationReportSchema,
    meta: answerMetaSchema.nullable(),
    queued: queuedTaskSchema.optional(),
  }),
);

/** A document's latest stored validation. */
export const storedValidationSchema = z.lazy(() =>
  z.object({
    documentId: z.string(),
    report: validationReportSchema,
    /** The provider whose judgement is merged in; null for the local checks alone. */
    providerName: z.string().nullable(),
    createdAt: z.number().int(),
  }),
);
export type StoredValidationDto = z.infer<typeof storedValidationSchema>;

export const exportInputSchema = z.lazy(() => z.object({ documentId: idSchema, format: exportFormatSchema }).strict());
export const exportOutputSchema = z.lazy(() =>
  z.object({ fileName: z.string(), mediaType: z.string(), dataBase64: z.string() }),
);
