/** One attempt of a provider call, as the usage log stores it. */
export interface UsageEvent {
  requestId: string;
  attempt: number;
  configId: string | null;
  providerName: string;
  providerKind: string;
  model: string;
  task: string;
  userId: string;
  status: 'ok' | 'error';
  errorClass: string | null;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  estimated: boolean;
  costMicros: number | null;
  priceVersion: number | null;
  latencyMs: number;
  ttftMs: number | null;
  /** This attempt ran on a fallback candidate (not the first one tried). */
  fallback: boolean;
  createdAt: number;
}
