/** The constants of strategy routing (documented in docs/admin-guide.md, "Smart routing"). */
export const ROUTING_POLICY = {
  /** Statistics come from this task's usage events of the last 24 hours… */
  windowMs: 24 * 60 * 60 * 1000,
  /** …at most the last 100 calls per provider. */
  maxCalls: 100,
  /** Below this many calls in the window a provider keeps its priority position. */
  minSamples: 20,
  /** A challenger must beat the current first choice's score by this much (scores are 0..1) to replace it. */
  hysteresisMargin: 0.05,
  /** Share of calls that go to the best non-first provider, so its statistics stay fresh. */
  explorationShare: 0.05,
  /** `balanced`: weights of the cost, latency and reliability scores (renormalised when a model has no price). */
  balancedWeights: { cost: 0.4, latency: 0.3, reliability: 0.3 },
} as const;
