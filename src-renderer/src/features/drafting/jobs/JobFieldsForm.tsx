import { Alert, Button, Group, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { JobPostingDto } from '@contract';
import { call } from '../../../lib/ipc';
import { notifySuccess } from '../../../lib/notify';
import { useAction } from '../../../lib/use-action';
import { EMPLOYMENT_OPTIONS, SENIORITY_OPTIONS, WORK_MODE_OPTIONS } from './field-options';
import { fieldsFromValues, jobFormRules, schemaProblem, valuesFromFields, type JobFormValues } from './job-form-values';
import { SalaryFields } from './SalaryFields';

/** The extracted fields, editable; "Save fields" stores the recruiter's corrections (`jobs:update-fields`). */
export function JobFieldsForm({ job, onSaved }: { job: JobPostingDto; onSaved: (job: JobPostingDto) => void }) {
  const form = useForm<JobFormValues>({ initialValues: valuesFromFields(job.fields), validate: jobFormRules });
  const save = useAction(async (values: JobFormValues) => {
    const fields = fieldsFromValues(values);
    const problem = schemaProblem(fields);
    if (problem) throw new Error(problem);
    const saved = await call('jobs:update-fields', { id: job.id, fields });
    notifySuccess('Fields saved', saved.title ?? 'Job posting');
    form.resetDirty(values);
    onSaved(saved);
  });

  return (
    <form onSubmit={form.onSubmit((v) => void save.run(v))} noValidate aria-label="Job posting fields">
      <Stack gap="sm">
        {save.error && (
          <Alert color="red" title="The fields were not saved" role="alert">
            {save.error}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="sm">
          <TextInput label="Title" {...form.getInputProps('title')} />
          <TextInput label="Company" {...form.getInputProps('company')} />
          <TextInput label="Location" {...form.getInputProps('location')} />
          <Select label="Work mode" data={WORK_MODE_OPTIONS} clearable {...form.getInputProps('workMode')} />
          <Select
            label="Employment type"
            data={EMPLOYMENT_OPTIONS}
            clearable
            {...form.getInputProps('employmentType')}
          />
          <Select label="Seniority" data={SENIORITY_OPTIONS} clearable {...form.getInputProps('seniority')} />
        </SimpleGrid>
        <SalaryFields form={form} />
        <TagsInput
          label="Must-have skills"
          description="Press Enter or comma after each skill"
          clearable
          {...form.getInputProps('mustHaveSkills')}
        />
        <TagsInput label="Nice-to-have skills" clearable {...form.getInputProps('niceToHaveSkills')} />
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
          <Textarea
            label="Responsibilities"
            description="One per line"
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps('responsibilities')}
          />
          <Textarea
            label="Requirements"
            description="One per line"
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps('requirements')}
          />
        </SimpleGrid>
        <TextInput
          label="Language"
          description="ISO code of the posting’s language"
          maxLength={2}
          w={280}
          {...form.getInputProps('language')}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty() || save.running}>
            Undo changes
          </Button>
          <Button type="submit" loading={save.running}>
            Save fields
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
