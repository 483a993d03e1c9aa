/**
 * Reads what an SDK error says about a failure without importing any SDK: the three SDKs expose
 * the same facts under slightly different names (status, headers, body, cause chain).
 */
import { readField } from './fields';

export interface ErrorFacts {
  status: number | undefined;
  /** Vendor error type: OpenAI `error.type`, Anthropic `error.error.type` (Gemini's SDK keeps none). */
  vendorType: string | undefined;
  /** Vendor error code: OpenAI `error.code`, Anthropic `details.error_code`, Gemini ErrorInfo reason. */
  vendorCode: string | undefined;
  vendorMessage: string | undefined;
  retryAfterMs: number | undefined;
  /** First system / undici error code in the cause chain (ECONNREFUSED, UND_ERR_SOCKET, …). */
  networkCode: string | undefined;
  isAbort: boolean;
  isTimeout: boolean;
  isParseFailure: boolean;
  /** Every message in the cause chain, joined: for pattern checks. */
  text: string;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The error, its `cause`s and an AggregateError's `errors`, breadth first, bounded. */
function chainOf(err: unknown): unknown[] {
  const chain: unknown[] = [];
  const queue: unknown[] = [err];
  while (queue.length > 0 && chain.length < 12) {
    const next = queue.shift();
    if (next === undefined || next === null || chain.includes(next)) continue;
    chain.push(next);
    queue.push(readField(next, 'cause'));
    const errors = readField(next, 'errors');
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return chain;
}

function readHeader(err: unknown, name: string): string | undefined {
  const headers = readField(err, 'headers');
  if (headers instanceof Headers) return str(headers.get(name));
  return str(readField(headers, name));
}

/** `retry-after-ms` (OpenAI / Anthropic), `retry-after` in seconds or as an HTTP date, Gemini RetryInfo. */
function readRetryAfterMs(err: unknown): number | undefined {
  const ms = Number.parseFloat(readHeader(err, 'retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return Math.round(ms);
  const header = readHeader(err, 'retry-after');
  if (header !== undefined) {
    const seconds = Number.parseFloat(header);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
    const date = Date.parse(header);
    if (Number.isFinite(date)) return Math.max(0, date - Date.now());
  }
  return geminiRetryDelayMs(readField(err, 'errorDetails'));
}

function geminiRetryDelayMs(details: unknown): number | undefined {
  if (!Array.isArray(details)) return undefined;
  for (const detail of details) {
    const delay = str(readField(detail, 'retryDelay'));
    const match = delay ? /^(\d+(?:\.\d+)?)s$/u.exec(delay) : null;
    if (match?.[1]) return Math.round(Number.parseFloat(match[1]) * 1000);
  }
  return undefined;
}

function geminiReason(details: unknown): string | undefined {
  if (!Array.isArray(details)) return undefined;
  for (const detail of details) {
    const reason = str(readField(detail, 'reason'));
    if (reason) return reason;
  }
  return undefined;
}

/** Gemini puts the vendor message after "[400 Bad Request] " and appends the details as JSON. */
function geminiMessage(message: string): string | undefined {
  const match = /\[\d{3}[^\]]*\]\s*([\s\S]*)$/u.exec(message);
  if (!match?.[1]) return undefined;
  const detailsAt = match[1].indexOf(' [{');
  return (detailsAt >= 0 ? match[1].slice(0, detailsAt) : match[1]).trim() || undefined;
}

function nameOf(value: unknown): string {
  return str(readField(value, 'name')) ?? '';
}

function messageOf(value: unknown): string {
  return str(readField(value, 'message')) ?? (typeof value === 'string' ? value : '');
}

const NETWORK_CODE = /^(E[A-Z0-9]+|UND_ERR_[A-Z_]+)$/u;
const TIMEOUT_TEXT = /timed? ?out/iu;
const ABORT_TEXT = /request (was )?aborted/iu;
const PARSE_TEXT =
  /is not valid JSON|Unexpected (token|end of JSON)|Failed to parse stream|Error parsing JSON response|JSON at position/iu;

export function inspectError(err: unknown): ErrorFacts {
  const chain = chainOf(err);
  const body = readField(err, 'error');
  const inner = readField(body, 'error');
  const status = readField(err, 'status');
  const outerType = str(readField(body, 'type'));
  const message = messageOf(err);
  const text = chain.map(messageOf).filter(Boolean).join(' | ');
  const networkCode = chain
    .map((e) => str(readField(e, 'code')))
    .find((code) => code !== undefined && NETWORK_CODE.test(code));
  return {
    status: typeof status === 'number' && status > 0 ? status : undefined,
    vendorType: str(readField(inner, 'type')) ?? (outerType !== 'error' ? outerType : undefined),
    vendorCode:
      str(readField(body, 'code')) ??
      str(readField(readField(inner, 'details'), 'error_code')) ??
      geminiReason(readField(err, 'errorDetails')),
    vendorMessage: str(readField(inner, 'message')) ?? str(readField(body, 'message')) ?? geminiMessage(message),
    retryAfterMs: readRetryAfterMs(err),
    networkCode,
    isAbort:
      chain.some((e) => nameOf(e) === 'AbortError' || nameOf(e) === 'APIUserAbortError') || ABORT_TEXT.test(message),
    isTimeout:
      chain.some((e) => nameOf(e) === 'TimeoutError' || nameOf(e) === 'APIConnectionTimeoutError') ||
      TIMEOUT_TEXT.test(message),
    isParseFailure: chain.some((e) => nameOf(e) === 'SyntaxError') || PARSE_TEXT.test(text),
    text,
  };
}
