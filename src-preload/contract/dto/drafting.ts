// Schemas are z.lazy (built on first use, so a command builds only its channels' schemas) unless code extends them or reads their shape.
import { z } from 'zod';

const shortText = z.string().trim().max(300);
const longText = z.string().trim().max(5000);
const list = (max: number) => z.array(shortText).max(max);

// ---------- candidate ----------

export const experienceEntrySchema = z.lazy(() =>
  z.object({
    employer: z.string().trim().min(1).max(200),
    title: z.string().trim().min(1).max(200),
    /** As written in the source ("2019", "Mar 2019", "2019-03"); empty when the source gives none. */
    start: z.string().trim().max(40),
    /** null = current role ("Present"). */
    end: z.string().trim().max(40).nullable(),
    location: z.string().trim().max(200).optional(),
    bullets: z.array(z.string().trim().max(1000)).max(40),
    /** Which JSON Resume section the entry came from; absent = work. Drafts keep the sections apart. */
    kind: z.enum(['work', 'volunteer', 'project']).optional(),
  }),
);
export type ExperienceEntry = z.infer<typeof experienceEntrySchema>;

export const educationEntrySchema = z.lazy(() =>
  z.object({
    school: z.string().trim().min(1).max(200),
    /** Empty when the source names no degree. */
    degree: z.string().trim().max(200),
    field: z.string().trim().max(200).optional(),
    start: z.string().trim().max(40).optional(),
    end: z.string().trim().max(40).optional(),
  }),
);
export type EducationEntry = z.infer<typeof educationEntrySchema>;

export const candidateProfileSchema = z.lazy(() =>
  z.object({
    name: z.string().trim().min(1).max(200),
    email: z.email().nullable(),
    phone: z.string().trim().max(40).nullable(),
    location: z.string().trim().max(200).nullable(),
    headline: z.string().trim().max(300).nullable(),
    summary: longText.nullable(),
    skills: list(200),
    experience: z.array(experienceEntrySchema).max(50),
    education: z.array(educationEntrySchema).max(20),
    certifications: list(50),
    languages: list(30),
    links: list(20),
  }),
);
export type CandidateProfile = z.infer<typeof candidateProfileSchema>;

// ---------- job posting ----------

export const WORK_MODES = ['remote', 'hybrid', 'onsite'] as const;
export const workModeSchema = z.enum(WORK_MODES);
export type WorkMode = z.infer<typeof workModeSchema>;

export const EMPLOYMENT_TYPES = ['full_time', 'part_time', 'contract', 'freelance', 'temporary', 'internship'] as const;
export const employmentTypeSchema = z.enum(EMPLOYMENT_TYPES);
export type EmploymentType = z.infer<typeof employmentTypeSchema>;

export const SENIORITIES = ['intern', 'junior', 'mid', 'senior', 'lead', 'principal', 'executive'] as const;
export const senioritySchema = z.enum(SENIORITIES);
export type Seniority = z.infer<typeof senioritySchema>;

export const SALARY_PERIODS = ['year', 'month', 'week', 'day', 'hour'] as const;
export const salaryPeriodSchema = z.enum(SALARY_PERIODS);

export const salarySchema = z.lazy(() =>
  z.object({
    min: z.number().nonnegative().nullable(),
    max: z.number().nonnegative().nullable(),
    /** ISO 4217 code, e.g. "EUR"; null when the posting states no currency. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/u)
      .nullable(),
    period: salaryPeriodSchema,
  }),
);
export type Salary = z.infer<typeof salarySchema>;

/**
 * Fields extracted from a job posting. Every property is present (nullable or an empty list when
 * the posting does not state it) so the JSON Schema works with providers' strict structured output.
 */
export const jobFieldsSchema = z.object({
  title: shortText.nullable(),
  company: shortText.nullable(),
  location: shortText.nullable(),
  workMode: workModeSchema.nullable(),
  employmentType: employmentTypeSchema.nullable(),
  seniority: senioritySchema.nullable(),
  salary: salarySchema.nullable(),
  mustHaveSkills: list(60),
  niceToHaveSkills: list(60),
  responsibilities: z.array(z.string().trim().max(1000)).max(40),
  requirements: z.array(z.string().trim().max(1000)).max(40),
  /** ISO 639-1 code of the posting's language, e.g. "en". */
  language: z.string().regex(/^[a-z]{2}$/u),
});
export type JobFields = z.infer<typeof jobFieldsSchema>;

/** The posting's fields by name: what a recruiter can edit by hand, each marked on its own. */
export const JOB_FIELD_NAMES = Object.keys(jobFieldsSchema.shape) as (keyof JobFields)[];
export const jobFieldNameSchema = z.enum(JOB_FIELD_NAMES as [keyof JobFields, ...(keyof JobFields)[]]);
export type JobFieldName = z.infer<typeof jobFieldNameSchema>;

/** The fields whose value differs between two versions of a posting's fields (all of them when there was none). */
export function changedJobFields(before: JobFields | null, after: JobFields): JobFieldName[] {
  if (before === null) return [...JOB_FIELD_NAMES];
  return JOB_FIELD_NAMES.filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]));
}

// ---------- drafts ----------

export const DRAFT_KINDS = ['cv', 'cover_letter'] as const;
export const draftKindSchema = z.enum(DRAFT_KINDS);
export type DraftKind = z.infer<typeof draftKindSchema>;

export const EXPORT_FORMATS = ['md', 'docx', 'pdf'] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const draftOutputSchema = z.lazy(() =>
  z.object({
    kind: draftKindSchema,
    markdown: z.string(),
    /** True when the built-in offline drafter wrote it (no AI provider). */
    offline: z.boolean(),
    /** A short plain-text note for the UI (e.g. why the draft is a template); never part of the draft. */
    note: z.string().nullable(),
  }),
);
export type DraftOutput = z.infer<typeof draftOutputSchema>;

// ---------- validation ----------

export const FINDING_SEVERITIES = ['error', 'warning', 'info'] as const;
export const findingSeveritySchema = z.enum(FINDING_SEVERITIES);
export type FindingSeverity = z.infer<typeof findingSeveritySchema>;

export const FINDING_KINDS = [
  'unsupported_claim',
  'missing_must_have',
  'missing_section',
  'length',
  'contact_info',
  'ats_formatting',
  'judgement',
] as const;
export const findingKindSchema = z.enum(FINDING_KINDS);
export type FindingKind = z.infer<typeof findingKindSchema>;

export const validationFindingSchema = z.lazy(() =>
  z.object({
    severity: findingSeveritySchema,
    kind: findingKindSchema,
    message: z.string().max(2000),
    /** The draft text the finding is about, when there is one. */
    evidence: z.string().max(2000).optional(),
  }),
);
export type ValidationFinding = z.infer<typeof validationFindingSchema>;

export const mustHaveCoverageSchema = z.lazy(() =>
  z.object({
    covered: z.array(z.string()),
    missing: z.array(z.string()),
    /** covered / (covered + missing); 1 when the posting lists no must-haves. */
    ratio: z.number().min(0).max(1),
  }),
);
export type MustHaveCoverage = z.infer<typeof mustHaveCoverageSchema>;

export const validationReportSchema = z.lazy(() =>
  z.object({
    /** Excludes claims when `claimsChecked` is false: then it rates coverage, contact, sections and form only. */
    score: z.number().int().min(0).max(100),
    /** False when no candidate source was given: the draft's claims were not checked against anything. */
    claimsChecked: z.boolean().default(true),
    mustHaveCoverage: mustHaveCoverageSchema,
    findings: z.array(validationFindingSchema),
    /** True when only the local deterministic checks ran (no provider judgement merged in). */
    offline: z.boolean(),
  }),
);
export type ValidationReport = z.infer<typeof validationReportSchema>;
