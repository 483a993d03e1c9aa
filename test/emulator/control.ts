import type { IncomingMessage, ServerResponse } from 'node:http';
import { toFaultSpec } from './faults';
import { arrayField, field, isRecord, numberField, parseJson, stringField } from './json';
import type { EmulatorState } from './state';
import { PROTOCOLS, type FaultSpec, type Protocol, type ScriptedReply } from './types';

export const CONTROL_PREFIX = '/__emulator/';

/** Accepts `{ faults: [...] }`, a bare array, or a single fault. */
function faultsFrom(body: unknown): FaultSpec[] {
  const list = Array.isArray(body) ? body : isRecord(body) && 'faults' in body ? arrayField(body, 'faults') : [body];
  return list.map(toFaultSpec).filter((f): f is FaultSpec => f !== null);
}

export function toScriptedReply(value: unknown): ScriptedReply | null {
  if (typeof value === 'string') return { text: value };
  const text = stringField(value, 'text');
  if (text === undefined) return null;
  const reply: ScriptedReply = { text };
  const protocol = stringField(value, 'protocol');
  if (protocol && (PROTOCOLS as readonly string[]).includes(protocol)) reply.protocol = protocol as Protocol;
  const usage = field(value, 'usage');
  if (usage === null) reply.usage = null;
  const input = numberField(usage, 'input');
  const output = numberField(usage, 'output');
  if (input !== undefined && output !== undefined)
    reply.usage = { input, output, cached: numberField(usage, 'cached') ?? 0 };
  const chunks = arrayField(value, 'chunks').filter((c): c is string => typeof c === 'string');
  if (chunks.length > 0) reply.chunks = chunks;
  const finish = stringField(value, 'finishReason');
  if (finish === 'stop' || finish === 'length') reply.finishReason = finish;
  return reply;
}

function repliesFrom(body: unknown): ScriptedReply[] {
  const list = Array.isArray(body) ? body : isRecord(body) && 'replies' in body ? arrayField(body, 'replies') : [body];
  return list.map(toScriptedReply).filter((r): r is ScriptedReply => r !== null);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** `/__emulator/*`: faults, replies, reset, recorded requests. Never recorded, never faulted. */
export function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  bodyText: string,
  state: EmulatorState,
): void {
  const parsed = bodyText ? parseJson(bodyText) : { ok: true as const, value: {} };
  if (!parsed.ok) return send(res, 400, { error: 'body is not JSON' });
  const route = `${req.method ?? 'GET'} ${path.slice(CONTROL_PREFIX.length)}`;
  switch (route) {
    case 'POST faults': {
      const faults = faultsFrom(parsed.value);
      state.faults.push(faults);
      return send(res, 200, { queued: faults.length, pending: state.faults.size });
    }
    case 'POST replies': {
      const replies = repliesFrom(parsed.value);
      state.replies.push(replies);
      return send(res, 200, { queued: replies.length, pending: state.replies.size });
    }
    case 'POST reset':
      state.reset();
      return send(res, 200, { ok: true });
    case 'GET requests':
      return send(res, 200, { requests: state.requests() });
    case 'GET health':
      return send(res, 200, { ok: true });
    default:
      return send(res, 404, { error: `unknown control route ${route}` });
  }
}
