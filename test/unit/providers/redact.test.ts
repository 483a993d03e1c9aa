import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../../src-main/providers/errors';

const KEY = 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';

describe('redactSecrets', () => {
  it('replaces the whole key', () => {
    expect(redactSecrets(`Incorrect API key provided: ${KEY}.`, [KEY])).toBe('Incorrect API key provided: [redacted].');
  });

  it('replaces any 12+ character fragment from anywhere in the key', () => {
    const middle = KEY.slice(10, 25);
    const head = KEY.slice(0, 12);
    const tail = KEY.slice(-13);
    const out = redactSecrets(`a ${middle} b ${head}*** c ***${tail}`, [KEY]);
    expect(out).toBe('a [redacted] b [redacted]*** c ***[redacted]');
  });

  it('takes the longest fragment, so no piece of the key survives next to the marker', () => {
    const out = redactSecrets(`x${KEY.slice(2, 30)}y`, [KEY]);
    expect(out).toBe('x[redacted]y');
  });

  it('leaves fragments shorter than 12 characters and unrelated text alone', () => {
    const short = KEY.slice(0, 11);
    expect(redactSecrets(`masked ${short}...wxyz`, [KEY])).toBe(`masked ${short}...wxyz`);
    expect(redactSecrets('nothing secret here', [KEY])).toBe('nothing secret here');
  });

  it('handles several secrets, and ignores empty or very short ones', () => {
    const other = 'AIzaSyOTHERkey0123456789abcdefghijklmnop';
    expect(redactSecrets(`${KEY} and ${other}`, [KEY, other, '', null, undefined, 'abc'])).toBe(
      '[redacted] and [redacted]',
    );
    expect(redactSecrets('abc is fine', ['abc'])).toBe('abc is fine');
  });

  it('redacts a short but plausible secret (8 to 12 characters) when it appears whole', () => {
    expect(redactSecrets('token=pass12345 ok', ['pass12345'])).toBe('token=[redacted] ok');
  });

  it('redacts keys repeated back to back', () => {
    expect(redactSecrets(`${KEY}${KEY}`, [KEY])).not.toContain(KEY.slice(0, 12));
  });
});
