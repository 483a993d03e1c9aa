/**
 * Removes stored secrets from model text before it leaves the router. Injected by the composition root so the
 * router never imports secrets/: `text` scrubs whole secrets out of a text, `heldTail` is the length of the
 * longest end of a text that is the start of a secret (0 when none is), which a stream must hold back.
 */
export interface TextScrubber {
  text: (text: string) => string;
  heldTail: (text: string) => number;
}

export const NO_SCRUB: TextScrubber = { text: (text) => text, heldTail: () => 0 };

/**
 * Scrubs a stream of text deltas. Whole secrets in what has arrived are replaced; an end of the text that could
 * be the start of a secret split across chunks is held back until the next chunk (or the end) tells. Ordinary
 * text, which ends in no secret's first characters, goes out at once, chunk for chunk.
 */
export class StreamScrubber {
  private pending = '';

  constructor(
    private readonly scrub: TextScrubber,
    private readonly emit: (text: string) => void,
  ) {}

  push(chunk: string): void {
    const text = this.scrub.text(this.pending + chunk);
    const cut = text.length - this.scrub.heldTail(text);
    this.pending = text.slice(cut);
    if (cut > 0) this.emit(text.slice(0, cut));
  }

  /** The end of the stream: whatever is held, scrubbed. */
  end(): void {
    if (this.pending === '') return;
    const rest = this.scrub.text(this.pending);
    this.pending = '';
    this.emit(rest);
  }
}
