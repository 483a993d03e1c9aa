import { useMemo, useState } from 'react';
import { customRange, presetRange, toDateInput, type DateRange, type RangePreset } from './date-range';

/** The range the Usage page opens with. */
export const DEFAULT_PRESET = '30' satisfies RangePreset;

/** The range of `DEFAULT_PRESET`, as of now. */
export const defaultRange = (): DateRange => presetRange(Number(DEFAULT_PRESET));

/** The Usage page's range: a preset or custom dates (an invalid custom pair keeps the last valid range). */
export function useDateRange() {
  const [preset, setPreset] = useState<RangePreset>(DEFAULT_PRESET);
  const initial = defaultRange();
  const [customFrom, setCustomFrom] = useState(toDateInput(initial.from));
  const [customTo, setCustomTo] = useState(toDateInput(initial.to - 1));
  const [lastValid, setLastValid] = useState<DateRange>(initial);

  let range: DateRange;
  let customError: string | null = null;
  if (preset === 'custom') {
    const parsed = customRange(customFrom, customTo);
    if (typeof parsed === 'string') {
      customError = parsed;
      range = lastValid;
    } else range = parsed;
  } else range = presetRange(Number(preset));

  // One object per distinct range, so memoised charts keep it between unrelated renders.
  const stable = useMemo(() => ({ from: range.from, to: range.to }), [range.from, range.to]);

  return {
    range: stable,
    preset,
    setPreset: (p: RangePreset) => {
      setLastValid(range);
      setPreset(p);
    },
    customFrom,
    customTo,
    setCustom: (from: string, to: string) => {
      setLastValid(range);
      setCustomFrom(from);
      setCustomTo(to);
    },
    customError,
  };
}
