import type { CandidateRecord, Resume } from '@contract';

export const PROVENANCE_KEY = 'x-aditus-provenance';
export const UNASSIGNED_KEY = 'x-aditus-unassigned';
const SCHEMA_URL = 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json';

/**
 * The record as a JSON Resume document. Provenance and unassigned lines ride along in `meta` (the schema allows
 * extra properties there), so importing the file again restores them and other JSON Resume tools ignore them.
 */
export function resumeForExport(record: CandidateRecord, lastModified: Date): Resume {
  return {
    $schema: SCHEMA_URL,
    ...record.resume,
    meta: {
      ...record.resume.meta,
      version: 'v1.0.0',
      lastModified: lastModified.toISOString().slice(0, 19),
      [PROVENANCE_KEY]: record.provenance,
      ...(record.unassigned.length > 0 ? { [UNASSIGNED_KEY]: record.unassigned } : {}),
    },
  };
}
