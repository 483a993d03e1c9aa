// Public surface of the drafting core, for the services, the CLI and the builtin provider.

export { InputError } from './inputs/input-error';
export { candidateFromBytes, candidateFromText, readCandidateFile, type CandidateInput } from './inputs/read-candidate';
export {
  jobPostingFromBytes,
  jobPostingFromText,
  readJobPostingFile,
  type JobPostingInput,
} from './inputs/read-job-posting';
export { profileToText } from './inputs/profile-to-text';

export type { JsonPrompt, Prompt } from './prompts/prompt';
export { buildExtractionPrompt, type ExtractionSource } from './prompts/extraction';
export { buildCvDraftPrompt } from './prompts/cv-draft';
export { buildCoverLetterPrompt } from './prompts/cover-letter';
export { buildValidationPrompt, type ValidationPromptInput } from './prompts/validation';
export type { DraftPromptInput } from './prompts/candidate-blocks';

export { InvalidOutputError } from './output/invalid-output-error';
export type { ParseOutcome } from './output/parse-json-output';
export { parseExtraction } from './output/parse-extraction';
export { parseJudgement } from './output/parse-judgement';
export { buildRepairPrompt } from './output/repair-prompt';

export { extractJobFieldsOffline } from './builtin/extract-job-fields';
export { draftOffline } from './builtin/draft-offline';
export { renderTemplateCv } from './builtin/template-cv';
export { renderTemplateCoverLetter } from './builtin/template-cover-letter';
export { OFFLINE_NOTE } from './builtin/offline-note';

export { validateDraft, type ValidateDraftInput } from './validation/validate-draft';
export { mergeJudgement } from './validation/merge-judgement';

export { exportDraft } from './export/export-draft';
export type { ExportOptions, PdfFontFiles } from './export/export-options';
export { draftFileName } from './export/draft-file-name';
