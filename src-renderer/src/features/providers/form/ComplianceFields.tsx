import { Group, Select, Stack, Switch, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { PROVIDER_REGIONS, type ProviderRegion } from '@contract';
import type { ProviderFormValues } from './provider-form-values';

export const REGION_LABELS: Record<ProviderRegion, string> = {
  eu: 'EU',
  us: 'US',
  other: 'Other',
  local: 'Local (this machine or network)',
};

/** Where the provider processes data, how long it keeps it, and what of a candidate it may receive. */
export function ComplianceFields({ form }: { form: UseFormReturnType<ProviderFormValues> }) {
  const region = form.getInputProps('region');
  return (
    <Stack gap="sm">
      <Select
        label="Region"
        description="Data policies (“EU only”, “local only”) route by this"
        data={PROVIDER_REGIONS.map((r) => ({ value: r, label: REGION_LABELS[r] }))}
        allowDeselect={false}
        {...region}
        onChange={(value) => {
          if (!value) return;
          form.setFieldValue('region', value as ProviderRegion);
          // Masking follows the region until the admin sets it: on for cloud providers, off for a local one.
          if (!form.isDirty('piiMasking')) form.setFieldValue('piiMasking', value !== 'local');
        }}
      />
      <TextInput
        label="Data retention"
        description="How long the provider keeps what it is sent, e.g. “30 days” or “none”"
        maxLength={200}
        {...form.getInputProps('dataRetention')}
      />
      <Group gap="xl">
        <Switch label="May receive personal data" {...form.getInputProps('personalData', { type: 'checkbox' })} />
        <Switch
          label="Mask candidate identifiers"
          description="Before sending: the candidate’s identity, emails, phones, addresses, birth dates, profile links"
          {...form.getInputProps('piiMasking', { type: 'checkbox' })}
        />
      </Group>
    </Stack>
  );
}
