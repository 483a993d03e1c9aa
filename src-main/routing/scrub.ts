/**
 * Removes stored secrets from model text before it leaves the router. Injected by the composition root so the
 * router never imports secrets/: `text` scrubs a whole answer, `longest` is the length of the longest secret
 * (0 when none is known) and bounds what a stream holds back.
 */
export interface TextScrubber {
  text: (text: string) => string;
  longest: () => number;
}

export const NO_SCRUB: TextScrubber = { text: (text) => text, longest: () => 0 };

/**
 * Scrubs a stream of text deltas: a secret split across chunks is caught by holding back the last
 * `longest - 1` characters. The held text is emitted only where nothing spans the cut (a secret starting before
 * the cut ends inside the buffer, so it is seen whole); otherwise it waits for more text or the end.
 */
export class StreamScrubber {
  private pending = '';

  constructor(
    private readonly scrub: TextScrubber,
    private readonly emit: (text: string) => void,
  ) {}

  push(chunk: string): void {
    const hold = this.scrub.longest() - 1;
    if (hold < 0 && this.pending === '') return this.emit(chunk);
    this.pending += chunk;
    const cut = this.pending.length - Math.max(hold, 0);
    if (cut <= 0) return;
    const whole = this.scrub.text(this.pending);
    const head = this.pending.slice(0, cut);
    const tail = this.pending.slice(cut);
    if (whole === this.pending) {
      this.pending = tail;
      return this.emit(head);
    }
    // A secret is in the buffer: emit only if it lies wholly before the cut and the held tail is clean.
    const scrubbedHead = this.scrub.text(head);
    if (this.scrub.text(tail) === tail && scrubbedHead + tail === whole) {
      this.pending = tail;
      this.emit(scrubbedHead);
    }
  }

  /** The end of the stream: whatever is held, scrubbed. */
  end(): void {
    if (this.pending === '') return;
    const rest = this.scrub.text(this.pending);
    this.pending = '';
    this.emit(rest);
  }
}
