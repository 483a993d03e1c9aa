import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveReply } from './chat';
import { CONTROL_PREFIX, handleControl, toScriptedReply } from './control';
import { faultFromHeader } from './faults';
import { parseJson } from './json';
import { anthropicProtocol } from './protocols/anthropic';
import { geminiProtocol } from './protocols/gemini';
import { openAiProtocol } from './protocols/openai';
import { isVendorError, substituteKey, type ProtocolHandler } from './protocols/protocol';
import { errorHeaders, gone, sleep, writeJson, writeSse } from './respond';
import { routeRequest } from './routes';
import { EmulatorState } from './state';
import type { EmulatorOptions, FaultSpec, Protocol, RecordedRequest, ScriptedReply, ValidKeys } from './types';

const HANDLERS: Record<Protocol, ProtocolHandler> = {
  openai: openAiProtocol,
  anthropic: anthropicProtocol,
  gemini: geminiProtocol,
};

export interface Emulator {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). OpenAI SDKs need `${url}/v1`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
  /** Clears queued replies and faults and the recorded requests. */
  reset(): void;
  pushReplies(...replies: (ScriptedReply | string)[]): void;
  pushFaults(...faults: FaultSpec[]): void;
  requests(): RecordedRequest[];
  /** The most provider requests in flight at once (since the start or the last reset). */
  maxConcurrentRequests(): number;
  setValidKeys(keys: ValidKeys | undefined): void;
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendPlain(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  bodyText: string,
  state: EmulatorState,
  closing: AbortSignal,
): Promise<void> {
  res.once('close', state.started());
  const headers = flattenHeaders(req.headers);
  const route = routeRequest(req.method ?? 'GET', url.pathname, headers);
  const fault = faultFromHeader(headers['x-emulator-fault']) ?? state.faults.take(route?.protocol ?? null);
  const parsedBody = bodyText ? parseJson(bodyText) : { ok: true as const, value: null };
  const record = state.record({
    at: Date.now(),
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    path: url.pathname,
    protocol: route?.protocol ?? null,
    headers,
    body: parsedBody.ok ? parsedBody.value : bodyText,
    fault,
    status: null,
    clientAborted: false,
  });
  // A hang-up or cut stream is the emulator closing the connection, not the client.
  const serverCloses = fault?.hangUp === true || fault?.cutAfterChunks !== undefined;
  res.on('close', () => {
    if (!res.writableFinished && !serverCloses) record.clientAborted = true;
  });
  if (!route) {
    record.status = 404;
    return sendPlain(res, 404, {
      error: { message: `The emulator does not serve ${req.method ?? ''} ${url.pathname}`, code: 404 },
    });
  }
  if (fault?.hangUp) {
    req.socket.destroy();
    return;
  }
  await sleep(fault?.latencyMs ?? 0, closing);
  if (gone(res)) return;

  const handler = HANDLERS[route.protocol];
  const key = handler.readKey(headers, url.searchParams);
  const responseHeaders: Record<string, string> = handler.requestIdHeader
    ? { [handler.requestIdHeader]: `req_${state.nextId()}` }
    : {};
  const ctx = { res, record, headers: responseHeaders, fault, closing };
  const model = route.pathModel ?? 'model';
  const message = fault?.message !== undefined ? substituteKey(fault.message, key) : undefined;

  if (fault?.status !== undefined || fault?.contextLength) {
    const status = fault.status ?? 400;
    const body = handler.errorBody(status, {
      contextLength: fault.contextLength === true,
      message,
      retryAfterSeconds: fault.retryAfterSeconds,
      model,
    });
    return writeJson({ ...ctx, headers: { ...responseHeaders, ...errorHeaders(fault) } }, status, body);
  }
  if (fault?.rejectKey || !state.keyAccepted(route.protocol, key)) {
    const error = handler.authError(key, message);
    return writeJson(ctx, error.status, error.body);
  }
  if (route.action === 'models') return writeJson(ctx, 200, handler.modelsBody());

  if (!parsedBody.ok)
    return writeJson(
      ctx,
      400,
      handler.errorBody(400, {
        contextLength: false,
        message: 'We could not parse the JSON body of your request.',
        model,
      }),
    );
  const chat = handler.parseChat(parsedBody.value, route.pathModel, route.stream);
  if (isVendorError(chat)) return writeJson(ctx, chat.status, chat.body);

  const reply = resolveReply(chat, state.replies.take(route.protocol), fault?.omitUsage === true, key);
  const ids = { id: state.nextId(), createdSeconds: Math.floor(Date.now() / 1000) };
  if (chat.stream) return writeSse(ctx, handler.streamEvents(chat, reply, ids), handler.malformedEvent());
  return writeJson(ctx, 200, handler.jsonReply(chat, reply, ids));
}

/** Starts the provider wire-protocol emulator on 127.0.0.1 (port 0 = a free port). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const state = new EmulatorState(options);
  const closing = new AbortController();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    readBody(req)
      .then((bodyText) =>
        url.pathname.startsWith(CONTROL_PREFIX)
          ? handleControl(req, res, url.pathname, bodyText, state)
          : handleApi(req, res, url, bodyText, state, closing.signal),
      )
      .catch((err: unknown) => {
        if (!res.headersSent) sendPlain(res, 500, { error: { message: `emulator failure: ${String(err)}` } });
        else res.destroy();
      });
  });
  server.keepAliveTimeout = 5_000;

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    reset: () => state.reset(),
    pushReplies: (...replies) =>
      state.replies.push(replies.map(toScriptedReply).filter((r): r is ScriptedReply => r !== null)),
    pushFaults: (...faults) => state.faults.push(faults),
    requests: () => state.requests(),
    maxConcurrentRequests: () => state.maxConcurrent(),
    setValidKeys: (keys) => state.setValidKeys(keys),
  };
}
