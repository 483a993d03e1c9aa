import { parseBlocks, type Block, type BlockSyntax, type ListItem } from '@shared/markdown';
import { inlineRuns, type InlineRun } from './inline-runs';

/** What DOCX and PDF print: headings, paragraphs and list items (each with its own level and number). */
export type ExportBlock =
  | { type: 'heading'; level: number; runs: InlineRun[] }
  | { type: 'paragraph'; runs: InlineRun[] }
  | { type: 'bullet'; level: number; ordinal: string | null; runs: InlineRun[] };

/** Drafts print tables, quotes and `~~~` fences as the text they are written as. */
const DRAFT_SYNTAX: BlockSyntax = { tables: false, quotes: false, tildeFences: false };
const MAX_LIST_LEVEL = 4;

/** The line without its hard break (two or more trailing spaces, or a trailing backslash), or null if it has none. */
function withoutHardBreak(line: string): string | null {
  if (line.endsWith('\\')) return line.slice(0, -1);
  let end = line.length;
  while (end > 0 && line[end - 1] === ' ') end--;
  return line.length - end >= 2 ? line.slice(0, end) : null;
}

/** Soft line breaks join with a space; a hard break stays a line break. */
function paragraphText(lines: readonly string[]): string {
  return lines
    .map((line, i) => {
      const broken = i < lines.length - 1 ? withoutHardBreak(line) : null;
      return broken === null ? `${line.trim()} ` : `${broken}\n`;
    })
    .join('')
    .trim();
}

/** A list item; its continuation lines join with spaces. */
function bullet(item: ListItem): ExportBlock {
  return {
    type: 'bullet',
    level: Math.min(MAX_LIST_LEVEL, Math.floor(item.indent / 2)),
    ordinal: item.ordinal,
    runs: inlineRuns(item.lines.join(' ')),
  };
}

const plainParagraph = (text: string): ExportBlock => ({
  type: 'paragraph',
  runs: [{ text, bold: false, italic: false }],
});

function toExportBlocks(block: Block): ExportBlock[] {
  switch (block.type) {
    case 'heading':
      return [{ type: 'heading', level: block.level, runs: inlineRuns(block.text) }];
    case 'paragraph':
      return [{ type: 'paragraph', runs: inlineRuns(paragraphText(block.lines)) }];
    case 'list':
      return block.items.flatMap((item) => [item, ...item.children]).map(bullet);
    case 'code':
      // Code keeps its lines as written, one paragraph each.
      return block.text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map(plainParagraph);
    case 'rule':
      return [];
    case 'table':
    case 'quote':
      // Not recognised with DRAFT_SYNTAX: such lines arrive as paragraphs.
      return [];
  }
}

/** A draft's Markdown as the blocks DOCX and PDF print; horizontal rules are dropped. */
export function exportBlocks(markdown: string): ExportBlock[] {
  return parseBlocks(markdown, DRAFT_SYNTAX).flatMap(toExportBlocks);
}
