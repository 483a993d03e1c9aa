import { Fieldset, NumberInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { PERIOD_OPTIONS } from './field-options';
import type { JobFormValues } from './job-form-values';

export function SalaryFields({ form, legend }: { form: UseFormReturnType<JobFormValues>; legend: ReactNode }) {
  return (
    <Fieldset
      legend={
        <Text fw={600} size="sm" component="span">
          {legend}
        </Text>
      }
      variant="unstyled"
      p={0}
    >
      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="sm">
        <NumberInput label="Minimum" min={0} thousandSeparator="," {...form.getInputProps('salaryMin')} />
        <NumberInput label="Maximum" min={0} thousandSeparator="," {...form.getInputProps('salaryMax')} />
        <TextInput label="Currency" placeholder="EUR" maxLength={3} {...form.getInputProps('salaryCurrency')} />
        <Select label="Period" data={PERIOD_OPTIONS} allowDeselect={false} {...form.getInputProps('salaryPeriod')} />
      </SimpleGrid>
    </Fieldset>
  );
}
