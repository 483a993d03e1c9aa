import { describe, expect, it } from 'vitest';
import { StreamScrubber, type TextScrubber } from '../../../src-main/routing/scrub';
import { heldSecretPrefix, registerSecret, scrubKnownSecrets } from '../../../src-main/secrets/redaction';

const KEYS = ['sk-first-KEY-0123456789abcdef', 'short-key'];
for (const key of KEYS) registerSecret(key);
// The functions core.ts injects into the router.
const scrubber: TextScrubber = { text: scrubKnownSecrets, heldTail: heldSecretPrefix };

function run(chunks: string[]): string[] {
  const out: string[] = [];
  const s = new StreamScrubber(scrubber, (t) => out.push(t));
  for (const c of chunks) s.push(c);
  s.end();
  return out;
}

describe('StreamScrubber', () => {
  const text = `a ${KEYS[0]} b short-key c ${KEYS[0]}${KEYS[0]} d`;
  const expected = 'a [redacted] b [redacted] c [redacted][redacted] d';

  it('scrubs a key split at any pair of points, and no emitted piece holds part of a key', () => {
    for (let i = 1; i < text.length; i++) {
      for (let j = i + 1; j < text.length; j += 3) {
        const out = run([text.slice(0, i), text.slice(i, j), text.slice(j)]);
        expect(out.join('')).toBe(expected);
        for (const piece of out) expect(piece).not.toMatch(/0123456789abcdef|sk-first-KEY/u);
      }
    }
  });

  it('sends ordinary text on at once, chunk for chunk, while keys are known', () => {
    expect(run(['one ', 'two ', 'three'])).toEqual(['one ', 'two ', 'three']);
  });

  it('passes text through untouched when no key is known, chunk for chunk', () => {
    const out: string[] = [];
    const s = new StreamScrubber({ text: (t) => t, heldTail: () => 0 }, (t) => out.push(t));
    s.push('one ');
    s.push('two');
    s.end();
    expect(out).toEqual(['one ', 'two']);
  });
});
