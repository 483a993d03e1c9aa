import { booleanField, isRecord, numberField, parseJson, stringField } from './json';
import { PROTOCOLS, type FaultSpec, type Protocol } from './types';

const NUMBER_FIELDS = [
  'times',
  'status',
  'retryAfterSeconds',
  'retryAfterMs',
  'latencyMs',
  'firstChunkDelayMs',
  'chunkDelayMs',
  'bodyStallMs',
  'cutAfterChunks',
  'endAfterChunks',
] as const;
const BOOLEAN_FIELDS = ['contextLength', 'malformedBody', 'rejectKey', 'omitUsage', 'hangUp'] as const;

/** Keeps the known, well-typed fields of an untrusted fault description. */
export function toFaultSpec(value: unknown): FaultSpec | null {
  if (!isRecord(value)) return null;
  const spec: FaultSpec = {};
  for (const name of NUMBER_FIELDS) {
    const n = numberField(value, name);
    if (n !== undefined) spec[name] = n;
  }
  for (const name of BOOLEAN_FIELDS) {
    const b = booleanField(value, name);
    if (b !== undefined) spec[name] = b;
  }
  const message = stringField(value, 'message');
  if (message !== undefined) spec.message = message;
  const protocol = stringField(value, 'protocol');
  if (protocol !== undefined && isProtocol(protocol)) spec.protocol = protocol;
  return spec;
}

export function faultFromHeader(header: string | undefined): FaultSpec | null {
  if (!header) return null;
  const parsed = parseJson(header);
  return parsed.ok ? toFaultSpec(parsed.value) : null;
}

function isProtocol(value: string): value is Protocol {
  return (PROTOCOLS as readonly string[]).includes(value);
}

/** Faults waiting for the next matching requests, in push order. */
export class FaultQueue {
  private entries: { spec: FaultSpec; remaining: number }[] = [];

  push(specs: readonly FaultSpec[]): void {
    for (const spec of specs) this.entries.push({ spec, remaining: Math.max(1, spec.times ?? 1) });
  }

  take(protocol: Protocol | null): FaultSpec | null {
    const index = this.entries.findIndex((e) => e.spec.protocol === undefined || e.spec.protocol === protocol);
    const entry = this.entries[index];
    if (!entry) return null;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.entries.splice(index, 1);
    return entry.spec;
  }

  get size(): number {
    return this.entries.length;
  }

  clear(): void {
    this.entries = [];
  }
}
