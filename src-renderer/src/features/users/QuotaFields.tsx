import { NumberInput, Select } from '@mantine/core';
import { useState } from 'react';
import { USER_LIMIT_BEHAVIOURS, type UserDto, type UserLimitBehaviour } from '@contract';
import { LIMIT_LABELS } from './limit-labels';

type Amount = string | number;

/** A user's quotas as the form holds them ('' = no quota) and as the contract takes them (null = no quota). */
export interface QuotaForm {
  values: { dailyTokens: Amount; monthlyTokens: Amount; dailyCost: Amount; monthlyCost: Amount };
  onLimit: UserLimitBehaviour;
  set: (field: keyof QuotaForm['values'], value: Amount) => void;
  setOnLimit: (value: UserLimitBehaviour) => void;
  quotas: () => Pick<UserDto, 'dailyTokens' | 'monthlyTokens' | 'dailyCostUsd' | 'monthlyCostUsd' | 'onLimit'>;
  reset: () => void;
}

const amount = (value: Amount): number | null => (value === '' || Number(value) === 0 ? null : Number(value));
const field = (value: number | null): Amount => value ?? '';

export function useQuotaForm(user?: UserDto): QuotaForm {
  const initial = {
    dailyTokens: field(user?.dailyTokens ?? null),
    monthlyTokens: field(user?.monthlyTokens ?? null),
    dailyCost: field(user?.dailyCostUsd ?? null),
    monthlyCost: field(user?.monthlyCostUsd ?? null),
  };
  const [values, setValues] = useState(initial);
  const [onLimit, setOnLimit] = useState<UserLimitBehaviour>(user?.onLimit ?? 'block');
  return {
    values,
    onLimit,
    set: (key, value) => setValues((v) => ({ ...v, [key]: value })),
    setOnLimit,
    quotas: () => ({
      dailyTokens: amount(values.dailyTokens),
      monthlyTokens: amount(values.monthlyTokens),
      dailyCostUsd: amount(values.dailyCost),
      monthlyCostUsd: amount(values.monthlyCost),
      onLimit,
    }),
    reset: () => {
      setValues(initial);
      setOnLimit(user?.onLimit ?? 'block');
    },
  };
}

/** The four quotas (empty = none) and what happens at a quota. */
export function QuotaFields({ form }: { form: QuotaForm }) {
  const tokens = { min: 0, allowDecimal: false, thousandSeparator: ',' } as const;
  const usd = { min: 0, decimalScale: 4 } as const;
  return (
    <>
      <NumberInput
        label="Daily tokens"
        value={form.values.dailyTokens}
        onChange={(v) => form.set('dailyTokens', v)}
        {...tokens}
      />
      <NumberInput
        label="Monthly tokens"
        value={form.values.monthlyTokens}
        onChange={(v) => form.set('monthlyTokens', v)}
        {...tokens}
      />
      <NumberInput
        label="Daily cost (USD)"
        value={form.values.dailyCost}
        onChange={(v) => form.set('dailyCost', v)}
        {...usd}
      />
      <NumberInput
        label="Monthly cost (USD)"
        value={form.values.monthlyCost}
        onChange={(v) => form.set('monthlyCost', v)}
        {...usd}
      />
      <Select
        label="At a quota"
        data={USER_LIMIT_BEHAVIOURS.map((b) => ({ value: b, label: LIMIT_LABELS[b] }))}
        value={form.onLimit}
        allowDeselect={false}
        onChange={(v) => form.setOnLimit(USER_LIMIT_BEHAVIOURS.find((b) => b === v) ?? 'block')}
      />
    </>
  );
}
