import { describe, expect, it } from 'vitest';
import { extractJsonText } from '../../../src-main/drafting/output/extract-json';
import { seededRandom } from '../../helpers/seeded-random';

/** The regular expression extractJsonText used before: the behaviour to keep. */
function previous(text: string): string | null {
  const fenced = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/u.exec(text);
  const candidate = (fenced?.[1] ?? text).trim();
  const start = candidate.indexOf('{');
  const end = candidate.lastIndexOf('}');
  if (start < 0) return null;
  return end > start ? candidate.slice(start, end + 1) : candidate.slice(start);
}

const PIECES = [
  '```',
  '```json',
  '```JSON',
  '`',
  '``',
  'json',
  ' ',
  '  ',
  '\n',
  '\t',
  '{"a": 1}',
  '{',
  '}',
  'text',
  '\u00a0',
];

describe('extractJsonText', () => {
  it('finds the same JSON text as before in answers mixing fences, language tags, whitespace and braces', () => {
    const random = seededRandom(20);
    for (let n = 0; n < 5_000; n++) {
      const length = 1 + Math.floor(random() * 10);
      const answer = Array.from({ length }, () => PIECES[Math.floor(random() * PIECES.length)]).join('');
      expect(extractJsonText(answer), JSON.stringify(answer)).toBe(previous(answer));
    }
  });

  it('reads an answer with an unclosed fence and a megabyte of spaces (the pattern backtracked through every split)', () => {
    const answer = `\`\`\`json${' '.repeat(1_000_000)}{"title": "Data Engineer"`;
    expect(extractJsonText(answer)).toBe('{"title": "Data Engineer"');
  });
});
