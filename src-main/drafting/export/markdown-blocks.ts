import { mergeRuns, parseInline, type InlineRun } from './markdown-inline';

export type Block =
  | { type: 'heading'; level: number; runs: InlineRun[] }
  | { type: 'paragraph'; runs: InlineRun[] }
  | { type: 'bullet'; level: number; ordinal: string | null; runs: InlineRun[] };

const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/u;
const BULLET = /^(\s*)(?:[-*+\u2022]|(\d{1,3})[.)])\s+(.*)$/u;
const RULE = /^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/u;
const FENCE = /^\s*```/u;
const HARD_BREAK = /(?: {2,}|\\)$/u;

/**
 * Parses the Markdown subset drafts use: ATX headings, bullet and numbered lists (nesting by
 * indentation), paragraphs (soft line breaks join with a space; two trailing spaces or a
 * backslash keep the break) and the inline marks handled by `parseInline`. Horizontal rules are
 * dropped; fenced code keeps its lines as paragraphs.
 */
export function parseMarkdownBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let inFence = false;

  const flush = (): void => {
    if (paragraph.length === 0) return;
    const text = paragraph
      .map((line, i) =>
        i < paragraph.length - 1 && HARD_BREAK.test(line) ? `${line.replace(HARD_BREAK, '')}\n` : `${line.trim()} `,
      )
      .join('')
      .trim();
    if (text.length > 0) blocks.push({ type: 'paragraph', runs: parseInline(text) });
    paragraph = [];
  };

  for (const line of markdown.replace(/\r\n?/gu, '\n').split('\n')) {
    if (FENCE.test(line)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      if (line.trim().length > 0)
        blocks.push({ type: 'paragraph', runs: [{ text: line, bold: false, italic: false }] });
      continue;
    }
    if (line.trim().length === 0 || RULE.test(line)) {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({ type: 'heading', level: heading[1]?.length ?? 1, runs: parseInline(heading[2] ?? '') });
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      flush();
      const indent = (bullet[1] ?? '').replace(/\t/gu, '    ').length;
      blocks.push({
        type: 'bullet',
        level: Math.min(4, Math.floor(indent / 2)),
        ordinal: bullet[2] ?? null,
        runs: parseInline(bullet[3] ?? ''),
      });
      continue;
    }
    const last = blocks[blocks.length - 1];
    // An indented line right after a bullet continues that bullet.
    if (paragraph.length === 0 && last?.type === 'bullet' && /^\s{2,}\S/u.test(line)) {
      last.runs = mergeRuns([...last.runs, ...parseInline(` ${line.trim()}`)]);
      continue;
    }
    paragraph.push(line);
  }
  flush();
  return blocks;
}

/** The plain text of runs. */
export function runsText(runs: readonly InlineRun[]): string {
  return runs.map((r) => r.text).join('');
}
