import type { ChatInput, ResolvedReply } from '../chat';
import type { Protocol } from '../types';

export interface SseEvent {
  event?: string;
  data: string;
}

export interface VendorError {
  status: number;
  body: unknown;
}

export interface ErrorDetails {
  contextLength: boolean;
  /** Overrides the vendor's message. */
  message?: string;
  retryAfterSeconds?: number;
  model: string;
}

export interface ReplyIds {
  /** Unique per request, e.g. "000001a3". */
  id: string;
  createdSeconds: number;
}

/** One vendor's wire format: how it authenticates, what its bodies and errors look like. */
export interface ProtocolHandler {
  readonly protocol: Protocol;
  /** Header carrying the request id on every response, if the vendor sends one. */
  readonly requestIdHeader: string | null;
  readKey(headers: Record<string, string>, query: URLSearchParams): string | null;
  /** The vendor's error for a missing (`null`) or rejected key. */
  authError(key: string | null, messageOverride?: string): VendorError;
  errorBody(status: number, details: ErrorDetails): unknown;
  /** A chat request in this protocol, or the vendor's 400 when the body is not one. */
  parseChat(body: unknown, pathModel: string | null, stream: boolean): ChatInput | VendorError;
  modelsBody(): unknown;
  jsonReply(input: ChatInput, reply: ResolvedReply, ids: ReplyIds): unknown;
  streamEvents(input: ChatInput, reply: ResolvedReply, ids: ReplyIds): SseEvent[];
  malformedEvent(): SseEvent;
}

export function isVendorError(value: ChatInput | VendorError): value is VendorError {
  return 'status' in value && 'body' in value;
}

export function maskKey(key: string): string {
  return key.length <= 8 ? '****' : `${key.slice(0, 3)}****${key.slice(-4)}`;
}

export function substituteKey(message: string, key: string | null): string {
  return message.split('{key}').join(key ?? '');
}
