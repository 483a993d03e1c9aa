import type { JobPostingDto, QueueSettledEvent } from '@contract';
import { AppError } from '../../errors';
import type { OutboxOutcome, OutboxRunner } from '../../routing/outbox-runner';
import { parseExtraction } from '../output/parse-extraction';
import { buildExtractionPrompt } from '../prompts/extraction';
import type { DocumentsRepo } from '../store/documents-repo';
import type { JobPostingsRepo } from '../store/job-postings-repo';
import { jsonOutputCheck } from './json-check';

/** Outbox completion kinds: where a queued drafting task's answer lands (the target is the row's id). */
export const EXTRACTION_COMPLETION = 'job-fields';
export const DRAFT_COMPLETION = 'document-version';

export const extractionLabel = (job: Pick<JobPostingDto, 'title' | 'sourceFileName'>): string =>
  `Fields of ${job.title ?? job.sourceFileName ?? 'a job posting'}`;

export const draftLabel = (documentTitle: string): string => documentTitle;

/**
 * Lets the outbox runner finish queued drafting tasks in any process, after a restart too: the stored payload
 * holds the whole request, the completion names the posting or document the answer lands in.
 */
export function registerQueuedDrafting(
  runner: OutboxRunner,
  repos: { jobs: JobPostingsRepo; documents: DocumentsRepo },
): void {
  const schema = buildExtractionPrompt({ kind: 'text', text: '' }).jsonSchema;
  runner.onComplete(
    EXTRACTION_COMPLETION,
    (target, answer) => {
      const parsed = parseExtraction(answer.text);
      if (!parsed.ok || target === null) throw new AppError('invalid_input', 'The extraction answer was not valid.');
      repos.jobs.get(target);
      repos.jobs.setFields(target, parsed.value, answer.providerName);
      return { jobPostingId: target };
    },
    { checkOutput: jsonOutputCheck(parseExtraction, schema) },
  );
  runner.onComplete(DRAFT_COMPLETION, (target, answer) => {
    if (target === null) throw new AppError('invalid_input', 'The queued draft names no document.');
    const doc = repos.documents.get(target);
    // Text typed since the last version (autosaved only) is kept as a version of its own, not overwritten.
    if (doc.draftText.trim() && doc.draftText !== doc.versions[0]?.text)
      repos.documents.addVersion(target, doc.draftText, 'edited', {
        providerName: null,
        model: null,
        requestId: null,
        offline: false,
      });
    const version = repos.documents.addVersion(target, answer.text, 'generated', {
      providerName: answer.providerName,
      model: answer.model,
      requestId: answer.requestId,
      offline: false,
    });
    return { documentId: target, version };
  });
}

const LANDED: Record<string, string> = {
  [EXTRACTION_COMPLETION]: 'the extracted fields are saved on the posting.',
  [DRAFT_COMPLETION]: 'the drafted text is saved as a new version.',
};

/** The notification for a queued task that landed or failed for good; null while it still waits. */
export function settledEvent(outcome: OutboxOutcome): QueueSettledEvent | null {
  if (outcome.status === 'waiting') return null;
  const { completion, task } = outcome.payload;
  const onDocument = completion.kind === DRAFT_COMPLETION;
  const onJob = completion.kind === EXTRACTION_COMPLETION;
  const label = completion.label ?? null;
  const what = label ? `${label}: ` : '';
  const message =
    outcome.status === 'done'
      ? `${what}${LANDED[completion.kind] ?? 'done.'}`
      : `${what}it failed for good and was not retried: ${outcome.error ?? 'unknown error'}`;
  return {
    outboxId: outcome.id,
    task,
    status: outcome.status,
    label,
    message,
    documentId: onDocument ? completion.target : null,
    jobPostingId: onJob ? completion.target : null,
  };
}
