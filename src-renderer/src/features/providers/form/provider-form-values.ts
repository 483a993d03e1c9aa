import {
  providerConfigInputSchema,
  type LimitBehaviour,
  type ProviderConfigDto,
  type ProviderConfigInput,
  type ProviderKind,
  type ProviderRegion,
  type Task,
} from '@contract';
import { KEY_FORMATS, KIND_LABELS } from '../kinds';

/** What the provider form edits. Number inputs hold '' when empty (= no limit). */
export interface ProviderFormValues {
  name: string;
  kind: ProviderKind;
  model: string;
  baseUrl: string;
  /** Write-only: sent when creating, or when editing with `replaceKey`. Never filled from the server. */
  apiKey: string;
  replaceKey: boolean;
  tasks: Task[];
  priority: number | string;
  isDefault: boolean;
  active: boolean;
  dailyTokenLimit: number | string;
  monthlyTokenLimit: number | string;
  monthlyCostLimitUsd: number | string;
  onLimit: LimitBehaviour;
  timeoutSeconds: number | string;
  maxOutputTokens: number | string;
  region: ProviderRegion;
  dataRetention: string;
  personalData: boolean;
  piiMasking: boolean;
}

export const NEW_PROVIDER: ProviderFormValues = {
  name: '',
  kind: 'openai',
  model: '',
  baseUrl: '',
  apiKey: '',
  replaceKey: true,
  tasks: ['extraction', 'cv_draft', 'cover_letter', 'validation'],
  priority: 100,
  isDefault: false,
  active: true,
  dailyTokenLimit: '',
  monthlyTokenLimit: '',
  monthlyCostLimitUsd: '',
  onLimit: 'fallback',
  timeoutSeconds: 60,
  maxOutputTokens: 4096,
  region: 'other',
  dataRetention: '',
  personalData: true,
  piiMasking: true,
};

export function valuesFromConfig(c: ProviderConfigDto): ProviderFormValues {
  return {
    name: c.name,
    kind: c.kind,
    model: c.model,
    baseUrl: c.baseUrl ?? '',
    apiKey: '',
    replaceKey: false,
    tasks: c.tasks,
    priority: c.priority,
    isDefault: c.isDefault,
    active: c.active,
    dailyTokenLimit: c.dailyTokenLimit ?? '',
    monthlyTokenLimit: c.monthlyTokenLimit ?? '',
    monthlyCostLimitUsd: c.monthlyCostLimitUsd ?? '',
    onLimit: c.onLimit,
    timeoutSeconds: c.timeoutMs / 1000,
    maxOutputTokens: c.maxOutputTokens,
    region: c.region,
    dataRetention: c.dataRetention ?? '',
    personalData: c.personalData,
    piiMasking: c.piiMasking,
  };
}

const optionalNumber = (v: number | string): number | null => (v === '' ? null : Number(v));

export function configFromValues(v: ProviderFormValues): ProviderConfigInput {
  return {
    name: v.name.trim(),
    kind: v.kind,
    model: v.model.trim(),
    baseUrl: v.baseUrl.trim() === '' ? null : v.baseUrl.trim(),
    tasks: v.tasks,
    priority: Number(v.priority),
    isDefault: v.isDefault,
    active: v.active,
    dailyTokenLimit: optionalNumber(v.dailyTokenLimit),
    monthlyTokenLimit: optionalNumber(v.monthlyTokenLimit),
    monthlyCostLimitUsd: optionalNumber(v.monthlyCostLimitUsd),
    onLimit: v.onLimit,
    timeoutMs: Math.round(Number(v.timeoutSeconds) * 1000),
    maxOutputTokens: Number(v.maxOutputTokens),
    region: v.region,
    dataRetention: v.dataRetention.trim() === '' ? null : v.dataRetention.trim(),
    personalData: v.personalData,
    piiMasking: v.piiMasking,
  };
}

/** The key to send: on create when typed, on edit only when "Replace key" is on. */
export function keyToSend(v: ProviderFormValues, editing: boolean): string | undefined {
  const key = v.apiKey.trim();
  if (!key || (editing && !v.replaceKey)) return undefined;
  return key;
}

const intIn =
  (min: number, max: number, what: string, optional = false) =>
  (v: number | string): string | null => {
    if (v === '') return optional ? null : `${what} is required`;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) return `${what} must be a whole number from ${min} to ${max}`;
    return null;
  };

function validUrl(v: string): string | null {
  if (v.trim() === '') return null;
  try {
    const url = new URL(v.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? null : 'Use an http:// or https:// address';
  } catch {
    return 'Enter a full address, e.g. http://localhost:11434/v1';
  }
}

function validKey(v: string, values: ProviderFormValues, editing: boolean): string | null {
  const sending = !editing || values.replaceKey;
  if (!sending) return null;
  const key = v.trim();
  if (!key) {
    if (editing) return 'Enter the new key, or turn “Replace key” off';
    const needsKey = values.kind !== 'openai-compatible' && values.baseUrl.trim() === '' && values.active;
    return needsKey ? `${KIND_LABELS[values.kind]} needs an API key (or a base URL for a proxy)` : null;
  }
  if (/\s/u.test(key)) return 'The key contains spaces or line breaks';
  const format = KEY_FORMATS[values.kind];
  return format && !format.test.test(key)
    ? `That does not look like an API key for ${KIND_LABELS[values.kind]}: ${format.hint}`
    : null;
}

/** Field rules for @mantine/form; the contract's zod schema is checked again on submit. */
export function providerFormRules(editing: boolean) {
  return {
    name: (v: string) =>
      !v.trim()
        ? 'Name is required'
        : v.trim().length > 64
          ? 'Name is at most 64 characters'
          : /^[\w .-]+$/u.test(v.trim())
            ? null
            : 'Use letters, digits, spaces, dots, dashes and underscores',
    model: (v: string) => (v.trim() ? null : 'Model is required'),
    baseUrl: validUrl,
    apiKey: (v: string, values: ProviderFormValues) => validKey(v, values, editing),
    priority: intIn(0, 1000, 'Priority'),
    dailyTokenLimit: intIn(1, Number.MAX_SAFE_INTEGER, 'Daily token limit', true),
    monthlyTokenLimit: intIn(1, Number.MAX_SAFE_INTEGER, 'Monthly token limit', true),
    monthlyCostLimitUsd: (v: number | string) =>
      v === '' || (Number(v) > 0 && Number(v) <= 1_000_000) ? null : 'Cost limit must be above 0 and at most 1,000,000',
    timeoutSeconds: (v: number | string) =>
      v !== '' && Number(v) >= 1 && Number(v) <= 600 ? null : 'Timeout must be 1 to 600 seconds',
    maxOutputTokens: intIn(1, 200_000, 'Max output tokens'),
  };
}

const FIELD_OF: Partial<Record<keyof ProviderConfigInput, keyof ProviderFormValues>> = {
  timeoutMs: 'timeoutSeconds',
};

/** The contract schema's verdict as form errors (a last check: the field rules normally catch everything). */
export function schemaErrors(config: ProviderConfigInput): Record<string, string> {
  const parsed = providerConfigInputSchema.safeParse(config);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? 'name') as keyof ProviderConfigInput;
    errors[FIELD_OF[key] ?? key] ??= issue.message;
  }
  return errors;
}
