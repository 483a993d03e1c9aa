import { JOB_FIELD_NAMES, type JobFieldName, type JobFields } from '@contract';

/**
 * A new extraction merged with the recruiter's edits by hand: each edited field in `keep` (all of them when `keep`
 * is absent) keeps its stored value and stays marked; the others take the extracted value and lose the mark.
 */
export function keepEditedFields(
  job: { fields: JobFields | null; editedFields: readonly JobFieldName[] },
  extracted: JobFields,
  keep: readonly JobFieldName[] | undefined,
): { fields: JobFields; kept: JobFieldName[] } {
  const stored = job.fields;
  if (stored === null) return { fields: extracted, kept: [] };
  const wanted = new Set(keep ?? job.editedFields);
  const kept = JOB_FIELD_NAMES.filter((name) => job.editedFields.includes(name) && wanted.has(name));
  const fields: JobFields = { ...extracted };
  const keepStored = <K extends JobFieldName>(name: K) => {
    fields[name] = stored[name];
  };
  kept.forEach(keepStored);
  return { fields, kept };
}
