import { Group, SegmentedControl, Text, TextInput } from '@mantine/core';
import type { RangePreset } from './date-range';

const PRESETS: { value: RangePreset; label: string }[] = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: 'custom', label: 'Custom' },
];

/** Presets (7/30/90 days) or a custom pair of dates. */
export function DateRangeControl({
  preset,
  onPreset,
  customFrom,
  customTo,
  onCustom,
  customError,
}: {
  preset: RangePreset;
  onPreset: (p: RangePreset) => void;
  customFrom: string;
  customTo: string;
  onCustom: (from: string, to: string) => void;
  customError: string | null;
}) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SegmentedControl
        aria-label="Date range"
        data={PRESETS}
        value={preset}
        onChange={(v) => onPreset(v as RangePreset)}
      />
      {preset === 'custom' && (
        <>
          <TextInput
            type="date"
            label="From"
            size="xs"
            value={customFrom}
            onChange={(e) => onCustom(e.currentTarget.value, customTo)}
          />
          <TextInput
            type="date"
            label="To"
            size="xs"
            value={customTo}
            onChange={(e) => onCustom(customFrom, e.currentTarget.value)}
          />
          {customError && (
            <Text size="xs" c="red" role="alert">
              {customError}
            </Text>
          )}
        </>
      )}
    </Group>
  );
}
