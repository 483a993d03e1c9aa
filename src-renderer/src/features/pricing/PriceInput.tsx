import { NumberInput } from '@mantine/core';

/** A USD-per-million-tokens cell input; its accessible name says which model and which price. */
export function PriceInput({
  label,
  value,
  error,
  onChange,
  placeholder,
}: {
  label: string;
  value: number | string;
  error: string | undefined;
  onChange: (v: number | string) => void;
  placeholder?: string;
}) {
  return (
    <NumberInput
      aria-label={label}
      value={value}
      onChange={onChange}
      error={error}
      min={0}
      max={100000}
      decimalScale={4}
      prefix="$"
      size="xs"
      w={96}
      placeholder={placeholder}
      hideControls
    />
  );
}
