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
  /**
   * The router fell back from this attempt to another provider (the attempt failed or its answer was
   * rejected, and another provider was tried next): the provider's "fallbacks" count.
   */
  fallback: boolean;
  /** JSON of the request's RouteReason (why the providers were in this order); absent for events not routed by strategy. */
  routeReason?: string | null;
  createdAt: number;
}
