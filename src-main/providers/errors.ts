import type { ProviderErrorClass, ProviderKind } from '@contract';
import { ProviderFailure } from '../errors';
import { inspectError, type ErrorFacts } from './error-inspection';
import { redactSecrets } from '../secrets/redact';

export { redactSecrets } from '../secrets/redact';

export type ProviderErrorKind = ProviderKind | 'builtin';

export interface ProviderErrorInit {
  errorClass: ProviderErrorClass;
  providerKind: ProviderErrorKind;
  message: string;
  status?: number;
  retryAfterMs?: number;
}

/** The one error a provider throws. Its message is meant for people and never contains a key. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly errorClass: ProviderErrorClass;
  readonly providerKind: ProviderErrorKind;
  // `declare`: the properties exist only when known, so a serialised error carries no `undefined` keys.
  declare readonly status?: number;
  declare readonly retryAfterMs?: number;

  constructor(init: ProviderErrorInit) {
    super(init.message);
    this.errorClass = init.errorClass;
    this.providerKind = init.providerKind;
    if (init.status !== undefined) this.status = init.status;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }

  /** This failure as the app reports it beyond the provider layer (the router's callers, IPC). */
  toAppError(): ProviderFailure {
    return new ProviderFailure(this.errorClass, this.message, this.status ?? null);
  }
}

export function isProviderError(err: unknown): err is ProviderError {
  return err instanceof ProviderError;
}

export interface ClassifyContext {
  /** Keys used for the call: removed (whole or as 12+ character fragments) from the message. */
  secrets?: readonly (string | null | undefined)[];
  /** Where the call went, for "could not reach" messages. */
  endpoint?: string;
  /** The caller's signal: when it fired, the failure is the caller's abort (or its deadline). */
  callerSignal?: AbortSignal;
  /** The provider's own timeout fired. */
  timedOut?: boolean;
  timeoutMs?: number;
}

const VENDOR_NAMES: Record<ProviderErrorKind, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  gemini: 'Google Gemini',
  'openai-compatible': 'The OpenAI-compatible server',
  builtin: 'The built-in provider',
};

/** The vendor as the subject of a sentence ("OpenAI", "The OpenAI-compatible server"). */
export function vendorName(kind: ProviderErrorKind): string {
  return VENDOR_NAMES[kind];
}

/** The vendor inside a sentence ("OpenAI", "the OpenAI-compatible server"). */
export function vendorNameInSentence(kind: ProviderErrorKind): string {
  const name = VENDOR_NAMES[kind];
  return name.startsWith('The ') ? `the ${name.slice(4)}` : name;
}

const CONTEXT_LENGTH_TEXT =
  /context_length_exceeded|maximum context length|context window|prompt is too long|exceeds the maximum number of tokens|exceeds the available context size|too many tokens/iu;
const NETWORK_MESSAGES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'host unreachable',
  ENETDOWN: 'network is down',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
};
/** Gemini's SDK drops the cause of a failed fetch; this is all that is left of "could not connect". */
const GEMINI_FETCH_FAILED = /Error fetching from .*: fetch failed/u;
/** undici refuses the ports browsers block (1, 9, 6000, …): a configuration mistake, not an outage. */
const BLOCKED_PORT = /\bbad port\b/u;
/** A body that stopped arriving: undici "terminated", Gemini "Error reading from the stream". */
const STREAM_LOST = /terminated|other side closed|Error reading from the stream|socket hang up/iu;

/** Maps any failure of a provider call (SDK errors, fetch errors, aborts) to a ProviderError. */
export function classifyProviderError(
  err: unknown,
  kind: ProviderErrorKind,
  context: ClassifyContext = {},
): ProviderError {
  const who = vendorName(kind);
  const make = (
    errorClass: ProviderErrorClass,
    message: string,
    extra: { status?: number; retryAfterMs?: number } = {},
  ): ProviderError =>
    new ProviderError({
      errorClass,
      providerKind: kind,
      message: redactSecrets(message, context.secrets ?? []),
      ...extra,
    });
  const timeoutMessage = (): string =>
    context.timeoutMs !== undefined
      ? `${who} did not answer within ${formatSeconds(context.timeoutMs)}`
      : `${who} did not answer in time`;

  const caller = context.callerSignal;
  if (caller?.aborted)
    return isTimeoutReason(caller.reason)
      ? make('unavailable', timeoutMessage())
      : make('aborted', 'The request was cancelled');
  if (context.timedOut) return make('unavailable', timeoutMessage());
  if (err instanceof ProviderError) return err;

  const facts = inspectError(err);
  if (facts.status !== undefined) return classifyStatus(facts, facts.status, kind, make);
  if (facts.vendorType !== undefined || facts.vendorCode !== undefined) return classifyVendorError(facts, kind, make);
  if (facts.isTimeout) return make('unavailable', timeoutMessage());
  if (facts.isAbort) return make('aborted', 'The request was cancelled');
  const endpoint = context.endpoint ? displayEndpoint(context.endpoint) : who;
  const offlineReason = facts.networkCode ? NETWORK_MESSAGES[facts.networkCode] : undefined;
  if (offlineReason) return make('offline', `Could not reach the server at ${endpoint} (${offlineReason})`);
  if (GEMINI_FETCH_FAILED.test(facts.text))
    return make('offline', `Could not reach the server at ${endpoint} (connection failed)`);
  if (BLOCKED_PORT.test(facts.text))
    return make('bad_request', `The HTTP client refuses to connect to the port of ${endpoint} (a blocked port)`);
  if (facts.isParseFailure) return make('unavailable', `${who} sent a response that could not be read`);
  if (facts.networkCode !== undefined || STREAM_LOST.test(facts.text))
    return make(
      'unavailable',
      `The connection to ${vendorNameInSentence(kind)} was lost before the answer was complete`,
    );
  return make('unavailable', `${who} failed: ${facts.text || 'unknown error'}`);
}

type Make = (
  errorClass: ProviderErrorClass,
  message: string,
  extra?: { status?: number; retryAfterMs?: number },
) => ProviderError;

function classifyStatus(facts: ErrorFacts, status: number, kind: ProviderErrorKind, make: Make): ProviderError {
  const who = vendorName(kind);
  const whom = vendorNameInSentence(kind);
  const detail = facts.vendorMessage ? `: ${truncate(facts.vendorMessage)}` : '';
  const isContextLength =
    facts.vendorCode === 'context_length_exceeded' || CONTEXT_LENGTH_TEXT.test(facts.vendorMessage ?? facts.text);
  if ((status === 400 || status === 413 || status === 422) && isContextLength)
    return make('context_length', "The request is longer than the model's context window", { status });
  if (status === 413)
    return make('context_length', "The request is longer than the model's context window", { status });
  if (status === 401 || facts.vendorCode === 'API_KEY_INVALID')
    return make('auth', `The API key was rejected by ${whom} (${status})`, { status });
  if (status === 402) return make('auth', `${who} refused the request for billing reasons (402)${detail}`, { status });
  if (status === 403)
    return make('auth', `The API key is not allowed to do this at ${whom} (403)${detail}`, { status });
  if (status === 429) {
    const retry = facts.retryAfterMs;
    const quota = facts.vendorCode === 'insufficient_quota' ? '; the quota is used up' : '';
    const when = retry !== undefined ? `; retry after ${formatSeconds(retry)}` : '';
    return make(
      'rate_limited',
      `${who} is rate limiting requests (429)${quota}${when}`,
      retry !== undefined ? { status, retryAfterMs: retry } : { status },
    );
  }
  if (status === 529 || facts.vendorType === 'overloaded_error')
    return make('unavailable', `${who} is overloaded (${status}); try again shortly`, { status });
  if (status === 503) return make('unavailable', `${who} is unavailable (503); try again shortly`, { status });
  if (status >= 500) return make('unavailable', `${who} had a server error (${status})`, { status });
  if (status === 408 || status === 409 || status === 425)
    return make('unavailable', `${who} could not handle the request right now (${status})`, { status });
  if (status === 404)
    return make('bad_request', `${who} does not know this model or endpoint (404)${detail}`, { status });
  return make('bad_request', `${who} rejected the request (${status})${detail}`, { status });
}

/** An error without an HTTP status: an error event in the middle of a stream. */
function classifyVendorError(facts: ErrorFacts, kind: ProviderErrorKind, make: Make): ProviderError {
  const who = vendorName(kind);
  const whom = vendorNameInSentence(kind);
  const type = facts.vendorType ?? '';
  const code = facts.vendorCode ?? '';
  const detail = facts.vendorMessage ? `: ${truncate(facts.vendorMessage)}` : '';
  if (code === 'context_length_exceeded' || CONTEXT_LENGTH_TEXT.test(facts.vendorMessage ?? ''))
    return make('context_length', "The request is longer than the model's context window");
  if (type === 'overloaded_error') return make('unavailable', `${who} is overloaded; try again shortly`);
  if (type === 'rate_limit_error' || code === 'rate_limit_exceeded')
    return make('rate_limited', `${who} is rate limiting requests`);
  if (type === 'authentication_error' || code === 'invalid_api_key')
    return make('auth', `The API key was rejected by ${whom}`);
  if (type === 'permission_error') return make('auth', `The API key is not allowed to do this at ${whom}${detail}`);
  if (type === 'invalid_request_error') return make('bad_request', `${who} rejected the request${detail}`);
  return make('unavailable', `${who} reported an error${detail}`);
}

/** A base URL without user info or query (either could hold a credential). */
function displayEndpoint(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/$/u, '')}`;
  } catch {
    return endpoint;
  }
}

function isTimeoutReason(reason: unknown): boolean {
  return typeof reason === 'object' && reason !== null && 'name' in reason && reason.name === 'TimeoutError';
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

function truncate(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
