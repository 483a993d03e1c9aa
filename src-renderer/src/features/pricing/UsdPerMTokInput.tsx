import { NumberInput, type NumberInputProps } from '@mantine/core';

/** A labelled USD-per-million-tokens field of the "Price another model" form (table cells use PriceInput). */
export function UsdPerMTokInput(props: NumberInputProps) {
  return <NumberInput prefix="$" min={0} decimalScale={4} w={120} hideControls {...props} />;
}
