// Schemas are z.lazy (built on first use, so a command builds only its channels' schemas) unless code extends them or reads their shape.
import { z } from 'zod';
import { fileUploadSchema } from './workspace';

/** Rows a backup holds, per kind of record. */
export const backupCountsSchema = z.lazy(() =>
  z.object({
    candidates: z.number().int(),
    jobPostings: z.number().int(),
    documents: z.number().int(),
    documentVersions: z.number().int(),
    usageEvents: z.number().int(),
    auditEntries: z.number().int(),
  }),
);
export type BackupCounts = z.infer<typeof backupCountsSchema>;

/** A verified backup: integrity ok, its schema (migrations applied vs this app's) and its counts. */
export const backupReportSchema = z.lazy(() =>
  z.object({
    /** The file as the caller named it (an uploaded file: its name). */
    path: z.string(),
    sizeBytes: z.number().int(),
    integrity: z.literal('ok'),
    schema: z.object({
      applied: z.number().int(),
      app: z.number().int(),
      /** `older`: migrated to this app's schema when the restored database is first opened. */
      status: z.enum(['current', 'older']),
    }),
    counts: backupCountsSchema,
  }),
);
export type BackupReportDto = z.infer<typeof backupReportSchema>;

/** A backup file named by its path (CLI, or a path on the machine running Aditus) or uploaded. */
export const backupSourceSchema = z.lazy(() =>
  z.union([z.object({ path: z.string().min(1).max(4096) }).strict(), z.object({ file: fileUploadSchema }).strict()]),
);

export const backupWriteInputSchema = z.lazy(() => z.object({ out: z.string().min(1).max(4096) }).strict());

export const backupDownloadSchema = z.lazy(() =>
  z.object({
    fileName: z.string(),
    mediaType: z.string(),
    dataBase64: z.string(),
    report: backupReportSchema,
  }),
);

export const restoreOutputSchema = z.lazy(() =>
  z.object({
    report: backupReportSchema,
    /** The name the replaced database is kept under, in the data folder. */
    replacedName: z.string(),
  }),
);
export type RestoreOutputDto = z.infer<typeof restoreOutputSchema>;
