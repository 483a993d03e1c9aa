import type { Task } from '@contract';
import type { UsageEvent } from '../../src-main/usage/usage-log';
import { costMicros, type PricingService } from '../../src-main/usage/pricing';
import { seededRandom, weighted } from '../prng';
import { LOCAL_ROUTE, LOCAL_USERS, ROUTES, TASK_WEIGHTS, USERS } from './fleet';

export interface FleetMember {
  configId: string;
  name: string;
  kind: string;
  model: string;
}

const ERROR_RATE = 0.04;
const ERROR_CLASSES: readonly (readonly [string, number])[] = [
  ['rate_limited', 40],
  ['unavailable', 40],
  ['context_length', 10],
  ['invalid_output', 10],
];

/** Recruiters are not equally busy: a few users make most calls. */
const USER_WEIGHTS = USERS.map((u, i) => [u, 1 / (i + 1)] as const);

interface Attempt {
  member: FleetMember;
  attempt: number;
  failed: boolean;
  fallback: boolean;
}

/** A request's attempts as the router makes them: the default provider, and on failure the fallback. */
function attemptsOf(random: () => number, fleet: readonly FleetMember[], task: Task, user: string): Attempt[] {
  const [primary, fallback] = LOCAL_USERS.has(user) ? LOCAL_ROUTE : ROUTES[task];
  const first = fleet[primary];
  const second = fleet[fallback];
  if (!first || !second) throw new Error('synthetic fleet is smaller than its routes');
  if (random() >= ERROR_RATE) return [{ member: first, attempt: 1, failed: false, fallback: false }];
  return [
    { member: first, attempt: 1, failed: true, fallback: false },
    { member: second, attempt: 2, failed: false, fallback: true },
  ];
}

/**
 * `count` attempts spread evenly over [endMs − days, endMs), oldest first (the order the app writes them):
 * requests routed per task with 4 % failing over, realistic token counts and latencies, costs from the
 * shipped price table (the two local models are unpriced).
 */
export function* syntheticEvents(o: {
  count: number;
  days: number;
  endMs: number;
  fleet: readonly FleetMember[];
  pricing: PricingService;
  seed: number;
}): Generator<UsageEvent> {
  const random = seededRandom(o.seed);
  const span = o.days * 86_400_000;
  const start = o.endMs - span;
  const hex = (): string =>
    Math.floor(random() * 0xffffffff)
      .toString(16)
      .padStart(8, '0');
  let emitted = 0;
  while (emitted < o.count) {
    const task = weighted(random, TASK_WEIGHTS);
    const userId = weighted(random, USER_WEIGHTS);
    const requestId = `${hex()}-${hex()}-${hex()}-${hex()}`;
    let at = Math.floor(start + ((emitted + random()) * span) / o.count);
    for (const a of attemptsOf(random, o.fleet, task, userId)) {
      if (emitted >= o.count) return;
      const inputTokens = a.failed ? 0 : 400 + Math.floor(random() * 6_000);
      const outputTokens = a.failed ? 0 : 80 + Math.floor(random() * 1_500);
      const cachedInputTokens = !a.failed && random() < 0.2 ? Math.floor(inputTokens * 0.5) : 0;
      const usage = { inputTokens, outputTokens, cachedInputTokens };
      const price = o.pricing.priceFor(a.member.model);
      const latencyMs = Math.round(300 + Math.exp(random() * 2.5) * 600);
      const streamed = task === 'cv_draft' || task === 'cover_letter';
      yield {
        requestId,
        attempt: a.attempt,
        configId: a.member.configId,
        providerName: a.member.name,
        providerKind: a.member.kind,
        model: a.member.model,
        task,
        userId,
        status: a.failed ? 'error' : 'ok',
        errorClass: a.failed ? weighted(random, ERROR_CLASSES) : null,
        ...usage,
        estimated: !a.failed && random() < 0.02,
        costMicros: a.failed ? 0 : price ? costMicros(price, usage) : null,
        priceVersion: !a.failed && price ? price.version : null,
        latencyMs,
        ttftMs: streamed && !a.failed ? Math.round(latencyMs * 0.2) : null,
        fallback: a.fallback,
        createdAt: at,
      };
      emitted++;
      at += latencyMs;
    }
  }
}
