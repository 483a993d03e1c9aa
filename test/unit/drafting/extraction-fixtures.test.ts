import { describe, expect, it } from 'vitest';
import { postingFixtures, scoreExtraction } from '../../../bench/drafting-eval/extraction-score';

// Postings written for this test in English, German, French and Spanish, as text, Markdown, HTML pages with
// navigation and cookie banners, and a PDF. Each field is scored exactly against the .expected.json beside it,
// by the same scoring `npm run eval:drafting` prints.
describe('offline extraction on the posting fixtures', () => {
  it('has at least 12 postings in English, German, French and Spanish, including HTML and PDF', () => {
    const names = postingFixtures().map((p) => p.name);
    expect(names.length).toBeGreaterThanOrEqual(12);
    for (const prefix of ['en-', 'de-', 'fr-', 'es-']) expect(names.some((n) => n.startsWith(prefix))).toBe(true);
    expect(names.some((n) => n.endsWith('.html'))).toBe(true);
    expect(names.some((n) => n.endsWith('.pdf'))).toBe(true);
  });

  it('gets at least 95% of the fields exactly right', async () => {
    const { exact, total, misses } = await scoreExtraction();
    const score = exact / total;
    console.log(`extraction: ${exact}/${total} fields exact (${(score * 100).toFixed(1)}%)\n${misses.join('\n')}`);
    expect(score).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
});
