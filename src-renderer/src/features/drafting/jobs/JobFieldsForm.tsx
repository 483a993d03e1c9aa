import { Alert, Button, Group, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import type { JobFieldName } from '@contract';
import { EMPLOYMENT_OPTIONS, FIELD_LABELS, SENIORITY_OPTIONS, WORK_MODE_OPTIONS } from './field-options';
import { FieldLabel } from './FieldLabel';
import { SalaryFields } from './SalaryFields';
import type { JobFieldsFormState } from './use-job-fields-form';

/**
 * The extracted fields, editable; "Save fields" stores the recruiter's corrections (`jobs:update-fields`). Fields
 * edited by hand say so; unsaved changes are listed (they are kept as a draft until saved or undone).
 */
export function JobFieldsForm({ editor, edited }: { editor: JobFieldsFormState; edited: readonly JobFieldName[] }) {
  const { form, save, unsaved } = editor;
  const label = (name: JobFieldName) => <FieldLabel text={FIELD_LABELS[name]} edited={edited.includes(name)} />;

  return (
    <form onSubmit={form.onSubmit((v) => void save.run(v))} noValidate aria-label="Job posting fields">
      <Stack gap="sm">
        {save.error && (
          <Alert color="red" title="The fields were not saved" role="alert">
            {save.error}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="sm">
          <TextInput label={label('title')} {...form.getInputProps('title')} />
          <TextInput label={label('company')} {...form.getInputProps('company')} />
          <TextInput label={label('location')} {...form.getInputProps('location')} />
          <Select label={label('workMode')} data={WORK_MODE_OPTIONS} clearable {...form.getInputProps('workMode')} />
          <Select
            label={label('employmentType')}
            data={EMPLOYMENT_OPTIONS}
            clearable
            {...form.getInputProps('employmentType')}
          />
          <Select label={label('seniority')} data={SENIORITY_OPTIONS} clearable {...form.getInputProps('seniority')} />
        </SimpleGrid>
        <SalaryFields form={form} legend={label('salary')} />
        <TagsInput
          label={label('mustHaveSkills')}
          description="Press Enter or comma after each skill"
          clearable
          {...form.getInputProps('mustHaveSkills')}
        />
        <TagsInput label={label('niceToHaveSkills')} clearable {...form.getInputProps('niceToHaveSkills')} />
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
          <Textarea
            label={label('responsibilities')}
            description="One per line"
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps('responsibilities')}
          />
          <Textarea
            label={label('requirements')}
            description="One per line"
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps('requirements')}
          />
        </SimpleGrid>
        <TextInput
          label={label('language')}
          description="ISO code of the posting’s language"
          maxLength={2}
          w={280}
          {...form.getInputProps('language')}
        />
        <Group justify="space-between" gap="xs" wrap="wrap">
          {unsaved.length > 0 ? (
            <Text size="sm" c="orange.8" data-testid="unsaved-fields" style={{ flex: 1, minWidth: 240 }}>
              Not saved yet: {unsaved.map((n) => FIELD_LABELS[n]).join(', ')}. Kept while you look at other postings;
              drafting uses the saved fields.
            </Text>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={editor.undo} disabled={unsaved.length === 0 || save.running}>
              Undo changes
            </Button>
            <Button type="submit" loading={save.running}>
              Save fields
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
