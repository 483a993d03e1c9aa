import type { z } from 'zod';
import { extractJsonText } from './extract-json';
import { InvalidOutputError } from './invalid-output-error';
import { summariseIssues } from './summarise-issues';

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; error: InvalidOutputError };

/** Finds the JSON in a model answer and validates it; never throws. */
export function parseJsonOutput<S extends z.ZodType>(text: string, schema: S): ParseOutcome<z.output<S>> {
  const jsonText = extractJsonText(text);
  if (jsonText === null) {
    return { ok: false, error: new InvalidOutputError(['(root): the answer contains no JSON object'], text) };
  }
  let data: unknown;
  try {
    data = JSON.parse(jsonText);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: new InvalidOutputError([`(root): not valid JSON (${reason})`], text) };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) return { ok: false, error: new InvalidOutputError(summariseIssues(parsed.error.issues), text) };
  return { ok: true, value: parsed.data };
}
