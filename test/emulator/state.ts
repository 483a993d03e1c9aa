import { FaultQueue } from './faults';
import { ReplyQueue } from './replies';
import type { EmulatorOptions, Protocol, RecordedRequest, ValidKeys } from './types';

function isKeyList(keys: ValidKeys): keys is readonly string[] {
  return Array.isArray(keys);
}

/** Everything the emulator remembers between requests. */
export class EmulatorState {
  readonly replies = new ReplyQueue();
  readonly faults = new FaultQueue();
  private recorded: RecordedRequest[] = [];
  private seq = 0;
  private inFlight = 0;
  private mostInFlight = 0;
  private idCounter = 0;
  private validKeys: ValidKeys | undefined;
  private readonly openMode: boolean;
  private readonly maxRecorded: number;

  constructor(options: EmulatorOptions) {
    this.validKeys = options.validKeys;
    this.openMode = options.openMode ?? false;
    this.maxRecorded = options.maxRecorded ?? 10_000;
  }

  keyAccepted(protocol: Protocol, key: string | null): boolean {
    if (protocol === 'openai' && this.openMode) return true;
    if (!key) return false;
    if (!this.validKeys) return true;
    const list = isKeyList(this.validKeys) ? this.validKeys : this.validKeys[protocol];
    return list === undefined || list.includes(key);
  }

  setValidKeys(keys: ValidKeys | undefined): void {
    this.validKeys = keys;
  }

  record(entry: Omit<RecordedRequest, 'seq'>): RecordedRequest {
    const recorded = { seq: ++this.seq, ...entry };
    this.recorded.push(recorded);
    if (this.recorded.length > this.maxRecorded) this.recorded.splice(0, this.recorded.length - this.maxRecorded);
    return recorded;
  }

  /** A provider request arrived; `finished` is called when its response is over (sent, failed or aborted). */
  started(): () => void {
    this.inFlight += 1;
    this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
    let open = true;
    return () => {
      if (open) this.inFlight -= 1;
      open = false;
    };
  }

  /** The most provider requests that were in flight at once since the start or the last reset. */
  maxConcurrent(): number {
    return this.mostInFlight;
  }

  requests(): RecordedRequest[] {
    return [...this.recorded];
  }

  nextId(): string {
    this.idCounter += 1;
    return this.idCounter.toString(16).padStart(8, '0');
  }

  reset(): void {
    this.replies.clear();
    this.faults.clear();
    this.recorded = [];
    this.mostInFlight = this.inFlight;
  }
}
