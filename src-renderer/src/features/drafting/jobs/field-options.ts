import {
  EMPLOYMENT_TYPES,
  type JobFieldName,
  SALARY_PERIODS,
  SENIORITIES,
  WORK_MODES,
  type EmploymentType,
  type Seniority,
  type WorkMode,
} from '@contract';

export type SalaryPeriod = (typeof SALARY_PERIODS)[number];

const WORK_MODE_LABELS: Record<WorkMode, string> = { remote: 'Remote', hybrid: 'Hybrid', onsite: 'On-site' };
const EMPLOYMENT_LABELS: Record<EmploymentType, string> = {
  full_time: 'Full-time',
  part_time: 'Part-time',
  contract: 'Contract',
  freelance: 'Freelance',
  temporary: 'Temporary',
  internship: 'Internship',
};
const SENIORITY_LABELS: Record<Seniority, string> = {
  intern: 'Intern',
  junior: 'Junior',
  mid: 'Mid-level',
  senior: 'Senior',
  lead: 'Lead',
  principal: 'Principal',
  executive: 'Executive',
};
const PERIOD_LABELS: Record<SalaryPeriod, string> = {
  year: 'per year',
  month: 'per month',
  week: 'per week',
  day: 'per day',
  hour: 'per hour',
};

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

export const WORK_MODE_OPTIONS = options(WORK_MODES, WORK_MODE_LABELS);
export const EMPLOYMENT_OPTIONS = options(EMPLOYMENT_TYPES, EMPLOYMENT_LABELS);
export const SENIORITY_OPTIONS = options(SENIORITIES, SENIORITY_LABELS);
export const PERIOD_OPTIONS = options(SALARY_PERIODS, PERIOD_LABELS);

/** A value from a Select back to its enum (null when empty or unknown). */
export function pick<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** How the form names each posting field (in "edited by hand" marks and the extract-again question). */
export const FIELD_LABELS: Record<JobFieldName, string> = {
  title: 'Title',
  company: 'Company',
  location: 'Location',
  workMode: 'Work mode',
  employmentType: 'Employment type',
  seniority: 'Seniority',
  salary: 'Salary',
  mustHaveSkills: 'Must-have skills',
  niceToHaveSkills: 'Nice-to-have skills',
  responsibilities: 'Responsibilities',
  requirements: 'Requirements',
  language: 'Language',
};
