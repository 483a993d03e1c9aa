import type { ServerResponse } from 'node:http';
import type { SseEvent } from './protocols/protocol';
import type { FaultSpec, RecordedRequest } from './types';

/** Resolves after `ms`, or at once when the emulator is closing. */
export function sleep(ms: number, closing: AbortSignal): Promise<void> {
  if (ms <= 0 || closing.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      closing.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    closing.addEventListener('abort', done, { once: true });
  });
}

export function gone(res: ServerResponse): boolean {
  return res.destroyed || res.writableEnded;
}

function destroySocket(res: ServerResponse): void {
  res.socket?.destroy();
  res.destroy();
}

export function errorHeaders(fault: FaultSpec | null): Record<string, string> {
  const headers: Record<string, string> = {};
  if (fault?.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
  if (fault?.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
  return headers;
}

interface WriteContext {
  res: ServerResponse;
  record: RecordedRequest;
  headers: Record<string, string>;
  fault: FaultSpec | null;
  closing: AbortSignal;
}

/** A JSON response; `malformedBody` sends invalid JSON, `cutAfterChunks` drops the connection mid-body. */
export function writeJson(ctx: WriteContext, status: number, body: unknown): void {
  const { res, record, fault } = ctx;
  const json = JSON.stringify(body);
  const text = fault?.malformedBody && status < 400 ? json.slice(0, Math.max(1, Math.floor(json.length / 2))) : json;
  record.status = status;
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...ctx.headers,
  });
  if (fault?.bodyStallMs !== undefined) {
    // The headers and half the body, then nothing for a while: a server that stalls mid-answer.
    const half = Math.floor(text.length / 2);
    res.write(text.slice(0, half));
    void sleep(fault.bodyStallMs, ctx.closing).then(() => {
      if (!gone(res)) res.end(text.slice(half));
    });
    return;
  }
  if (fault?.cutAfterChunks !== undefined) {
    // Half the announced length, then the socket goes: the client sees a short read.
    res.write(text.slice(0, Math.floor(text.length / 2)), () => destroySocket(res));
    return;
  }
  res.end(text);
}

function formatEvent(event: SseEvent): string {
  return `${event.event ? `event: ${event.event}\n` : ''}data: ${event.data}\n\n`;
}

function hasChunkFaults(fault: FaultSpec | null): boolean {
  if (!fault) return false;
  return (
    fault.firstChunkDelayMs !== undefined ||
    fault.chunkDelayMs !== undefined ||
    fault.cutAfterChunks !== undefined ||
    fault.endAfterChunks !== undefined ||
    fault.malformedBody === true
  );
}

/**
 * A server-sent-event stream. Chunk faults count SSE events: `cutAfterChunks: 2` sends two events and
 * destroys the socket; `endAfterChunks: 2` sends two and ends cleanly without the final events;
 * `malformedBody` replaces the second event with invalid JSON and ends.
 */
export async function writeSse(ctx: WriteContext, events: SseEvent[], malformed: SseEvent): Promise<void> {
  const { res, record, fault, closing } = ctx;
  record.status = 200;
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...ctx.headers,
  });
  if (!hasChunkFaults(fault)) {
    res.end(events.map(formatEvent).join(''));
    return;
  }
  res.flushHeaders();
  for (let i = 0; i < events.length; i++) {
    await sleep(i === 0 ? (fault?.firstChunkDelayMs ?? 0) : (fault?.chunkDelayMs ?? 0), closing);
    if (gone(res)) return;
    if (fault?.cutAfterChunks === i) return destroySocket(res);
    if (fault?.endAfterChunks === i) {
      res.end();
      return;
    }
    if (fault?.malformedBody && i === 1) {
      res.end(formatEvent(malformed));
      return;
    }
    const event = events[i];
    if (event) res.write(formatEvent(event));
  }
  if (fault?.cutAfterChunks !== undefined) return destroySocket(res);
  res.end();
}
