import { validationReportSchema, type JobPostingDto, type QueueSettledEvent } from '@contract';
import { AppError } from '../../errors';
import { cvFromQueueContext, cvMarkdownFromAnswer } from './cv-answer';
import { versionMetaFromAnswer } from './answer-meta';
import type { OutboxOutcome, OutboxRunner } from '../../routing/outbox-runner';
import { providerJudgementSchema } from '../output/judgement-schema';
import { parseExtraction } from '../output/parse-extraction';
import { parseJudgement } from '../output/parse-judgement';
import { jsonSchemaOf } from '../prompts/json-schema';
import type { ValidationReportsRepo } from '../store/validation-reports-repo';
import { mergeJudgement } from '../validation/merge-judgement';
import { buildExtractionPrompt } from '../prompts/extraction';
import type { DocumentsRepo } from '../store/documents-repo';
import type { JobPostingsRepo } from '../store/job-postings-repo';
import { jsonOutputCheck } from './json-check';
import { keepEditedFields } from './keep-edited-fields';

/** Outbox completion kinds: where a queued drafting task's answer lands (the target is the row's id). */
export const EXTRACTION_COMPLETION = 'job-fields';
export const DRAFT_COMPLETION = 'document-version';
export const VALIDATION_COMPLETION = 'validation-report';

export const extractionLabel = (job: Pick<JobPostingDto, 'title' | 'sourceFileName'>): string =>
  `Fields of ${job.title ?? job.sourceFileName ?? 'a job posting'}`;

export const draftLabel = (documentTitle: string): string => documentTitle;

export const validationLabel = (documentTitle: string): string => `Validation of ${documentTitle}`;

/**
 * Lets the outbox runner finish queued drafting tasks in any process, after a restart too: the stored payload
 * holds the whole request, the completion names the posting or document the answer lands in.
 */
function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

export function registerQueuedDrafting(
  runner: OutboxRunner,
  repos: { jobs: JobPostingsRepo; documents: DocumentsRepo; validations: ValidationReportsRepo },
): void {
  // Built when a queued answer first needs repairing, not at every core start (zod's toJSONSchema is not free).
  const schema = once(() => buildExtractionPrompt({ kind: 'text', text: '' }).jsonSchema);
  const judgementSchema = once(() => ({ name: 'draft_review', schema: jsonSchemaOf(providerJudgementSchema) }));
  runner.onComplete(
    EXTRACTION_COMPLETION,
    (target, answer) => {
      const parsed = parseExtraction(answer.text);
      if (!parsed.ok || target === null) throw new AppError('invalid_input', 'The extraction answer was not valid.');
      // Fields edited by hand while the task waited keep the recruiter's value, as "Extract again" does by default.
      const { fields, kept } = keepEditedFields(repos.jobs.get(target), parsed.value, undefined);
      repos.jobs.setFields(target, fields, answer.providerName, kept);
      return { jobPostingId: target };
    },
    { checkOutput: jsonOutputCheck(parseExtraction, schema) },
  );
  runner.onComplete(DRAFT_COMPLETION, (target, answer, context) => {
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
    const cv = cvFromQueueContext(context);
    const markdown = cv ? cvMarkdownFromAnswer(answer.text, cv.record, cv.profile) : answer.text;
    const version = repos.documents.addVersion(target, markdown, 'generated', versionMetaFromAnswer(answer));
    return { documentId: target, version };
  });
  runner.onComplete(
    VALIDATION_COMPLETION,
    (target, answer, context) => {
      const local = validationReportSchema.safeParse(context);
      const judgement = parseJudgement(answer.text);
      if (target === null || !local.success || !judgement.ok)
        throw new AppError('invalid_input', 'The queued validation cannot be merged with its report.');
      repos.documents.get(target);
      const stored = repos.validations.save(target, mergeJudgement(local.data, judgement.value), {
        providerName: answer.providerName,
        requestId: answer.requestId,
      });
      return { documentId: target, score: stored.report.score };
    },
    { checkOutput: jsonOutputCheck(parseJudgement, judgementSchema) },
  );
}

const LANDED: Record<string, string> = {
  [EXTRACTION_COMPLETION]: 'the extracted fields are saved on the posting.',
  [DRAFT_COMPLETION]: 'the drafted text is saved as a new version.',
  [VALIDATION_COMPLETION]: "the provider's judgement is merged into the document's stored validation.",
};

/** The notification for a queued task that landed or failed for good; null while it still waits. */
export function settledEvent(outcome: OutboxOutcome): QueueSettledEvent | null {
  if (outcome.status === 'waiting') return null;
  const { completion, task } = outcome.payload;
  const onDocument = completion.kind === DRAFT_COMPLETION || completion.kind === VALIDATION_COMPLETION;
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
