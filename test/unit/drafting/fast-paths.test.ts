import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src-main/drafting/builtin/language';
import { caseSensitiveMatchKey, matchKey } from '../../../src-main/drafting/text/fold';
import { stripMarkdownMarks } from '../../../src-main/drafting/text/lines';
import { seededRandom } from '../../helpers/seeded-random';

// The long-posting shortcuts must give what the general code gives: each is checked against that code here.

function foldedKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu, '-')
    .replace(/[\u2018\u2019\u201B`\u00B4]/gu, "'")
    .replace(/[\u201C\u201D\u201E]/gu, '"')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[^\p{L}\p{N}+#&/]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

function markdownStripped(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/u, '')
    .replace(/\*\*|__/gu, '')
    .replace(/(^|[\s(])[*_]([^*_]+)[*_](?=[\s).,;:!?]|$)/gu, '$1$2')
    .replace(/`/gu, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/gu, '$1')
    .trim();
}

function randomAscii(random: () => number, length: number): string {
  return Array.from({ length }, () => String.fromCharCode(Math.floor(random() * 128))).join('');
}

describe('shortcuts of offline extraction', () => {
  it('an ASCII match key is the folded one', () => {
    const random = seededRandom(3);
    for (let n = 0; n < 5_000; n++) {
      const text = randomAscii(random, Math.floor(random() * 30));
      expect(caseSensitiveMatchKey(text), JSON.stringify(text)).toBe(foldedKey(text));
    }
    expect(matchKey('Node.js & C++ / CI-CD `x`')).toBe(foldedKey('Node.js & C++ / CI-CD `x`').toLowerCase());
  });

  it('a line without Markdown marks is only trimmed; one with them is stripped as before', () => {
    const random = seededRandom(4);
    for (let n = 0; n < 5_000; n++) {
      const line = randomAscii(random, Math.floor(random() * 20));
      expect(stripMarkdownMarks(line), JSON.stringify(line)).toBe(markdownStripped(line));
    }
  });

  it("a long posting's language comes from its first 100,000 characters", () => {
    const german = 'Wir suchen eine Entwicklerin für unser Team und die Plattform.\n';
    const english = 'We are looking for an engineer to join the team and the platform.\n';
    expect(detectLanguage(german.repeat(2_000) + english.repeat(10_000))).toBe('de');
    expect(detectLanguage(german.repeat(10) + english.repeat(20))).toBe('en');
  });
});
