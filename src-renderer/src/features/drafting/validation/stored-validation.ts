import type { StoredValidationDto } from '@contract';
import type { ValidationResult } from './ValidationPanel';

/**
 * A stored validation (a queued judgement that landed) as the panel shows it; `text` is the text that was checked.
 * The panel shows only who reviewed it (ScoreSummary), never these placeholder token figures.
 */
export function storedValidationResult(stored: StoredValidationDto, text: string): ValidationResult {
  return {
    report: stored.report,
    meta:
      stored.providerName === null
        ? null
        : {
            providerName: stored.providerName,
            model: null,
            offline: false,
            requestId: null,
            attempts: [],
            inputTokens: 0,
            outputTokens: 0,
            estimated: false,
            costUsd: null,
            note: null,
          },
    text,
    at: stored.createdAt,
  };
}
