import type { IncomingMessage, ServerResponse } from 'node:http';

/** The largest IPC body the web host reads. */
export const MAX_BODY = 25 * 1024 * 1024;
/** After a 413, the rest of the body is read and discarded for at most this long (or this much), then the socket closes. */
const DRAIN_MS = 10_000;
const DRAIN_BYTES = 256 * 1024 * 1024;

/** A declared Content-Length above the cap: refused before a byte is read. */
export function declaredTooLarge(req: IncomingMessage, max = MAX_BODY): boolean {
  const declared = req.headers['content-length'];
  return declared !== undefined && Number(declared) > max;
}

/**
 * The body as UTF-8, or null once it passes the cap (chunked bodies carry no length). Past the cap the
 * rest is read and dropped, so the 413 that follows reaches the client instead of a reset.
 */
export function readBody(req: IncomingMessage, max = MAX_BODY): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > max) {
        over = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Answers 413 with a JSON error so that the client, still sending, receives it rather than a TCP reset. The unread
 * body is drained and dropped (bounded in time and bytes, then the socket is closed). On a keep-alive connection
 * the answer goes out at once; a client that asked for `Connection: close` gets it once its body is drained,
 * because Node closes such a socket as soon as the answer is written.
 */
export function sendTooLarge(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): void {
  const answer = () => {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(413, { ...headers, 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ error: `Body too large (limit ${MAX_BODY} bytes)` }));
  };
  if (req.complete) return answer();
  const closing = /\bclose\b/iu.test(req.headers.connection ?? '') || req.httpVersion === '1.0';
  if (!closing) answer();
  let drained = 0;
  const stop = () => req.socket.destroy();
  const timer = setTimeout(stop, DRAIN_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_BYTES) stop();
  });
  req.once('end', () => {
    clearTimeout(timer);
    answer();
  });
  req.once('close', () => clearTimeout(timer));
  req.resume();
}
