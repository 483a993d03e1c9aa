import { randomUUID } from 'node:crypto';
import {
  changedJobFields,
  JOB_FIELD_NAMES,
  type AnswerMeta,
  type CandidateDto,
  type CandidateProfile,
  type DocumentDto,
  type DraftKind,
  type ExportFormat,
  type JobDuplicateMatch,
  type JobFieldName,
  type JobFields,
  type JobPostingDto,
  type QueuedTask,
  type ValidationReport,
} from '@contract';
import type { Clock } from '../../clock';
import { AppError } from '../../errors';
import type { LlmRequest } from '../../providers/types';
import type { Router } from '../../routing/router';
import type { RouteRequest } from '../../routing/types';
import { queuedText } from '@shared/queued-text';
import { queuedDetails } from '../../routing/routing-errors';
import { draftOffline } from '../builtin/draft-offline';
import { extractJobFieldsOffline } from '../builtin/extract-job-fields';
import { exportDraft } from '../export/export-draft';
import { draftFileName } from '../export/draft-file-name';
import { candidateFromBytes, candidateFromText } from '../inputs/read-candidate';
import { draftTextFromBytes } from '../inputs/read-draft-text';
import { jobPostingFromBytes, jobPostingFromText, type JobPostingInput } from '../inputs/read-job-posting';
import { parseExtraction } from '../output/parse-extraction';
import { parseJudgement } from '../output/parse-judgement';
import { buildCoverLetterPrompt } from '../prompts/cover-letter';
import { buildCvDraftPrompt } from '../prompts/cv-draft';
import { parseCvAnswer } from '../output/parse-cv-answer';
import { buildExtractionPrompt } from '../prompts/extraction';
import type { JsonPrompt, Prompt } from '../prompts/prompt';
import { buildValidationPrompt } from '../prompts/validation';
import type { CandidatesRepo } from '../store/candidates-repo';
import type { DocumentsRepo } from '../store/documents-repo';
import { toJobDto, type JobPostingsRepo, type StoredJobPosting } from '../store/job-postings-repo';
import { mergeJudgement } from '../validation/merge-judgement';
import { validateDraft } from '../validation/validate-draft';
import { metaFromAnswer, OFFLINE_EXTRACTION_NOTE, offlineMeta, versionMetaFromAnswer } from './answer-meta';
import { candidateIdentifiers } from './candidate-identifiers';
import { cvMarkdownFromAnswer, cvQueueContext } from './cv-answer';
import { keepEditedFields } from './keep-edited-fields';
import { jsonOutputCheck } from './json-check';
import { offlineReason } from './offline-fallback';
import {
  DRAFT_COMPLETION,
  EXTRACTION_COMPLETION,
  VALIDATION_COMPLETION,
  draftLabel,
  extractionLabel,
  validationLabel,
} from './queued-completions';
import type { ValidationReportsRepo } from '../store/validation-reports-repo';
import { readingInput } from './input-app-error';

export interface CallContext {
  userId: string;
  provider?: string;
  signal?: AbortSignal;
}

/** What a queued call returns instead of an answer. */
function queuedTask(err: unknown): QueuedTask | null {
  const details = queuedDetails(err);
  return details ? { ...details, message: queuedText(details) } : null;
}

/** A new outbox entry per call: the same task asked for twice is queued twice, as it would run twice. */
const queueAs = (kind: string, target: string, label: string, context?: unknown) => ({
  idempotencyKey: randomUUID(),
  completion: { kind, target, label, ...(context === undefined ? {} : { context }) },
});

export type StreamListener = (event: { type: 'text' | 'reset'; text: string; providerName?: string }) => void;

/** A generation's result; `stopped` (meta null) when the user stopped it part-way. */
export interface GenerateResult {
  document: DocumentDto;
  meta: AnswerMeta | null;
  stopped: boolean;
}

const AUTOSAVE_EVERY_MS = 250;
const NO_SOURCE = { providerName: null, model: null, requestId: null, offline: false };
const MEDIA_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

function textRequest(prompt: Prompt, extra: Partial<LlmRequest> = {}): LlmRequest {
  return {
    system: prompt.system,
    messages: [{ role: 'user', content: [{ type: 'text', text: prompt.userText }] }],
    maxOutputTokens: 4096,
    ...extra,
  };
}

const extractionPrompt = (job: StoredJobPosting): JsonPrompt =>
  buildExtractionPrompt(job.image ? { kind: 'image' } : { kind: 'text', text: job.rawText });

const draftTask = (kind: DraftKind): 'cv_draft' | 'cover_letter' => (kind === 'cv' ? 'cv_draft' : 'cover_letter');

/** The prompt and request a draft sends (a CV asks for JSON citing record ids; a letter is streamed text). */
function draftPrompt(kind: DraftKind, candidate: CandidateDto, job: StoredJobPosting, fields: JobFields) {
  const promptInput = {
    profile: candidate.profile,
    record: candidate.record,
    sourceText: candidate.sourceText,
    job: fields,
    postingText: job.rawText || null,
  };
  if (kind === 'cv') {
    const cv = buildCvDraftPrompt(promptInput);
    return { cv, request: { ...textRequest(cv, { temperature: 0.4 }), jsonSchema: cv.jsonSchema } };
  }
  return { cv: null, request: textRequest(buildCoverLetterPrompt(promptInput), { temperature: 0.4 }) };
}

/** A call a draft would make, for estimates: the task, the request and the candidate whose data goes with it. */
export interface PlannedCall {
  task: 'extraction' | 'cv_draft' | 'cover_letter';
  request: LlmRequest;
  candidateId: string | null;
}

/** Candidates, postings and documents in SQLite; every AI step through the router; the builtin drafter offline. */
export class DraftingService {
  constructor(
    private readonly deps: {
      candidates: CandidatesRepo;
      jobs: JobPostingsRepo;
      documents: DocumentsRepo;
      validations: ValidationReportsRepo;
      router: Router;
      clock: Clock;
    },
  ) {}

  get repos(): {
    candidates: CandidatesRepo;
    jobs: JobPostingsRepo;
    documents: DocumentsRepo;
    validations: ValidationReportsRepo;
  } {
    return {
      candidates: this.deps.candidates,
      jobs: this.deps.jobs,
      documents: this.deps.documents,
      validations: this.deps.validations,
    };
  }

  private read<T>(fn: () => Promise<T>): Promise<T> {
    return readingInput(fn);
  }

  /** A posting whose text (or image) is stored already answers with that one when the caller asks to be asked. */
  async importJob(
    input: ({ file: { fileName: string; dataBase64: string } } | { text: string }) & {
      onDuplicate?: 'ask' | 'new' | undefined;
    },
  ): Promise<JobPostingDto | { duplicate: JobDuplicateMatch }> {
    const parsed: JobPostingInput =
      'file' in input
        ? await this.read(() => jobPostingFromBytes(input.file.fileName, Buffer.from(input.file.dataBase64, 'base64')))
        : await this.read(async () => jobPostingFromText(input.text));
    const duplicate = input.onDuplicate === 'ask' ? this.deps.jobs.findSame(parsed) : null;
    if (duplicate) return { duplicate };
    return toJobDto(this.deps.jobs.create(parsed));
  }

  /** Saves the recruiter's fields; every field that changed is marked as edited by hand (marks are never dropped). */
  updateJobFields(id: string, fields: JobFields): JobPostingDto {
    const job = this.deps.jobs.get(id);
    const edited = new Set([...job.editedFields, ...changedJobFields(job.fields, fields)]);
    return toJobDto(
      this.deps.jobs.saveEdits(
        id,
        fields,
        JOB_FIELD_NAMES.filter((n) => edited.has(n)),
      ),
    );
  }

  /**
   * Posting → structured fields: zod-checked, one repair, then failover. When every provider is offline or a
   * `queue` limit is reached the task is queued (its fields land on the posting later); offline rules when no
   * provider is set up (or, for the extraction a draft needs at once, when none could be reached). Fields edited
   * by hand keep the recruiter's value (and their mark) unless `keepEdited` leaves them out.
   */
  extract(
    jobId: string,
    ctx: CallContext,
    keepEdited?: readonly JobFieldName[],
  ): Promise<{ job: JobPostingDto; meta: AnswerMeta } | { queued: QueuedTask; job: JobPostingDto }> {
    return this.extractFields(jobId, ctx, true, keepEdited);
  }

  private async extractFields(
    jobId: string,
    ctx: CallContext,
    mayQueue: boolean,
    keepEdited?: readonly JobFieldName[],
  ): Promise<{ job: JobPostingDto; meta: AnswerMeta } | { queued: QueuedTask; job: JobPostingDto }> {
    const job = this.deps.jobs.get(jobId);
    const store = (extracted: JobFields, by: string) => {
      const { fields, kept } = keepEditedFields(job, extracted, keepEdited);
      return toJobDto(this.deps.jobs.setFields(job.id, fields, by, kept));
    };
    const prompt = extractionPrompt(job);
    const request = this.extractionRequest(job, prompt);
    try {
      const answer = await this.deps.router.route({
        task: 'extraction',
        userId: ctx.userId,
        request,
        checkOutput: jsonOutputCheck(parseExtraction, prompt.jsonSchema),
        ...(ctx.provider ? { providerName: ctx.provider } : {}),
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        ...(mayQueue ? { queue: queueAs(EXTRACTION_COMPLETION, job.id, extractionLabel(job)) } : {}),
      });
      const parsed = parseExtraction(answer.text);
      if (!parsed.ok) throw new AppError('provider_error', 'The extraction answer was not valid.');
      return { job: store(parsed.value, answer.providerName), meta: metaFromAnswer(answer) };
    } catch (err) {
      const queued = queuedTask(err);
      if (queued) return { queued, job: toJobDto(job) };
      const offline = offlineReason(err);
      if (!offline) throw err;
      if (job.image)
        throw new AppError(
          'unavailable',
          'Reading a job posting from an image needs a vision-capable AI provider (Gemini, OpenAI or Claude) for extraction, and none is available. Paste the posting as text to extract it offline.',
        );
      const fields = extractJobFieldsOffline(job.rawText);
      return {
        job: store(fields, 'builtin'),
        meta: offlineMeta(offline.attempts, offline.why, OFFLINE_EXTRACTION_NOTE),
      };
    }
  }

  private extractionRequest(job: StoredJobPosting, prompt: JsonPrompt): LlmRequest {
    const content: LlmRequest['messages'][number]['content'] = [{ type: 'text', text: prompt.userText }];
    if (job.image) content.push({ type: 'image', mediaType: job.image.mediaType, data: job.image.base64 });
    return {
      system: prompt.system,
      messages: [{ role: 'user', content }],
      jsonSchema: prompt.jsonSchema,
      maxOutputTokens: 2048,
      temperature: 0,
    };
  }

  private async fieldsOf(job: StoredJobPosting, ctx: CallContext): Promise<JobFields> {
    if (job.fields) return job.fields;
    // The provider named for a draft is for the drafting task; the implicit extraction routes as usual.
    const { provider: _draftingProvider, ...extraction } = ctx;
    const { job: extracted } = await this.extractFields(job.id, extraction, false);
    if (!extracted.fields) throw new AppError('internal', 'Extraction stored no fields.');
    return extracted.fields;
  }

  /**
   * The calls a draft of this pair would make now, built as `generate` builds them: the extraction first when the
   * posting has no fields yet (the draft's prompt then uses the offline rules' fields as a stand-in).
   */
  plannedDraft(
    kind: DraftKind,
    candidateId: string,
    jobPostingId: string,
  ): { extraction: PlannedCall | null; draft: PlannedCall } {
    const candidate = this.deps.candidates.get(candidateId);
    const job = this.deps.jobs.get(jobPostingId);
    const extraction = job.fields
      ? null
      : { task: 'extraction' as const, request: this.extractionRequest(job, extractionPrompt(job)), candidateId: null };
    const fields = job.fields ?? extractJobFieldsOffline(job.rawText);
    const { request } = draftPrompt(kind, candidate, job, fields);
    return { extraction, draft: { task: draftTask(kind), request, candidateId: candidate.id } };
  }

  /** A posting's fields, extracted first (as a draft does) when it has none. */
  async postingFields(jobPostingId: string, ctx: CallContext): Promise<JobFields> {
    return this.fieldsOf(this.deps.jobs.get(jobPostingId), ctx);
  }

  /**
   * Streams a CV or cover letter into a stored document (autosaved as it arrives), then saves a version.
   * When every provider is offline or a `queue` limit is reached the task is queued: the version lands later.
   */
  async generate(
    input: { kind: DraftKind; candidateId: string; jobPostingId: string; documentId?: string },
    ctx: CallContext,
    onStream?: StreamListener,
  ): Promise<GenerateResult | { queued: QueuedTask; document: DocumentDto }> {
    const candidate = this.deps.candidates.get(input.candidateId);
    const job = this.deps.jobs.get(input.jobPostingId);
    const fields = await this.fieldsOf(job, ctx);
    const docs = this.deps.documents;
    const label = input.kind === 'cv' ? 'CV' : 'Cover letter';
    const createdHere = input.documentId === undefined;
    const documentId =
      input.documentId ??
      docs.create(
        input.kind,
        candidate.id,
        job.id,
        `${label}: ${candidate.name}${fields.title ? ` — ${fields.title}` : ''}${fields.company ? ` at ${fields.company}` : ''}`,
        ctx.userId,
      );
    const { draftText: previousText, title } = docs.get(documentId);
    const { cv, request } = draftPrompt(input.kind, candidate, job, fields);
    const record = candidate.record;
    // A CV comes back as JSON citing record ids: nothing streams until it is complete and checked, then the rendered
    // Markdown is sent at once (Stop still cancels the request; with nothing streamed the document stays as it was).
    let text = '';
    let lastSave = 0;
    try {
      const answer = await this.deps.router.route({
        task: draftTask(input.kind),
        userId: ctx.userId,
        request,
        ...(cv ? { checkOutput: jsonOutputCheck((t) => parseCvAnswer(t, record), cv.jsonSchema) } : {}),
        candidateData: { candidateId: candidate.id, identifiers: candidateIdentifiers(candidate) },
        ...(ctx.provider ? { providerName: ctx.provider } : {}),
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        queue: queueAs(
          DRAFT_COMPLETION,
          documentId,
          draftLabel(title),
          cv ? cvQueueContext(record, candidate.profile) : undefined,
        ),
        onStream: (event) => {
          if (event.type === 'reset') {
            text = '';
            onStream?.({ type: 'reset', text: '', providerName: event.providerName });
            return;
          }
          if (cv) return;
          text += event.text;
          onStream?.({ type: 'text', text: event.text });
          const now = this.deps.clock.now();
          if (now - lastSave >= AUTOSAVE_EVERY_MS) {
            lastSave = now;
            docs.autosave(documentId, text);
          }
        },
      });
      const markdown = cv ? cvMarkdownFromAnswer(answer.text, record, candidate.profile) : answer.text;
      if (cv) onStream?.({ type: 'text', text: markdown });
      docs.addVersion(documentId, markdown, 'generated', versionMetaFromAnswer(answer));
      return { document: docs.get(documentId), meta: metaFromAnswer(answer), stopped: false };
    } catch (err) {
      if (ctx.signal?.aborted) return this.stopped({ documentId, text, previousText, createdHere }, err);
      const queued = queuedTask(err);
      const offline = queued ? null : offlineReason(err);
      if (!offline) {
        // A failed stream must not leave half an answer in place of the user's text.
        docs.autosave(documentId, previousText);
        if (queued) return { queued, document: docs.get(documentId) };
        throw err;
      }
      const draft = draftOffline(input.kind, candidate.profile, fields);
      onStream?.({ type: text ? 'reset' : 'text', text: text ? '' : draft.markdown, providerName: 'builtin' });
      if (text) onStream?.({ type: 'text', text: draft.markdown });
      docs.addVersion(documentId, draft.markdown, 'generated', {
        providerName: 'builtin',
        model: null,
        requestId: null,
        offline: true,
      });
      return { document: docs.get(documentId), meta: offlineMeta(offline.attempts, offline.why), stopped: false };
    }
  }

  /**
   * The user stopped a generation (or its caller went away). What had streamed is kept as a `stopped` version, marked
   * incomplete, after any unversioned text it replaces; when nothing had streamed the document is left as it was (a
   * new one is removed) and the cancellation is reported.
   */
  private stopped(
    run: { documentId: string; text: string; previousText: string; createdHere: boolean },
    cancelled: unknown,
  ): GenerateResult {
    const docs = this.deps.documents;
    if (run.text.trim() === '') {
      if (!(run.createdHere && docs.deleteIfEmpty(run.documentId))) docs.autosave(run.documentId, run.previousText);
      throw cancelled;
    }
    const latest = docs.get(run.documentId).versions[0]?.text ?? '';
    if (run.previousText.trim() !== '' && run.previousText !== latest)
      docs.addVersion(run.documentId, run.previousText, 'edited', NO_SOURCE);
    docs.addVersion(run.documentId, run.text, 'stopped', NO_SOURCE);
    return { document: docs.get(run.documentId), meta: null, stopped: true };
  }

  autosave(documentId: string, text: string): { autosavedAt: number } {
    return { autosavedAt: this.deps.documents.autosave(documentId, text) };
  }

  saveVersion(documentId: string, text: string): DocumentDto {
    this.deps.documents.addVersion(documentId, text, 'edited', NO_SOURCE);
    return this.deps.documents.get(documentId);
  }

  restore(documentId: string, version: number): DocumentDto {
    this.deps.documents.restore(documentId, version);
    return this.deps.documents.get(documentId);
  }

  /**
   * Local checks always; a provider's judgement merged in when one answers. The report is stored with the
   * document; when every provider is offline or a `queue` limit is reached the judgement is queued, and the
   * merged report is stored when it lands.
   */
  async validate(
    documentId: string,
    ctx: CallContext,
  ): Promise<{ report: ValidationReport; meta: AnswerMeta | null; queued?: QueuedTask }> {
    const doc = this.deps.documents.get(documentId);
    const candidate = this.deps.candidates.get(doc.candidateId);
    const job = doc.jobPostingId ? this.deps.jobs.get(doc.jobPostingId) : null;
    const out = await this.validateText(
      {
        kind: doc.kind,
        markdown: doc.draftText,
        profile: candidate.profile,
        sourceText: candidate.sourceText,
        job: job?.fields ?? null,
        postingText: job?.rawText ?? null,
        candidateData: { candidateId: candidate.id, identifiers: candidateIdentifiers(candidate) },
      },
      ctx,
      { documentId: doc.id, label: validationLabel(doc.title) },
    );
    this.deps.validations.save(doc.id, out.report, {
      providerName: out.meta?.providerName ?? null,
      requestId: out.meta?.requestId ?? null,
    });
    return out;
  }

  async validateText(
    input: {
      kind: DraftKind;
      markdown: string;
      /** null: no candidate given; claims are not checked and the report says so. */
      profile: CandidateProfile | null;
      sourceText: string | null;
      job: JobFields | null;
      postingText: string | null;
      /** A stored candidate's data goes with the request: its policy, masking and audit apply. */
      candidateData?: RouteRequest['candidateData'];
    },
    ctx: CallContext,
    /** A stored document's validation: its judgement may wait in the queue. */
    queueFor?: { documentId: string; label: string },
  ): Promise<{ report: ValidationReport; meta: AnswerMeta | null; queued?: QueuedTask }> {
    const local = validateDraft({
      kind: input.kind,
      markdown: input.markdown,
      profile: input.profile,
      sourceText: input.sourceText,
      job: input.job,
      postingText: input.postingText,
      today: new Date(this.deps.clock.now()),
      allowedYears: input.kind === 'cover_letter' ? [new Date(this.deps.clock.now()).getFullYear()] : [],
    });
    if (!input.job) return { report: local, meta: null };
    const prompt = buildValidationPrompt({
      kind: input.kind,
      draft: input.markdown,
      localReport: local,
      profile: input.profile ?? candidateFromText(input.markdown),
      sourceText: input.sourceText ?? '(no candidate source given: claims were not checked)',
      job: input.job,
      postingText: input.postingText,
    });
    try {
      const answer = await this.deps.router.route({
        task: 'validation',
        userId: ctx.userId,
        request: { ...textRequest(prompt, { temperature: 0 }), jsonSchema: prompt.jsonSchema, maxOutputTokens: 2048 },
        checkOutput: jsonOutputCheck(parseJudgement, prompt.jsonSchema),
        ...(input.candidateData ? { candidateData: input.candidateData } : {}),
        ...(ctx.provider ? { providerName: ctx.provider } : {}),
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        ...(queueFor ? { queue: queueAs(VALIDATION_COMPLETION, queueFor.documentId, queueFor.label, local) } : {}),
      });
      const judgement = parseJudgement(answer.text);
      return { report: judgement.ok ? mergeJudgement(local, judgement.value) : local, meta: metaFromAnswer(answer) };
    } catch (err) {
      // Judgement is a bonus: the deterministic report stands on its own (and the judgement may follow).
      const queued = queuedTask(err);
      return queued ? { report: local, meta: null, queued } : { report: local, meta: null };
    }
  }

  /** Validates a draft file against a posting (and the candidate's source when given) without storing anything. */
  async check(
    input: {
      kind: DraftKind;
      draft: { fileName: string; dataBase64: string };
      job: { fileName: string; dataBase64: string };
      candidate?: { fileName: string; dataBase64: string };
    },
    ctx: CallContext,
  ): Promise<{ report: ValidationReport; meta: AnswerMeta | null }> {
    const bytes = (f: { dataBase64: string }) => Buffer.from(f.dataBase64, 'base64');
    const markdown = await this.read(() => draftTextFromBytes(input.draft.fileName, bytes(input.draft)));
    const posting = await this.read(() => jobPostingFromBytes(input.job.fileName, bytes(input.job)));
    if (posting.kind === 'image')
      throw new AppError('invalid_input', 'Validate against a text posting (.txt, .html, .pdf).');
    const candidate = input.candidate
      ? await this.read(() => candidateFromBytes(input.candidate!.fileName, bytes(input.candidate!)))
      : null;
    const job = extractJobFieldsOffline(posting.text);
    return this.validateText(
      {
        kind: input.kind,
        markdown,
        // Without the candidate's source there is nothing to check claims against: the report says so.
        profile: candidate?.profile ?? null,
        sourceText: candidate?.sourceText ?? null,
        job,
        postingText: posting.text,
        ...(candidate
          ? {
              candidateData: {
                candidateId: null,
                identifiers: candidateIdentifiers({
                  name: candidate.profile.name,
                  profile: candidate.profile,
                  record: candidate.record,
                }),
              },
            }
          : {}),
      },
      ctx,
    );
  }

  async export(
    documentId: string,
    format: ExportFormat,
  ): Promise<{ fileName: string; mediaType: string; data: Buffer }> {
    const doc = this.deps.documents.get(documentId);
    const candidate = this.deps.candidates.get(doc.candidateId);
    if (!doc.draftText.trim())
      throw new AppError('invalid_input', 'The document is empty: generate or write it first.');
    const data = await exportDraft(doc.draftText, format, { title: doc.title, author: candidate.name });
    return { fileName: draftFileName(candidate.name, doc.kind, format), mediaType: MEDIA_TYPES[format], data };
  }
}
