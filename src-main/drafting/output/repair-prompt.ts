import { jobFieldsSchema } from '@contract';
import { jsonSchemaOf } from '../prompts/json-schema';
import type { JsonPrompt } from '../prompts/prompt';
import { fenceUntrusted, untrustedDataRule } from '../prompts/untrusted-data';

type SchemaSpec = JsonPrompt['jsonSchema'];

/**
 * The prompt for the single repair attempt after an invalid answer: the bad answer (fenced, since
 * it derives from untrusted input) and the validation issues, asking for corrected JSON only.
 * Defaults to the job-fields schema of the extraction task.
 */
export function buildRepairPrompt(
  badText: string,
  issues: readonly string[],
  schema: SchemaSpec = { name: 'job_fields', schema: jsonSchemaOf(jobFieldsSchema) },
): JsonPrompt {
  const bad = fenceUntrusted('INVALID_ANSWER', badText.slice(0, 20_000));
  const system = [
    'You fix JSON so that it matches a JSON Schema exactly. Return only the corrected JSON object: no prose, no code fences.',
    'Keep every value that is already valid; change only what the listed problems require. Use null or [] where a value cannot be determined.',
    untrustedDataRule([bad]),
  ].join('\n\n');
  const userText = [
    `The previous answer:\n${bad.text}`,
    `Problems found when validating it:\n${issues.map((i) => `- ${i}`).join('\n')}`,
    `The JSON Schema it must match:\n${JSON.stringify(schema.schema)}`,
  ].join('\n\n');
  return { system, userText, jsonSchema: schema };
}
