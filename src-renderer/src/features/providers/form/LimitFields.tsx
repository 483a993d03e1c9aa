import { NumberInput, Select, SimpleGrid, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { LIMIT_BEHAVIOURS } from '@contract';
import { LIMIT_BEHAVIOUR_LABELS } from '../kinds';
import type { ProviderFormValues } from './provider-form-values';

/** Budgets (empty = no limit), what happens at a limit, and per-call limits. */
export function LimitFields({ form }: { form: UseFormReturnType<ProviderFormValues> }) {
  return (
    <Stack gap="sm">
      <SimpleGrid cols={2} spacing="sm">
        <NumberInput
          label="Daily token limit"
          placeholder="No limit"
          min={1}
          allowDecimal={false}
          thousandSeparator=","
          {...form.getInputProps('dailyTokenLimit')}
        />
        <NumberInput
          label="Monthly token limit"
          placeholder="No limit"
          min={1}
          allowDecimal={false}
          thousandSeparator=","
          {...form.getInputProps('monthlyTokenLimit')}
        />
        <NumberInput
          label="Monthly cost limit (USD)"
          placeholder="No limit"
          min={0}
          decimalScale={2}
          prefix="$"
          {...form.getInputProps('monthlyCostLimitUsd')}
        />
        <Select
          label="When a limit is reached"
          data={LIMIT_BEHAVIOURS.map((b) => ({ value: b, label: LIMIT_BEHAVIOUR_LABELS[b] }))}
          allowDeselect={false}
          {...form.getInputProps('onLimit')}
        />
        <NumberInput
          label="Timeout (seconds)"
          min={1}
          max={600}
          allowDecimal={false}
          {...form.getInputProps('timeoutSeconds')}
        />
        <NumberInput
          label="Max output tokens"
          min={1}
          max={200000}
          allowDecimal={false}
          thousandSeparator=","
          {...form.getInputProps('maxOutputTokens')}
        />
      </SimpleGrid>
    </Stack>
  );
}
