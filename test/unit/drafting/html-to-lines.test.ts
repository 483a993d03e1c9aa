import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from 'html-to-text';
import { describe, expect, it } from 'vitest';
import { htmlToLines } from '../../../src-main/drafting/inputs/html-text/html-to-lines';
import { example } from './helpers';

/** html-to-text as Aditus ran it before the streaming reader replaced it: the reference for every page below. */
const throughHtmlToText = compile({
  wordwrap: false,
  selectors: [
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'nav', format: 'skip' },
    { selector: 'footer', format: 'skip' },
    { selector: 'ul', options: { itemPrefix: '- ' } },
    { selector: 'table', format: 'dataTable' },
  ],
});

const POSTINGS = join(__dirname, '..', '..', 'fixtures', 'drafting', 'postings');

const PIECES = [
  '<div>',
  '</div>',
  '<p>',
  '</p>',
  '<p/>',
  '<br>',
  '</br>',
  '<wbr>',
  '<hr>',
  '<b>',
  '</b>',
  '<span>',
  '</span>',
  '<a href="https://x.test/a">',
  '</a>',
  '<img src="a.png" alt="logo">',
  '<nav>',
  '</nav>',
  '<footer>',
  '</footer>',
  '<h1>',
  '</h1>',
  '<h2>',
  '</h2>',
  '<h4>',
  '</h4>',
  '<ul>',
  '</ul>',
  '<ol>',
  '</ol>',
  '<ol start="9">',
  '<ol type="i">',
  '<ol start="">',
  '<td><ul>',
  '<td><ol start="8">',
  'A sentence long enough to wrap in a table cell, whose lines are sixty characters at most.',
  '<ol type="A" start="26">',
  '<li>',
  '</li>',
  '<table>',
  '</table>',
  '<tbody>',
  '</tbody>',
  '<thead>',
  '<tr>',
  '</tr>',
  '<td>',
  '</td>',
  '<th>',
  '</th>',
  '<td colspan="2">',
  '<td rowspan="2">',
  '<caption>',
  '</caption>',
  '<pre>',
  '</pre>',
  '<blockquote>',
  '</blockquote>',
  '<section>',
  '</section>',
  '<article>',
  '</article>',
  '<header>',
  '</header>',
  '<main>',
  '</main>',
  '<aside>',
  '</aside>',
  '<form>',
  '<body>',
  '</body>',
  '<head>',
  '</head>',
  '<title>',
  '</title>',
  '<html>',
  '<script>var a = "<b>";</script>',
  '<style>.a{}</style>',
  '<!-- note -->',
  '<!doctype html>',
  '<svg><text>chart</text></svg>',
  '<noscript>',
  '<dl><dt>Term</dt><dd>Meaning</dd></dl>',
  'Senior',
  ' Engineer ',
  'Berlin,',
  '€60,000',
  '&amp; co',
  '&nbsp;',
  ' ',
  '\n',
  '  \n\t ',
  'wordwithoutspaces'.repeat(5),
  'Ünïcödé straße',
  '&lt;tag&gt;',
  'a\u200bb',
];

function randomPages(count: number, seed: number): string[] {
  let state = seed;
  const random = (): number => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
  return Array.from({ length: count }, () => {
    let html = '';
    const pieces = 1 + Math.floor(random() * 60);
    for (let i = 0; i < pieces; i += 1) html += PIECES[Math.floor(random() * PIECES.length)] ?? '';
    return html;
  });
}

describe('the streaming HTML reader', () => {
  it('reads the posting fixtures and the example page exactly as html-to-text did', () => {
    const pages = readdirSync(POSTINGS)
      .filter((name) => name.endsWith('.html'))
      .map((name) => readFileSync(join(POSTINGS, name), 'utf8'));
    for (const html of [...pages, example('job-data.html')]) expect(htmlToLines(html)).toBe(throughHtmlToText(html));
  });

  it('wraps lists in table cells as html-to-text did, whose widest marker comes after their first items', () => {
    const long = 'Salary bands are reviewed every year against the market and the cost of living.';
    for (const html of [
      `<table><tr><td><ol start="9"><li>${long}</li><li>${long}</li></ol></td></tr></table>`,
      `<table><tr><th><ul><div>${long}</div></ul></th><td><ol>${long}<li>Go</li></ol></td></tr></table>`,
    ]) {
      expect(htmlToLines(html)).toBe(throughHtmlToText(html));
    }
  });

  it('reads a table with odd spans (negative, fractional, huge) as cells with a span of 1 or the cap', () => {
    const cells = (span: string) =>
      `<table><tr><td colspan="${span}">Berlin office</td><td>Hybrid</td></tr>` +
      `<tr><td rowspan="${span}">Team lead</td><td>Full time</td></tr></table>`;
    for (const span of ['-1', '0', '2.5', 'x', '20000', '70000']) {
      const text = htmlToLines(cells(span));
      for (const word of ['Berlin office', 'Hybrid', 'Team lead', 'Full time']) expect(text, span).toContain(word);
    }
    expect(htmlToLines(cells('-1'))).toBe(htmlToLines(cells('1')));
    expect(htmlToLines(cells('2.5'))).toBe(htmlToLines(cells('2')));
  });

  it('reads random tag soup as html-to-text did, character for character', () => {
    for (const html of randomPages(5_000, 11)) {
      expect(htmlToLines(html), html).toBe(throughHtmlToText(html));
    }
  });
});
