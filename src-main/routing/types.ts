import type { RouteReason, Task } from '@contract';
import type { LlmMessage, LlmRequest, LlmResult } from '../providers/types';
import type { NormalisedUsage } from '../usage/normalise';
import type { CandidateIdentifiers } from './compliance/pii-masker';

/** One line of an answer's trail: a candidate skipped, or one attempt on it. */
export interface AttemptRecord {
  providerName: string;
  configId: string;
  providerKind: string;
  model: string;
  outcome: 'ok' | 'error' | 'skipped';
  /** Attempt number within the request (1-based); absent for skips. */
  attempt?: number;
  /** Skip reason or error class. */
  reason?: string;
  message?: string;
  latencyMs?: number;
}

export type OutputCheck = { ok: true } | { ok: false; problem: string; repair: LlmMessage[] };

export interface RouteRequest {
  task: Task;
  request: Omit<LlmRequest, 'maxOutputTokens'> & { maxOutputTokens?: number };
  userId: string;
  requestId?: string;
  /** Only this provider config (by name). */
  providerName?: string;
  /** Receives text deltas; `reset` when a failed partial stream is being replaced by another attempt. */
  onStream?: (event: { type: 'text'; text: string } | { type: 'reset'; providerName: string }) => void;
  signal?: AbortSignal;
  /** Checks the answer (e.g. JSON against a zod schema): one repair attempt, then fail over (`invalid_output`). */
  checkOutput?: (text: string) => OutputCheck;
  /**
   * The request carries this candidate's data (`candidateId` null: a file not stored): the candidate's policy applies, providers that may not receive
   * personal data are left out, identifiers are masked for providers that mask, and where it went is audited.
   */
  candidateData?: { candidateId: string | null; identifiers: CandidateIdentifiers };
  /** When set, a request that cannot run now (all offline, or a `queue` limit) is stored in the outbox. */
  queue?: { idempotencyKey: string; completion: { kind: string; target: string | null } };
}

export interface RouteAnswer {
  requestId: string;
  text: string;
  result: LlmResult;
  providerName: string;
  providerKind: string;
  configId: string;
  model: string;
  usage: NormalisedUsage;
  costUsd: number | null;
  attempts: AttemptRecord[];
  /** Answered by a candidate other than the first one. */
  fallback: boolean;
  routeReason: RouteReason;
  /** The candidate's identifiers were replaced by placeholders in what the answering provider received. */
  masked: boolean;
  /** Where the candidate's data went: every provider tried, its region and whether it was masked (empty: none carried). */
  sentTo: { provider: string; region: string; masked: boolean }[];
}

/** Where one request's candidate data went: an audit entry (ids and regions, no personal data). */
export interface DataSent {
  /** null: a candidate file checked without being stored. */
  candidateId: string | null;
  task: string;
  requestId: string;
  userId: string;
  sentTo: { provider: string; region: string; masked: boolean }[];
}
