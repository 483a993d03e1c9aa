import { z } from 'zod';
import { channel, lazyChannels } from './define';
import {
  adminStatusSchema,
  adminUnlockResultSchema,
  auditListInputSchema,
  auditRowSchema,
  auditVerificationSchema,
  enrolmentSchema,
  passwordSchema,
  secondFactorSchema,
  totpCodeSchema,
} from './dto/admin';
import { appInfoSchema } from './dto/app';
import {
  healthHistoryInputSchema,
  healthHistorySchema,
  providerHealthStatusSchema,
  setProbeEveryInputSchema,
} from './dto/health';
import {
  backupDownloadSchema,
  backupReportSchema,
  backupSourceSchema,
  backupWriteInputSchema,
  restoreOutputSchema,
} from './dto/backup';
import {
  purgeResultSchema,
  retentionEstimateSchema,
  retentionSetOutputSchema,
  retentionSettingsSchema,
  retentionStatusSchema,
} from './dto/retention';
import { routingSetInputSchema, routingTaskSchema } from './dto/routing';
import {
  actingUserSchema,
  userDtoSchema,
  userInputSchema,
  userNameSchema,
  userPatchSchema,
  userQuotaUseSchema,
} from './dto/users';
import { draftKindSchema, JOB_FIELD_NAMES, jobFieldNameSchema, jobFieldsSchema } from './dto/drafting';
import {
  candidateDtoSchema,
  dependentsSchema,
  eraseOutputSchema,
  renameInputSchema,
  documentDtoSchema,
  exportCandidateOutputSchema,
  exportInputSchema,
  exportOutputSchema,
  extractOutputSchema,
  fileUploadSchema,
  generateInputSchema,
  generateOutputSchema,
  importCandidateInputSchema,
  importCandidateOutputSchema,
  importJobInputSchema,
  importJobOutputSchema,
  jobPostingDtoSchema,
  storedValidationSchema,
  updateCandidateInputSchema,
  validateOutputSchema,
} from './dto/workspace';
import { batchEstimateSchema, batchPairsInputSchema, batchRunInputSchema, batchRunOutputSchema } from './dto/batch';
import {
  askInputSchema,
  askOutputSchema,
  dashboardInputSchema,
  dashboardOutputSchema,
  outboxItemSchema,
  priceInputSchema,
  priceSchema,
  providerHealthSchema,
  settingsSchema,
  statsInputSchema,
  statsOutputSchema,
  usageEventSchema,
} from './dto/usage';
import { emptyInputSchema, idSchema, taskSchema } from './dto/common';
import { dataPolicySchema, policyDtoSchema } from './dto/compliance';
import {
  configTestResultSchema,
  providerConfigDtoSchema,
  providerConfigInputSchema,
  providerConfigPatchSchema,
  providerConnectionSchema,
} from './dto/providers';
import {
  transferExportInputSchema,
  transferExportOutputSchema,
  transferImportInputSchema,
  transferPlanSchema,
} from './dto/transfer';

const nameRef = z.object({ name: z.string().min(1).max(64) }).strict();

/** THE IPC contract: every channel, its input and output schema, and the role it needs. */
/**
 * Every channel, its spec built the first time it is read: a process builds the schemas of the channels it
 * uses only (a CLI command one or two of them). `Object.keys`, `isChannel` and the types do not build any.
 */
export const channels = lazyChannels({
  'app:info': channel(() => ({
    input: emptyInputSchema,
    output: appInfoSchema,
    role: 'recruiter',
    summary: 'Version, host, data folder, log file and the caller’s role.',
  })),
  'providers:list': channel(() => ({
    input: emptyInputSchema,
    output: z.array(providerConfigDtoSchema),
    role: 'recruiter',
    summary: 'Provider configs with key hints (never keys).',
  })),
  'providers:create': channel(() => ({
    input: z
      .object({
        config: providerConfigInputSchema.strict(),
        apiKey: z.string().min(1).max(512).optional(),
      })
      .strict(),
    output: providerConfigDtoSchema,
    role: 'admin',
    summary: 'Create a provider config; the key goes to the OS keychain.',
  })),
  'providers:update': channel(() => ({
    input: z
      .object({
        name: z.string().min(1).max(64),
        patch: providerConfigPatchSchema,
        apiKey: z.string().min(1).max(512).optional(),
      })
      .strict(),
    output: providerConfigDtoSchema,
    role: 'admin',
    summary: 'Change a provider config or replace its key.',
  })),
  'providers:remove': channel(() => ({
    input: nameRef,
    output: z.object({ removed: z.boolean() }),
    role: 'admin',
    summary: 'Delete a provider config and its keychain entry.',
  })),
  'providers:test': channel(() => ({
    input: nameRef,
    output: z.object({ ok: z.boolean(), model: z.string(), latencyMs: z.number(), message: z.string() }),
    role: 'admin',
    summary: 'Make an authenticated call with the stored key.',
  })),
  'providers:get': channel(() => ({
    input: nameRef,
    output: providerConfigDtoSchema,
    role: 'recruiter',
    summary: 'One provider config by name: key hint and whether a key is stored (never the key).',
  })),
  'providers:test-config': channel(() => ({
    input: z
      .object({
        connection: providerConnectionSchema,
        apiKey: z.string().min(1).max(512).optional(),
        /** Without `apiKey`: test with the key stored for this saved provider (the edit form). */
        storedKeyOf: z.string().min(1).max(64).optional(),
      })
      .strict(),
    output: configTestResultSchema,
    role: 'admin',
    summary: 'Test unsaved settings and key by listing models (no tokens spent); the key is not stored or returned.',
  })),
  'providers:models': channel(() => ({
    input: nameRef,
    output: z.array(z.object({ id: z.string(), displayName: z.string().optional() })),
    role: 'admin',
    summary: 'List the models the provider offers.',
  })),
  'providers:export': channel(() => ({
    input: transferExportInputSchema,
    output: transferExportOutputSchema,
    role: 'admin',
    summary:
      'Provider configs, prices and settings as a file for another laptop; keys only with a passphrase, encrypted (scrypt + AES-256-GCM).',
  })),
  'providers:import-preview': channel(() => ({
    input: transferImportInputSchema,
    output: transferPlanSchema,
    role: 'admin',
    summary: 'Check an export file (and its passphrase) and say what an import would create, replace or skip.',
  })),
  'providers:import': channel(() => ({
    input: transferImportInputSchema,
    output: transferPlanSchema,
    role: 'admin',
    summary: 'Import an export file in one transaction (keys into the OS keychain), or change nothing.',
  })),
  'admin:status': channel(() => ({
    input: emptyInputSchema,
    output: adminStatusSchema,
    role: 'recruiter',
    summary: 'Whether an admin account exists and this session is unlocked.',
  })),
  'admin:setup': channel(() => ({
    input: z.object({ password: passwordSchema, restart: z.boolean().optional() }).strict(),
    output: enrolmentSchema,
    role: 'recruiter',
    summary:
      'First run only: start the admin setup (a pending enrolment; no account until a code is confirmed). `restart` replaces an unfinished one.',
  })),
  'admin:setup-resume': channel(() => ({
    input: z.object({ password: passwordSchema }).strict(),
    output: enrolmentSchema,
    role: 'recruiter',
    summary: 'Show the unfinished setup again to whoever knows the password it was started with.',
  })),
  'admin:unlock': channel(() => ({
    input: z.object({ password: passwordSchema, code: secondFactorSchema, remember: z.boolean().optional() }).strict(),
    output: adminUnlockResultSchema,
    role: 'recruiter',
    summary:
      'Unlock admin with password + TOTP (or a recovery code); during first-run setup the first code from the new authenticator creates the account.',
  })),
  'admin:lock': channel(() => ({
    input: emptyInputSchema,
    output: adminStatusSchema,
    role: 'recruiter',
    summary: 'End the admin session.',
  })),
  'admin:change-password': channel(() => ({
    input: z.object({ currentPassword: passwordSchema, newPassword: passwordSchema }).strict(),
    output: z.object({ changed: z.literal(true) }),
    role: 'admin',
    summary: 'Change the admin password.',
  })),
  'admin:reenrol-totp': channel(() => ({
    input: z.object({ password: passwordSchema }).strict(),
    output: enrolmentSchema,
    role: 'admin',
    summary: 'Start replacing the TOTP secret and the recovery codes (the old ones work until confirmed).',
  })),
  'admin:reenrol-totp-confirm': channel(() => ({
    input: z.object({ code: totpCodeSchema }).strict(),
    output: z.object({ reenrolled: z.literal(true) }),
    role: 'admin',
    summary: 'Switch to the new TOTP secret and recovery codes with a code from the new secret.',
  })),
  'audit:list': channel(() => ({
    input: auditListInputSchema,
    output: z.array(auditRowSchema),
    role: 'admin',
    summary: 'Audit log rows, newest first.',
  })),
  'audit:verify': channel(() => ({
    input: emptyInputSchema,
    output: auditVerificationSchema,
    role: 'admin',
    summary: 'Check the audit hash chain.',
  })),
  'providers:health': channel(() => ({
    input: emptyInputSchema,
    output: z.array(providerHealthSchema),
    role: 'recruiter',
    summary: 'Circuit state and the tokens and cost each provider used today and this month, limit or not.',
  })),
  'providers:health-status': channel(() => ({
    input: z.object({ name: z.string().min(1).max(64).optional() }).strict(),
    output: z.array(providerHealthStatusSchema),
    role: 'recruiter',
    summary: 'Health state (healthy, degraded, down), last probe, probe interval and recent changes per provider.',
  })),
  'providers:health-history': channel(() => ({
    input: healthHistoryInputSchema,
    output: healthHistorySchema,
    role: 'recruiter',
    summary: 'Each provider’s health state changes in a time range, and its state at the start.',
  })),
  'providers:set-probe': channel(() => ({
    input: setProbeEveryInputSchema,
    output: providerHealthStatusSchema,
    role: 'admin',
    summary: 'Turn scheduled health probes (a models call, no tokens) on with an interval, or off (null).',
  })),
  'usage:stats': channel(() => ({
    input: statsInputSchema,
    output: statsOutputSchema,
    role: 'recruiter',
    summary: 'Usage totals and groups over a date range (from rollups).',
  })),
  'usage:dashboard': channel(() => ({
    input: dashboardInputSchema,
    output: dashboardOutputSchema,
    role: 'recruiter',
    summary: 'Everything the Usage page draws for a date range, in one answer (from rollups).',
  })),
  'usage:events': channel(() => ({
    input: z.object({ limit: z.number().int().min(1).max(10_000).default(100) }).strict(),
    output: z.array(usageEventSchema),
    role: 'recruiter',
    summary: 'The latest usage events, one per attempt.',
  })),
  'usage:export': channel(() => ({
    input: z
      .object({
        format: z.enum(['csv', 'jsonl']),
        from: z.number().int().nonnegative().optional(),
        to: z.number().int().nonnegative().optional(),
      })
      .strict(),
    output: z.object({ filename: z.string(), content: z.string() }),
    role: 'recruiter',
    summary: 'Usage events as CSV or JSON lines.',
  })),
  'prices:list': channel(() => ({
    input: emptyInputSchema,
    output: z.array(priceSchema),
    role: 'recruiter',
    summary: 'Current prices (USD per million tokens).',
  })),
  'prices:set': channel(() => ({
    input: priceInputSchema,
    output: priceSchema,
    role: 'admin',
    summary: 'Set a model price (adds a new version).',
  })),
  'routing:list': channel(() => ({
    input: emptyInputSchema,
    output: z.array(routingTaskSchema),
    role: 'recruiter',
    summary: "Each task's routing strategy and the order its next call would use, with scores.",
  })),
  'routing:set': channel(() => ({
    input: routingSetInputSchema,
    output: routingTaskSchema,
    role: 'admin',
    summary: "Set a task's routing strategy (audited).",
  })),
  'users:list': channel(() => ({
    input: emptyInputSchema,
    output: z.array(userDtoSchema),
    role: 'recruiter',
    summary: 'The users (recruiter profiles) the admin manages, with their quotas.',
  })),
  'users:add': channel(() => ({
    input: userInputSchema,
    output: userDtoSchema,
    role: 'admin',
    summary: 'Add a user with optional daily and monthly token and cost quotas (audited).',
  })),
  'users:update': channel(() => ({
    input: z.object({ name: userNameSchema, patch: userPatchSchema }).strict(),
    output: userDtoSchema,
    role: 'admin',
    summary: "Change a user's quotas or what happens at a quota (audited; null removes a quota).",
  })),
  'users:remove': channel(() => ({
    input: z.object({ name: userNameSchema }).strict(),
    output: z.object({ removed: z.boolean() }),
    role: 'admin',
    summary: 'Remove a user from the list (their usage stays; audited).',
  })),
  'users:quotas': channel(() => ({
    input: emptyInputSchema,
    output: z.array(userQuotaUseSchema),
    role: 'recruiter',
    summary: "Each user's tokens and cost today and this month against their quotas.",
  })),
  'users:acting': channel(() => ({
    input: emptyInputSchema,
    output: actingUserSchema,
    role: 'recruiter',
    summary: 'The profile this window (or CLI call) acts as, and whether users are managed.',
  })),
  'users:choose': channel(() => ({
    input: z.object({ name: userNameSchema }).strict(),
    output: actingUserSchema,
    role: 'recruiter',
    summary: 'Choose the profile this window acts as (a user in the list; the OS user while the list is empty).',
  })),
  'ask:run': channel(() => ({
    input: askInputSchema,
    output: askOutputSchema,
    role: 'admin',
    summary: 'A diagnostic call through the router.',
  })),
  'outbox:list': channel(() => ({
    input: emptyInputSchema,
    output: z.array(outboxItemSchema),
    role: 'recruiter',
    summary: 'Tasks waiting for a provider.',
  })),
  'outbox:cancel': channel(() => ({
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
    role: 'recruiter',
    summary: 'Cancel a queued task.',
  })),
  'outbox:run': channel(() => ({
    input: emptyInputSchema,
    output: z.object({ done: z.number().int() }),
    role: 'recruiter',
    summary: 'Try every queued task now (each lands where it was asked for; one over its budget waits for the reset).',
  })),
  'metrics:text': channel(() => ({
    input: emptyInputSchema,
    output: z.object({ text: z.string() }),
    role: 'admin',
    summary: 'Prometheus exposition text.',
  })),
  'settings:get': channel(() => ({
    input: emptyInputSchema,
    output: settingsSchema,
    role: 'admin',
    summary: 'App settings.',
  })),
  'settings:set': channel(() => ({
    input: settingsSchema.partial().strict(),
    output: settingsSchema,
    role: 'admin',
    summary: 'Change app settings.',
  })),
  'backup:write': channel(() => ({
    input: backupWriteInputSchema,
    output: backupReportSchema,
    role: 'admin',
    summary: 'Back the database up to a file (online backup API, verified, then renamed into place).',
  })),
  'backup:download': channel(() => ({
    input: emptyInputSchema,
    output: backupDownloadSchema,
    role: 'admin',
    summary: 'Back the database up and return the verified file’s bytes (for a download).',
  })),
  'backup:verify': channel(() => ({
    input: backupSourceSchema,
    output: backupReportSchema,
    role: 'admin',
    summary: 'Check a backup: integrity, schema version, counts; a foreign or damaged file is refused.',
  })),
  'backup:restore': channel(() => ({
    input: backupSourceSchema,
    output: restoreOutputSchema,
    role: 'admin',
    summary: 'Verify a backup and restore it: the database is kept aside and swapped once closed.',
  })),
  'retention:status': channel(() => ({
    input: emptyInputSchema,
    output: retentionStatusSchema,
    role: 'admin',
    summary: 'Retention settings, what they would free now, the last purge and the database file.',
  })),
  'retention:estimate': channel(() => ({
    input: retentionSettingsSchema,
    output: retentionEstimateSchema,
    role: 'admin',
    summary: 'What the given retention settings would free now (rows exact, bytes estimated).',
  })),
  'retention:set': channel(() => ({
    input: retentionSettingsSchema,
    output: retentionSetOutputSchema,
    role: 'admin',
    summary: 'Save the retention settings and purge by them at once.',
  })),
  'retention:purge': channel(() => ({
    input: emptyInputSchema,
    output: purgeResultSchema,
    role: 'admin',
    summary: 'Purge by the saved retention settings now, then return free space to the disk.',
  })),
  'candidates:list': channel(() => ({
    input: emptyInputSchema,
    output: z.array(candidateDtoSchema),
    role: 'recruiter',
    summary: 'Stored candidates, newest first.',
  })),
  'candidates:import': channel(() => ({
    input: importCandidateInputSchema,
    output: importCandidateOutputSchema,
    role: 'recruiter',
    summary:
      'A candidate from a JSON Resume, a JSON profile or a CV file (.txt, .md, .docx, .pdf); the same file or person already stored: `onDuplicate` ask (answers `duplicate`), new, or replace `replaceId` (audited).',
  })),
  'candidates:update': channel(() => ({
    input: updateCandidateInputSchema,
    output: candidateDtoSchema,
    role: 'recruiter',
    summary: "Store the recruiter's corrections to a candidate record (JSON Resume, checked against its schema).",
  })),
  'candidates:export': channel(() => ({
    input: z.object({ id: idSchema }).strict(),
    output: exportCandidateOutputSchema,
    role: 'recruiter',
    summary: 'A candidate as a JSON Resume file.',
  })),
  'candidates:export-data': channel(() => ({
    input: z.object({ id: idSchema }).strict(),
    output: exportOutputSchema,
    role: 'recruiter',
    summary:
      "All of a candidate's data as a zip: resume.json, the source file as imported, every document version, manifest.json (audited).",
  })),
  'candidates:get': channel(() => ({
    input: z.object({ id: idSchema }).strict(),
    output: candidateDtoSchema,
    role: 'recruiter',
    summary: 'A stored candidate.',
  })),
  'candidates:dependents': channel(() => ({
    input: z.object({ id: idSchema }).strict(),
    output: dependentsSchema,
    role: 'recruiter',
    summary: 'What a delete or erase of this candidate removes with it.',
  })),
  'candidates:rename': channel(() => ({
    input: renameInputSchema,
    output: candidateDtoSchema,
    role: 'recruiter',
    summary: "Rename a candidate (the record's basics.name).",
  })),
  'candidates:delete': channel(() => ({
    input: z.object({ id: idSchema }).strict(),
    output: dependentsSchema,
    role: 'recruiter',
    summary: 'Delete a candidate with its documents, versions, validations and queued tasks.',
  })),
  'candidates:erase': channel(() => ({
    input: z.object({ id: idSchema }).strict(),
    output: eraseOutputSchema,
    role: 'recruiter',
    summary: 'Erase a candidate (right to erasure): delete as above, overwriting the bytes and emptying the WAL.',
  })),
  'jobs:list': channel(() => ({
    input: emptyInputSchema,
    output: z.array(jobPostingDtoSchema),
    role: 'recruiter',
    summary: 'Stored job postings, newest first.',
  })),
  'jobs:import': channel(() => ({
    input: importJobInputSchema,
    output: importJobOutputSchema,
    role: 'recruiter',
    summary:
      'A job posting from text or a file (.txt, .html, .pdf, .png, .jpg, .webp); `onDuplicate: ask` answers `duplicate` when the same text or image is stored.',
  })),
  'jobs:extract': channel(() => ({
    input: z
      .object({
        id: idSchema,
        provider: z.string().max(64).optional(),
        /** Fields edited by hand that keep the recruiter's value (the others take the new extraction); absent = all. */
        keepEdited: z.array(jobFieldNameSchema).max(JOB_FIELD_NAMES.length).optional(),
      })
      .strict(),
    output: extractOutputSchema,
    role: 'recruiter',
    summary: 'Extract structured fields from a posting (AI, or offline rules), keeping the edits by hand asked for.',
  })),
  'jobs:update-fields': channel(() => ({
    input: z.object({ id: idSchema, fields: jobFieldsSchema }).strict(),
    output: jobPostingDtoSchema,
    role: 'recruiter',
    summary: 'Save fields the recruiter corrected (each changed field is marked as edited by hand).',
  })),
  'jobs:get': channel(() => ({
    input: z.object({ id: idSchema }).strict(),
    output: jobPostingDtoSchema,
    role: 'recruiter',
    summary: 'A stored job posting.',
  })),
  'jobs:dependents': channel(() => ({
    input: z.object({ id: idSchema }).strict(),
    output: dependentsSchema,
    role: 'recruiter',
    summary: 'Documents drafted for this posting (they stay when it is deleted, without the link).',
  })),
  'jobs:rename': channel(() => ({
    input: renameInputSchema,
    output: jobPostingDtoSchema,
    role: 'recruiter',
    summary: 'Rename a job posting (its title).',
  })),
  'jobs:delete': channel(() => ({
    input: z.object({ id: idSchema }).strict(),
    output: dependentsSchema,
    role: 'recruiter',
    summary: 'Delete a job posting and its queued extraction; documents drafted for it stay.',
  })),
  'drafts:generate': channel(() => ({
    input: generateInputSchema,
    output: generateOutputSchema,
    role: 'recruiter',
    summary:
      'Generate a CV or cover letter into a document (streams `stream:chunk`: a letter as it is written, a CV once its answer is checked).',
  })),
  'drafts:cancel': channel(() => ({
    input: z.object({ streamId: z.string().min(1).max(64) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
    role: 'recruiter',
    summary:
      'Stop a running generation (by its stream id); a letter keeps the text so far as an incomplete version, a CV keeps nothing.',
  })),
  'drafts:batch-estimate': channel(() => ({
    input: batchPairsInputSchema,
    output: batchEstimateSchema,
    role: 'recruiter',
    summary:
      'Estimated tokens and cost of a batch of drafts (many candidates × one posting, or one candidate × many), per item and in total, from the price table and the provider the router would use.',
  })),
  'drafts:batch-run': channel(() => ({
    input: batchRunInputSchema,
    output: batchRunOutputSchema,
    role: 'recruiter',
    summary:
      'Draft every pair of a batch as a single draft would, a few at a time (pushes `batch:item` as items start and end); a result or a reason per item.',
  })),
  'drafts:batch-cancel': channel(() => ({
    input: z.object({ batchId: z.string().min(1).max(64) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
    role: 'recruiter',
    summary: 'Cancel a running batch: items not started are cancelled, running ones stopped as Stop does.',
  })),
  'drafts:validate': channel(() => ({
    input: z.object({ documentId: idSchema, provider: z.string().max(64).optional() }).strict(),
    output: validateOutputSchema,
    role: 'recruiter',
    summary: 'Validate a document against the candidate source and the posting.',
  })),
  'documents:validation': channel(() => ({
    input: z.object({ documentId: idSchema }).strict(),
    output: storedValidationSchema.nullable(),
    role: 'recruiter',
    summary: "A document's latest stored validation (a queued judgement lands here).",
  })),
  'drafts:check': channel(() => ({
    input: z
      .object({
        kind: draftKindSchema,
        draft: fileUploadSchema,
        job: fileUploadSchema,
        candidate: fileUploadSchema.optional(),
      })
      .strict(),
    output: validateOutputSchema,
    role: 'recruiter',
    summary: 'Validate a draft file without storing anything.',
  })),
  'documents:list': channel(() => ({
    input: z.object({ candidateId: idSchema.optional() }).strict(),
    output: z.array(documentDtoSchema),
    role: 'recruiter',
    summary: 'Documents (without versions), newest first.',
  })),
  'documents:dependents': channel(() => ({
    input: z.object({ id: idSchema }).strict(),
    output: dependentsSchema,
    role: 'recruiter',
    summary: 'What a delete of this document removes with it.',
  })),
  'documents:import': channel(() => ({
    input: z
      .object({
        kind: draftKindSchema,
        candidateId: idSchema,
        jobPostingId: idSchema.nullable().optional(),
        file: fileUploadSchema,
        title: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
    output: documentDtoSchema,
    role: 'recruiter',
    summary:
      "Store a draft written elsewhere (.md, .txt, .docx, .pdf) as a candidate's document; its text is version 1.",
  })),
  'documents:rename': channel(() => ({
    input: renameInputSchema,
    output: documentDtoSchema,
    role: 'recruiter',
    summary: 'Rename a document.',
  })),
  'documents:delete': channel(() => ({
    input: z.object({ id: idSchema }).strict(),
    output: dependentsSchema,
    role: 'recruiter',
    summary: 'Delete a document with every version, its validations and queued tasks.',
  })),
  'documents:get': channel(() => ({
    input: z.object({ id: idSchema }).strict(),
    output: documentDtoSchema,
    role: 'recruiter',
    summary: 'A document with its version history.',
  })),
  'documents:autosave': channel(() => ({
    input: z.object({ id: idSchema, text: z.string().max(500_000) }).strict(),
    output: z.object({ autosavedAt: z.number().int() }),
    role: 'recruiter',
    summary: 'Save the working text as the user types.',
  })),
  'documents:save-version': channel(() => ({
    input: z.object({ id: idSchema, text: z.string().max(500_000) }).strict(),
    output: documentDtoSchema,
    role: 'recruiter',
    summary: 'Save the working text as a new version.',
  })),
  'documents:restore': channel(() => ({
    input: z.object({ id: idSchema, version: z.number().int().positive() }).strict(),
    output: documentDtoSchema,
    role: 'recruiter',
    summary: 'Restore an earlier version (as a new version).',
  })),
  'documents:export': channel(() => ({
    input: exportInputSchema,
    output: exportOutputSchema,
    role: 'recruiter',
    summary: 'Export a document as Markdown, DOCX or PDF.',
  })),
  'policies:list': channel(() => ({
    input: emptyInputSchema,
    output: z.array(policyDtoSchema),
    role: 'recruiter',
    summary: 'Data policies per task and per candidate (regions a request may go to); none listed means any.',
  })),
  'policies:set-task': channel(() => ({
    input: z.object({ task: taskSchema, allow: dataPolicySchema }).strict(),
    output: policyDtoSchema,
    role: 'admin',
    summary: 'Set which provider regions a task may use: local, eu (EU and local) or any.',
  })),
  'policies:set-candidate': channel(() => ({
    input: z.object({ candidateId: z.string().min(1).max(100), allow: dataPolicySchema }).strict(),
    output: policyDtoSchema,
    role: 'recruiter',
    summary: "Set which provider regions may receive a candidate's data: local, eu (EU and local) or any.",
  })),
});

export type Channels = typeof channels;
export type Channel = keyof Channels;
export type ChannelInput<C extends Channel> = z.input<Channels[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Channels[C]['output']>;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(channels, name);
}
