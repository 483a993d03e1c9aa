import { describe, expect, it } from 'vitest';
import { exportBlocks } from '../../../src-main/drafting/export/export-blocks';
import { inlineRuns, type InlineRun } from '../../../src-main/drafting/export/inline-runs';

const runsText = (runs: readonly InlineRun[]): string => runs.map((r) => r.text).join('');

describe('Markdown subset of exported drafts', () => {
  it('parses headings, bullets, numbered items, paragraphs and bold', () => {
    const blocks = exportBlocks(
      '# Name\n\nIntro line one\nline two\n\n## Skills\n\n- **Go** and Rust\n  continued\n1. First\n\n---\n\nEnd',
    );
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'heading', 'bullet', 'bullet', 'paragraph']);
    expect(runsText(blocks[1]?.runs ?? [])).toBe('Intro line one line two');
    expect(blocks[3]).toEqual({
      type: 'bullet',
      level: 0,
      ordinal: null,
      runs: [
        { text: 'Go', bold: true, italic: false },
        { text: ' and Rust continued', bold: false, italic: false },
      ],
    });
    expect(blocks[4]).toMatchObject({ ordinal: '1' });
  });

  it('keeps literal characters: snake_case, escapes, lone asterisks, links', () => {
    expect(runsText(inlineRuns('lea_sorensen_dev \\*not bold\\* 5 * 3 [site](https://x.org)'))).toBe(
      'lea_sorensen_dev *not bold* 5 * 3 site (https://x.org)',
    );
    expect(inlineRuns('*italic* and ***both***')).toEqual([
      { text: 'italic', bold: false, italic: true },
      { text: ' and ', bold: false, italic: false },
      { text: 'both', bold: true, italic: true },
    ]);
  });

  it('keeps hard breaks (two trailing spaces or a backslash); soft breaks join with a space', () => {
    const [paragraph] = exportBlocks('one  \ntwo\\\nthree\nfour  ');
    expect(runsText(paragraph?.runs ?? [])).toBe('one\ntwo\nthree four');
  });

  it('prints fenced code line by line as written, and drops rules', () => {
    expect(exportBlocks('```ts\n  const *a* = 1;\n\nb\n```\n\n***\n\n- - -')).toEqual([
      { type: 'paragraph', runs: [{ text: '  const *a* = 1;', bold: false, italic: false }] },
      { type: 'paragraph', runs: [{ text: 'b', bold: false, italic: false }] },
    ]);
  });

  it('gives list items a level from their indentation and keep their number', () => {
    const blocks = exportBlocks('- a\n  - b\n    - c\n\t- d\n          - e\n10. ten\n• dot');
    expect(blocks.map((b) => (b.type === 'bullet' ? [b.level, b.ordinal, runsText(b.runs)] : b.type))).toEqual([
      [0, null, 'a'],
      [1, null, 'b'],
      [2, null, 'c'],
      [2, null, 'd'],
      [4, null, 'e'],
      [0, '10', 'ten'],
      [0, null, 'dot'],
    ]);
  });

  it('prints links as "text (address)", an address once, mail addresses without mailto:', () => {
    expect(
      runsText(
        inlineRuns('[site](https://x.org "Home") <https://lea.dev> [lea@x.dk](mailto:lea@x.dk) [mail](mailto:a@b.c)'),
      ),
    ).toBe('site (https://x.org) https://lea.dev lea@x.dk mail (a@b.c)');
  });

  it('prints code spans, images and autolinks as plain text', () => {
    expect(inlineRuns('**`go test`** ![Lea](photo.png) `a\\|b`')).toEqual([
      { text: 'go test', bold: true, italic: false },
      { text: ' Lea a|b', bold: false, italic: false },
    ]);
  });

  it('prints tables, quotes and ~~~ fences as the text they are written as', () => {
    const blocks = exportBlocks('| a | b |\n|---|---|\n> quoted\n\n~~~\n*x*\n~~~');
    expect(blocks.map((b) => runsText(b.runs))).toEqual(['| a | b | |---|---| > quoted', '~~~ x ~~~']);
    expect(blocks[1]?.runs[1]).toEqual({ text: 'x', bold: false, italic: true });
  });
});
