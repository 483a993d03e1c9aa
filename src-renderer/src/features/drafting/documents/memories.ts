import type { AnswerMeta } from '@contract';
import { SessionMemory } from '../shared/session-memory';
import type { ValidationResult } from '../validation/ValidationPanel';

/** Who wrote each document's latest generated version (meta is returned by the call, not stored). */
export const generationMetas = new SessionMemory<AnswerMeta>();
/** The last validation of each document. */
export const validationResults = new SessionMemory<ValidationResult>();
