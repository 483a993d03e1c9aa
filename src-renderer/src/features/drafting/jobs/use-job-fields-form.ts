import { useForm } from '@mantine/form';
import { useEffect, useMemo } from 'react';
import type { JobPostingDto } from '@contract';
import { call } from '../../../lib/ipc';
import { notifySuccess } from '../../../lib/notify';
import { useAction } from '../../../lib/use-action';
import { readJobDraft, writeJobDraft, type JobDraft } from './job-drafts';
import {
  changedFieldNames,
  changedKeys,
  fieldsToSave,
  jobFormRules,
  schemaProblem,
  valuesFromFields,
  type JobFormValues,
} from './job-form-values';

function draftOf(values: JobFormValues, base: JobFormValues): JobDraft {
  return Object.fromEntries(changedKeys(values, base).map((key) => [key, values[key]])) as JobDraft;
}

/**
 * The posting's fields as an editable form. Unsaved changes are kept as the posting's draft (job-drafts.ts) as they
 * are typed and come back when the form mounts again, over the stored values; saving or undoing clears the draft.
 * Mount it per stored version of the posting (key on `updatedAt`).
 */
export function useJobFieldsForm(job: JobPostingDto, onSaved: (job: JobPostingDto) => void) {
  const base = useMemo(() => valuesFromFields(job.fields), [job.fields]);
  const form = useForm<JobFormValues>({
    initialValues: { ...base, ...readJobDraft(job.id) },
    validate: jobFormRules,
    onValuesChange: (values) => writeJobDraft(job.id, draftOf(values, base)),
  });
  const unsaved = changedFieldNames(form.values, base);

  useEffect(() => {
    // A kept draft that no longer differs from the stored fields (saved elsewhere) is dropped.
    if (changedKeys(form.getValues(), base).length === 0) writeJobDraft(job.id, null);
  }, [form, base, job.id]);

  const save = useAction(async (values: JobFormValues) => {
    const fields = fieldsToSave(job.fields, values, base);
    const problem = schemaProblem(fields);
    if (problem) throw new Error(problem);
    const saved = await call('jobs:update-fields', { id: job.id, fields });
    writeJobDraft(job.id, null);
    notifySuccess('Fields saved', saved.title ?? 'Job posting');
    form.resetDirty(values);
    onSaved(saved);
    return saved;
  });

  return {
    form,
    unsaved,
    save,
    /** Validates and saves what is in the form; false when it could not be saved (the form shows why). */
    saveNow: async (): Promise<boolean> => {
      if (form.validate().hasErrors) return false;
      return (await save.run(form.getValues())) !== undefined;
    },
    /** Back to the stored values; the draft is dropped. */
    undo: () => {
      form.setValues(base);
      writeJobDraft(job.id, null);
    },
  };
}

export type JobFieldsFormState = ReturnType<typeof useJobFieldsForm>;
