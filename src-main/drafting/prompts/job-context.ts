import type { JobFields } from '@contract';

/** The extracted posting as compact JSON (null fields dropped) for draft prompts. */
export function jobFieldsJson(job: JobFields): string {
  const compact = Object.fromEntries(
    Object.entries(job).filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0)),
  );
  return JSON.stringify(compact, null, 2);
}
