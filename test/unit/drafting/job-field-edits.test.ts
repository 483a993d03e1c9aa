import { describe, expect, it } from 'vitest';
import { changedJobFields, type JobFields } from '@contract';
import { keepEditedFields } from '../../../src-main/drafting/service/keep-edited-fields';
import {
  changedFieldNames,
  fieldsToSave,
  valuesFromFields,
} from '../../../src-renderer/src/features/drafting/jobs/job-form-values';

const extracted: JobFields = {
  title: 'Backend Engineer',
  company: 'Northwind',
  location: 'Berlin',
  workMode: 'hybrid',
  employmentType: null,
  seniority: 'senior',
  // A provider may state a salary object with nothing in it: the form shows it as empty inputs.
  salary: { min: null, max: null, currency: 'EUR', period: 'year' },
  mustHaveSkills: ['Go'],
  niceToHaveSkills: [],
  responsibilities: ['- Build services'],
  requirements: [],
  language: 'en',
};

describe('fields edited by hand', () => {
  it('saving changes only the fields changed in the form: the rest stay exactly as extracted, unmarked', () => {
    const base = valuesFromFields(extracted);
    const values = { ...base, title: 'Go Engineer' };
    expect(changedFieldNames(values, base)).toEqual(['title']);
    const saved = fieldsToSave(extracted, values, base);
    expect(saved).toEqual({ ...extracted, title: 'Go Engineer' });
    expect(changedJobFields(extracted, saved)).toEqual(['title']);
  });

  it('the four salary inputs are one field', () => {
    const base = valuesFromFields(extracted);
    expect(changedFieldNames({ ...base, salaryMin: 50_000, salaryCurrency: 'USD' }, base)).toEqual(['salary']);
  });

  it('a new extraction keeps the edited fields asked for (all when not asked) and marks only those', () => {
    const job = {
      fields: { ...extracted, title: 'Mine', company: 'Also mine' },
      editedFields: ['title', 'company'] as const,
    };
    const fresh = { ...extracted, title: 'New title', company: 'New company', location: 'Hamburg' };
    expect(keepEditedFields(job, fresh, undefined)).toEqual({
      fields: { ...fresh, title: 'Mine', company: 'Also mine' },
      kept: ['title', 'company'],
    });
    expect(keepEditedFields(job, fresh, ['company', 'location'])).toEqual({
      fields: { ...fresh, company: 'Also mine' },
      kept: ['company'],
    });
    expect(keepEditedFields(job, fresh, [])).toEqual({ fields: fresh, kept: [] });
  });
});
