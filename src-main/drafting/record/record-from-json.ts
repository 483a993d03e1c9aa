import { z } from 'zod';
import {
  candidateProfileSchema,
  RESUME_SECTIONS,
  resumeSchema,
  sourceRefSchema,
  unassignedItemSchema,
  type CandidateRecord,
  type Resume,
  type SourceRef,
} from '@contract';
import { summariseIssues } from '../output/summarise-issues';
import { InputError } from '../inputs/input-error';
import { resumeSchemaProblems } from './check-resume';
import { recordFromProfile } from './record-from-profile';
import { PROVENANCE_KEY, UNASSIGNED_KEY } from './resume-export';

const MAX_PROBLEMS = 5;

/** JSON pointer escaping (RFC 6901). */
const escapePointer = (key: string): string => key.replace(/~/gu, '~0').replace(/\//gu, '~1');

/** Provenance for every string of a JSON Resume: the line of the file where its JSON text first appears (from the previous find on). */
export function provenanceOfJson(resume: Resume, text: string, file: string): Record<string, SourceRef> {
  const lines = text.split('\n');
  const provenance: Record<string, SourceRef> = {};
  let from = 0;
  const walk = (value: unknown, pointer: string): void => {
    if (typeof value === 'string') {
      const needle = JSON.stringify(value);
      let index = lines.findIndex((l, i) => i >= from && l.includes(needle));
      if (index < 0) index = lines.findIndex((l) => l.includes(needle));
      if (index >= 0) from = index;
      provenance[pointer] = { file, line: index + 1, text: (lines[index] ?? '').trim().slice(0, 2000) };
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${pointer}/${i}`));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) if (key !== 'meta') walk(v, `${pointer}/${escapePointer(key)}`);
    }
  };
  walk(resume, '');
  return provenance;
}

/** A JSON Resume that Aditus exported carries its provenance and unassigned lines in meta; they come back with it. */
function carriedByMeta(resume: Resume): CandidateRecord | null {
  const meta = resume.meta;
  if (!meta || !(PROVENANCE_KEY in meta)) return null;
  const provenance = z.record(z.string(), sourceRefSchema).safeParse(meta[PROVENANCE_KEY]);
  const unassigned = z.array(unassignedItemSchema).safeParse(meta[UNASSIGNED_KEY] ?? []);
  if (!provenance.success || !unassigned.success) return null;
  const { [PROVENANCE_KEY]: _p, [UNASSIGNED_KEY]: _u, ...rest } = meta;
  const cleaned: Resume = { ...resume, meta: rest };
  if (Object.keys(rest).length === 0) delete cleaned.meta;
  return { resume: cleaned, provenance: provenance.data, unassigned: unassigned.data };
}

function looksLikeAditusProfile(data: unknown): boolean {
  return typeof data === 'object' && data !== null && !('basics' in data) && ('experience' in data || 'name' in data);
}

/** Throws a clear error listing what the JSON Resume schema (from @jsonresume/schema) finds wrong. */
export function assertValidResume(fileName: string, resume: unknown): Resume {
  const problems = resumeSchemaProblems(resume);
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS).join('; ');
    const more = problems.length > MAX_PROBLEMS ? ` (and ${problems.length - MAX_PROBLEMS} more)` : '';
    throw new InputError(fileName, `is not a valid JSON Resume: ${shown}${more}`);
  }
  const parsed = resumeSchema.safeParse(resume);
  if (!parsed.success) {
    throw new InputError(fileName, `is not a valid JSON Resume: ${summariseIssues(parsed.error.issues).join('; ')}`);
  }
  return parsed.data;
}

/**
 * A candidate record from a JSON file: a JSON Resume (taken as it is, checked against the JSON Resume schema) or an
 * Aditus profile (the format before JSON Resume), converted. Provenance keeps the `x-aditus-provenance` a JSON
 * Resume exported by Aditus carries; otherwise it points at the lines of this file.
 */
export function recordFromJson(fileName: string, text: string): CandidateRecord {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(fileName, 'is not valid JSON', { cause: error });
  }
  if (looksLikeAditusProfile(data)) {
    const parsed = candidateProfileSchema.safeParse(data);
    if (!parsed.success) {
      throw new InputError(
        fileName,
        `is neither a JSON Resume nor a valid Aditus profile: ${summariseIssues(parsed.error.issues).join('; ')}`,
      );
    }
    return recordFromProfile(parsed.data, fileName);
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    Array.isArray(data) ||
    !['basics', ...RESUME_SECTIONS].some((key) => key in data)
  ) {
    throw new InputError(fileName, 'is not a JSON Resume (expected an object with "basics", "work", …)');
  }
  const resume = assertValidResume(fileName, data);
  const carried = carriedByMeta(resume);
  if (carried) return carried;
  return { resume, provenance: provenanceOfJson(resume, text, fileName), unassigned: [] };
}
