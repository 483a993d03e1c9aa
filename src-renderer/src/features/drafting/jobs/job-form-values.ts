import {
  EMPLOYMENT_TYPES,
  SALARY_PERIODS,
  SENIORITIES,
  WORK_MODES,
  jobFieldsSchema,
  type JobFieldName,
  type JobFields,
} from '@contract';
import { pick, type SalaryPeriod } from './field-options';

/** The posting's fields as the form edits them: lists of lines as text, empty strings for "not stated". */
export interface JobFormValues {
  title: string;
  company: string;
  location: string;
  workMode: string | null;
  employmentType: string | null;
  seniority: string | null;
  salaryMin: number | string;
  salaryMax: number | string;
  salaryCurrency: string;
  salaryPeriod: string | null;
  mustHaveSkills: string[];
  niceToHaveSkills: string[];
  responsibilities: string;
  requirements: string;
  language: string;
}

export function valuesFromFields(fields: JobFields | null): JobFormValues {
  return {
    title: fields?.title ?? '',
    company: fields?.company ?? '',
    location: fields?.location ?? '',
    workMode: fields?.workMode ?? null,
    employmentType: fields?.employmentType ?? null,
    seniority: fields?.seniority ?? null,
    salaryMin: fields?.salary?.min ?? '',
    salaryMax: fields?.salary?.max ?? '',
    salaryCurrency: fields?.salary?.currency ?? '',
    salaryPeriod: fields?.salary?.period ?? 'year',
    mustHaveSkills: fields?.mustHaveSkills ?? [],
    niceToHaveSkills: fields?.niceToHaveSkills ?? [],
    responsibilities: (fields?.responsibilities ?? []).join('\n'),
    requirements: (fields?.requirements ?? []).join('\n'),
    language: fields?.language ?? 'en',
  };
}

const text = (v: string): string | null => (v.trim() === '' ? null : v.trim());
const amount = (v: number | string): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const lines = (v: string): string[] =>
  v
    .split('\n')
    .map((l) => l.replace(/^\s*[-*•]\s*/u, '').trim())
    .filter(Boolean);

export function fieldsFromValues(v: JobFormValues): JobFields {
  const min = amount(v.salaryMin);
  const max = amount(v.salaryMax);
  const period: SalaryPeriod = pick(SALARY_PERIODS, v.salaryPeriod) ?? 'year';
  return {
    title: text(v.title),
    company: text(v.company),
    location: text(v.location),
    workMode: pick(WORK_MODES, v.workMode),
    employmentType: pick(EMPLOYMENT_TYPES, v.employmentType),
    seniority: pick(SENIORITIES, v.seniority),
    salary:
      min === null && max === null
        ? null
        : { min, max, currency: text(v.salaryCurrency)?.toUpperCase() ?? null, period },
    mustHaveSkills: v.mustHaveSkills.map((s) => s.trim()).filter(Boolean),
    niceToHaveSkills: v.niceToHaveSkills.map((s) => s.trim()).filter(Boolean),
    responsibilities: lines(v.responsibilities),
    requirements: lines(v.requirements),
    language: v.language.trim().toLowerCase(),
  };
}

/** Form-level rules, then the contract's own schema for anything they miss. */
export const jobFormRules = {
  language: (v: string) => (/^[a-z]{2}$/iu.test(v.trim()) ? null : 'Two letters, e.g. en or de'),
  salaryCurrency: (v: string) => (v.trim() === '' || /^[a-z]{3}$/iu.test(v.trim()) ? null : 'Three letters, e.g. EUR'),
  salaryMax: (v: number | string, values: JobFormValues) => {
    const min = amount(values.salaryMin);
    const max = amount(v);
    return min !== null && max !== null && max < min ? 'Must not be below the minimum' : null;
  },
};

export function schemaProblem(fields: JobFields): string | null {
  const parsed = jobFieldsSchema.safeParse(fields);
  if (parsed.success) return null;
  return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

/** The posting field each form input edits (the four salary inputs edit one field). */
export function fieldNameOf(key: keyof JobFormValues): JobFieldName {
  return key.startsWith('salary') ? 'salary' : (key as JobFieldName);
}

/** The form inputs whose value differs from `base`. */
export function changedKeys(values: JobFormValues, base: JobFormValues): (keyof JobFormValues)[] {
  return (Object.keys(base) as (keyof JobFormValues)[]).filter(
    (key) => JSON.stringify(values[key]) !== JSON.stringify(base[key]),
  );
}

/** The posting fields with unsaved changes, each once. */
export function changedFieldNames(values: JobFormValues, base: JobFormValues): JobFieldName[] {
  return [...new Set(changedKeys(values, base).map(fieldNameOf))];
}

/**
 * The fields to save: the form's value for each field changed in the form, the stored value for every other one
 * (so a field the recruiter did not touch is stored exactly as extracted and is not marked as edited by hand).
 */
export function fieldsToSave(stored: JobFields | null, values: JobFormValues, base: JobFormValues): JobFields {
  const edited = fieldsFromValues(values);
  if (stored === null) return edited;
  const fields: JobFields = { ...stored };
  const take = <K extends JobFieldName>(name: K) => {
    fields[name] = edited[name];
  };
  changedFieldNames(values, base).forEach(take);
  return fields;
}
