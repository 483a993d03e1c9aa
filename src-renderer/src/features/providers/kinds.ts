import type { LimitBehaviour, ProviderKind, Task } from '@contract';

export const KIND_LABELS: Record<ProviderKind, string> = {
  gemini: 'Google Gemini',
  openai: 'OpenAI',
  anthropic: 'Anthropic Claude',
  'openai-compatible': 'OpenAI-compatible',
};

export const KIND_COLORS: Record<ProviderKind, string> = {
  gemini: 'blue',
  openai: 'teal',
  anthropic: 'orange',
  'openai-compatible': 'grape',
};

/** What a key of each kind looks like (main checks the same shapes before storing a key). */
export const KEY_FORMATS: Record<ProviderKind, { test: RegExp; hint: string } | null> = {
  openai: { test: /^sk-[A-Za-z0-9_-]{20,}$/u, hint: 'OpenAI keys start with "sk-"' },
  anthropic: { test: /^sk-ant-[A-Za-z0-9_-]{20,}$/u, hint: 'Anthropic keys start with "sk-ant-"' },
  gemini: { test: /^AIza[0-9A-Za-z_-]{35}$/u, hint: 'Gemini keys start with "AIza" and are 39 characters long' },
  'openai-compatible': null,
};

export const MODEL_EXAMPLES: Record<ProviderKind, string> = {
  gemini: 'gemini-2.5-flash',
  openai: 'gpt-4.1-mini',
  anthropic: 'claude-sonnet-4-5',
  'openai-compatible': 'llama3.1:8b',
};

export const BASE_URL_HINTS: Record<ProviderKind, string> = {
  gemini: 'Leave empty for Google’s API',
  openai: 'Leave empty for api.openai.com',
  anthropic: 'Leave empty for api.anthropic.com',
  'openai-compatible': 'e.g. http://localhost:11434/v1 (Ollama) or http://localhost:1234/v1 (LM Studio)',
};

export const TASK_LABELS: Record<Task, string> = {
  extraction: 'Extraction',
  cv_draft: 'CV drafts',
  cover_letter: 'Cover letters',
  validation: 'Validation',
};

export const LIMIT_BEHAVIOUR_LABELS: Record<LimitBehaviour, string> = {
  fallback: 'Use next provider',
  error: 'Fail the call',
  queue: 'Queue until reset',
};
