import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventName, EventPayload } from '@contract';
import type { Core } from '../core';
import type { AppError } from '../errors';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { declaredTooLarge, readBody, sendTooLarge } from './body';
import { hostAllowed, originAllowed, tokenMatches } from './request-guard';
import { readStaticFile } from './static-files';

export interface WebHostOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 = any free port. */
  port?: number;
  /** Fixed token for tests; a random per-launch token otherwise. */
  token?: string;
  /**
   * After a call staged a restore: closes the core, swaps the backup in and returns the core opened on it
   * (or on the previous database, with the error, when the restore could not be completed).
   */
  reopenAfterRestore?: (core: Core) => Promise<{ core: Core; error: AppError | null }>;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/** Serves the renderer and the IPC contract over HTTP on 127.0.0.1 only, for one per-launch token. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  let core = options.core;
  /** While a restore swaps the database, requests wait for the core opened on it. */
  let switching: Promise<AppError | null> | null = null;
  const inFlight = new Set<Promise<unknown>>();
  const token = options.token ?? randomBytes(32).toString('base64url');
  // One launch = one user session, like one desktop window.
  const session = core.localSession('web');
  const streams = new Set<ServerResponse>();
  let port = 0;

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    const frame = `event: message\ndata: ${JSON.stringify({ event, payload })}\n\n`;
    for (const res of streams) res.write(frame);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      core.log(`web host: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (!res.headersSent) send(res, 500, { error: 'internal' });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, port)) return send(res, 421, { error: 'Host not allowed' });
    const path = (req.url ?? '/').split('?')[0] ?? '/';

    if (path.startsWith('/ipc/') || path === '/events') {
      if (!originAllowed(req, port)) return send(res, 403, { error: 'Origin not allowed' });
      if (!tokenMatches(req, token)) return send(res, 401, { error: 'Missing or wrong token' });
      if (req.method !== 'POST') return send(res, 405, { error: 'POST only' });
      if (path === '/events') return openEventStream(res);
      if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
        return send(res, 415, { error: 'application/json only' });
      if (declaredTooLarge(req)) return sendTooLarge(req, res, SECURITY_HEADERS);
      const body = await readBody(req);
      if (body === null) return sendTooLarge(req, res, SECURITY_HEADERS);
      let input: unknown;
      try {
        input = body.length === 0 ? {} : (JSON.parse(body) as { input?: unknown }).input;
      } catch {
        input = Symbol('malformed');
      }
      if (typeof input === 'symbol')
        return send(res, 200, {
          ok: false,
          error: { code: 'invalid_input', message: 'The request body is not valid JSON.' },
        });
      let channelName: string;
      try {
        channelName = decodeURIComponent(path.slice('/ipc/'.length));
      } catch {
        channelName = '';
      }
      const controller = new AbortController();
      res.on('close', () => controller.abort());
      if (switching) await switching;
      const dispatching = core.dispatch(channelName, input, session, {
        emit,
        signal: controller.signal,
      });
      inFlight.add(dispatching);
      const result = await dispatching.finally(() => inFlight.delete(dispatching));
      if (result.ok && options.reopenAfterRestore && core.takeStagedRestore()) {
        const failed = await switchCore(options.reopenAfterRestore);
        if (failed)
          return send(res, 200, {
            ok: false,
            error: {
              code: failed.code,
              message: failed.message,
              ...(failed.details ? { details: failed.details } : {}),
            },
          });
      }
      return send(res, 200, result);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'GET only' });
    const file = await readStaticFile(options.rendererDir, path);
    if (!file) return send(res, 404, { error: 'Not found' });
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': file.contentType,
      'cache-control': file.contentType.startsWith('text/html') ? 'no-store' : 'public, max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  function switchCore(reopen: NonNullable<WebHostOptions['reopenAfterRestore']>): Promise<AppError | null> {
    switching = (async () => {
      // Calls already running on the old core finish on it before it closes; new ones wait for the switch.
      await Promise.allSettled([...inFlight]);
      unsubscribe();
      const next = await reopen(core);
      core = next.core;
      unsubscribe = core.onEvent(emit);
      return next.error;
    })().finally(() => {
      switching = null;
    });
    return switching;
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  let unsubscribe = core.onEvent(emit);

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const res of streams) res.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
