import { describe, expect, it } from 'vitest';
import { PiiMasker, StreamRestorer, type CandidateIdentifiers } from '../../../src-main/routing/compliance/pii-masker';

const IDS: CandidateIdentifiers = {
  names: ['Lea Sørensen'],
  emails: ['lea.sorensen@example.com'],
  phones: ['+49 151 2345 6789'],
  addresses: ['Torstraße 12'],
  birthDates: ['1990-03-12'],
  urls: ['https://github.com/lea-sorensen-dev'],
};

const SOURCE = [
  'Lea Sørensen — lea.sorensen@example.com — +49 151 2345 6789',
  'Torstraße 12, Berlin. Born 1990-03-12. https://github.com/lea-sorensen-dev',
  'Also reachable at lea@private.example.org or (030) 1234-5678, see www.example.org/lea.',
  'Worked 2019-01 - 2021-03 at Brightwave Analytics GmbH; Sørensen led 12 engineers. Banana.',
].join('\n');

describe('PiiMasker', () => {
  it('replaces every identifier from the record and the detected emails, phones and URLs, and restores them', () => {
    const m = new PiiMasker(IDS);
    const masked = m.mask(SOURCE);
    for (const id of [
      'Lea Sørensen',
      'Sørensen',
      'lea.sorensen@example.com',
      '2345 6789',
      'Torstraße 12',
      '1990-03-12',
      'github.com/lea-sorensen-dev',
      'lea@private.example.org',
      '1234-5678',
      'www.example.org/lea',
    ])
      expect(masked).not.toContain(id);
    expect(masked).toContain('[[PERSON_1]]');
    expect(masked).toContain('[[EMAIL_1]]');
    // Dates of employment, employers, numbers and words that merely contain a name part stay.
    expect(masked).toContain('2019-01 - 2021-03');
    expect(masked).toContain('Brightwave Analytics GmbH');
    expect(masked).toContain('Banana');
    expect(m.unmask(masked)).toBe(SOURCE);
  });

  it('gives the same value the same placeholder in every message of a request', () => {
    const m = new PiiMasker(IDS);
    expect(m.mask('Dear Lea Sørensen')).toBe(m.mask('Dear Lea Sørensen'));
    expect(m.mask('lea.sorensen@example.com')).toBe('[[EMAIL_1]]');
  });

  it('restores a placeholder inside a JSON string as a JSON-escaped value', () => {
    const m = new PiiMasker({ ...IDS, names: ['Lea "Lee" Sørensen'] });
    const masked = m.mask('Lea "Lee" Sørensen');
    const answer = JSON.stringify({ name: masked, id: 'work.0' });
    expect(JSON.parse(m.unmask(answer, true))).toEqual({ name: 'Lea "Lee" Sørensen', id: 'work.0' });
  });

  it('leaves an unknown placeholder as it is', () => {
    expect(new PiiMasker(IDS).unmask('[[PERSON_9]]')).toBe('[[PERSON_9]]');
  });
});

describe('StreamRestorer', () => {
  const m = new PiiMasker(IDS);
  const answer = m.mask('# Lea Sørensen\n\nWrite to lea.sorensen@example.com [or] call +49 151 2345 6789. [[x]] [[');
  const expected = m.unmask(answer);

  function run(chunks: string[]): string[] {
    const out: string[] = [];
    const r = new StreamRestorer(m, (t) => out.push(t));
    for (const c of chunks) r.push(c);
    r.end();
    return out;
  }

  it('restores placeholders split at every pair of points, and no piece holds part of a placeholder', () => {
    expect(expected).toContain('Lea Sørensen');
    for (let i = 0; i <= answer.length; i++) {
      for (let j = i; j <= answer.length; j++) {
        const out = run([answer.slice(0, i), answer.slice(i, j), answer.slice(j)]);
        expect(out.join('')).toBe(expected);
        for (const piece of out) expect(piece).not.toMatch(/PERSON|EMAIL|PHONE/u);
      }
    }
  });

  it('restores a stream of one character a chunk', () => {
    expect(run([...answer]).join('')).toBe(expected);
  });
});
