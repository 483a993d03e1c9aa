import { jobFieldsSchema, type JobFields } from '@contract';
import { parseJsonOutput, type ParseOutcome } from './parse-json-output';

/** Parses a provider's extraction answer (tolerates ```json fences and surrounding prose). */
export function parseExtraction(text: string): ParseOutcome<JobFields> {
  return parseJsonOutput(text, jobFieldsSchema);
}
