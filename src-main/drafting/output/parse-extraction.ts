import { jobFieldsSchema, type JobFields } from '../../../src-preload/contract/dto/drafting';
import { parseJsonOutput, type ParseOutcome } from './parse-json-output';

/** Parses a provider's extraction answer (tolerates ```json fences and surrounding prose). */
export function parseExtraction(text: string): ParseOutcome<JobFields> {
  return parseJsonOutput(text, jobFieldsSchema);
}
