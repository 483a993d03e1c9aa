/** The three wire protocols the emulator speaks. OpenAI-compatible servers use the `openai` protocol. */
export type Protocol = 'openai' | 'anthropic' | 'gemini';
export const PROTOCOLS: readonly Protocol[] = ['openai', 'anthropic', 'gemini'];

export interface ReplyUsage {
  input: number;
  output: number;
  cached?: number;
}

/** What the "model" answers to one request. */
export interface ScriptedReply {
  /** `{key}` is replaced by the key the request carried (a provider echoing its Authorization header). */
  text: string;
  /** Only a request of this protocol takes the reply; absent = the next request of any protocol. */
  protocol?: Protocol;
  /** Usage to report. `null` = report no usage at all; absent = estimated from prompt and reply. */
  usage?: ReplyUsage | null;
  /** How a streamed reply is split into chunks; default: one chunk a word. */
  chunks?: string[];
  finishReason?: 'stop' | 'length';
}

/**
 * A fault applied to one request (header `x-emulator-fault`) or to the next `times` requests
 * (control endpoint / `pushFaults`). Fields combine: e.g. `latencyMs` + `status`.
 */
export interface FaultSpec {
  /** Queue only: applies to requests of this protocol; absent = any. */
  protocol?: Protocol;
  /** Queue only: how many matching requests this fault applies to (default 1). */
  times?: number;
  /** Reply with this HTTP status and the vendor's real error body for it. */
  status?: number;
  /** With a 400 (default when no status): the vendor's context-window error. */
  contextLength?: boolean;
  /** Replaces the vendor error message; `{key}` is replaced by the key the request carried. */
  message?: string;
  retryAfterSeconds?: number;
  retryAfterMs?: number;
  /** Delay before the response headers. */
  latencyMs?: number;
  /** Streams: delay between the headers and the first chunk. */
  firstChunkDelayMs?: number;
  /** Streams: delay between chunks. */
  chunkDelayMs?: number;
  /** JSON replies: the headers and half the body, then this delay before the rest. */
  bodyStallMs?: number;
  /** Destroy the socket after this many SSE events (JSON replies: after half the body). */
  cutAfterChunks?: number;
  /** Streams: end the response cleanly after this many SSE events, without the final events. */
  endAfterChunks?: number;
  /** A 200 whose body (or a stream event) is not valid JSON. */
  malformedBody?: boolean;
  /** Treat the request's key as invalid. */
  rejectKey?: boolean;
  /** Report no usage. */
  omitUsage?: boolean;
  /** Destroy the socket before sending anything. */
  hangUp?: boolean;
}

/** Which keys are accepted. A list applies to every protocol; a record sets them per protocol. */
export type ValidKeys = readonly string[] | Partial<Record<Protocol, readonly string[]>>;

export interface EmulatorOptions {
  /** 0 or absent = a free port. */
  port?: number;
  host?: string;
  /** Absent = any non-empty key is accepted. */
  validKeys?: ValidKeys;
  /** OpenAI protocol accepts requests without a key or with any key (a local OpenAI-compatible server). */
  openMode?: boolean;
  /** Requests kept in memory; older ones are dropped (default 10 000). */
  maxRecorded?: number;
}

export interface RecordedRequest {
  seq: number;
  /** ms since the epoch when the request body was read. */
  at: number;
  method: string;
  /** Path and query as sent. */
  url: string;
  path: string;
  protocol: Protocol | null;
  /** Every header, lower-cased names (keys included: tests check they are sent). */
  headers: Record<string, string>;
  /** Parsed JSON body, the raw text when it is not JSON, or null when empty. */
  body: unknown;
  fault: FaultSpec | null;
  /** Response status, once written. */
  status: number | null;
  /** True when the client closed the connection before the response was complete (a cancelled call; not set
   * when a `hangUp` or `cutAfterChunks` fault closed it). */
  clientAborted: boolean;
}
