/**
 * A small Markdown block parser for the guides shown in the app (headings, paragraphs, lists, fenced
 * code, tables, quotes, rules). It builds a tree that React renders as elements: no HTML string is ever
 * produced, and raw HTML in the source stays literal text.
 */
export type Block =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; ordered: boolean; items: ListItem[] }
  | { type: 'code'; lang: string; text: string }
  | { type: 'table'; header: string[]; rows: string[][] }
  | { type: 'quote'; text: string }
  | { type: 'rule' };

/** A list item with one level of nested items (enough for the guides). */
export interface ListItem {
  text: string;
  children: string[];
}

const LIST_ITEM = /^(\s*)(?:[-*+]|(\d+)[.)])\s+(.*)$/u;

function splitRow(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/u, '').replace(/\|$/u, '');
  return trimmed.split(/(?<!\\)\|/u).map((c) => c.trim().replace(/\\\|/gu, '|'));
}

const isTableSeparator = (line: string | undefined): boolean =>
  line !== undefined && /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/u.test(line);

export function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/gu, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  const at = (n: number): string => lines[n] ?? '';

  while (i < lines.length) {
    const line = at(i);
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = /^\s*(```|~~~)\s*([\w-]*)/u.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (
        i < lines.length &&
        !at(i)
          .trim()
          .startsWith(fence[1] ?? '```')
      )
        body.push(at(i++));
      i++;
      blocks.push({ type: 'code', lang: fence[2] ?? '', text: body.join('\n') });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/u.exec(line);
    if (heading) {
      blocks.push({ type: 'heading', level: (heading[1] ?? '#').length, text: heading[2] ?? '' });
      i++;
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/u.test(line)) {
      blocks.push({ type: 'rule' });
      i++;
      continue;
    }
    if (line.trim().startsWith('|') && isTableSeparator(lines[i + 1])) {
      const header = splitRow(line);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && at(i).trim().startsWith('|')) rows.push(splitRow(at(i++)));
      blocks.push({ type: 'table', header, rows });
      continue;
    }
    if (line.trim().startsWith('>')) {
      const body: string[] = [];
      while (i < lines.length && at(i).trim().startsWith('>')) body.push(at(i++).trim().replace(/^>\s?/u, ''));
      blocks.push({ type: 'quote', text: body.join(' ') });
      continue;
    }
    const first = LIST_ITEM.exec(line);
    if (first) {
      const ordered = first[2] !== undefined;
      const baseIndent = (first[1] ?? '').length;
      const items: ListItem[] = [];
      while (i < lines.length) {
        const item = LIST_ITEM.exec(at(i));
        const last = items[items.length - 1];
        if (item && (item[1] ?? '').length > baseIndent && last) {
          last.children.push(item[3] ?? '');
          i++;
        } else if (item) {
          items.push({ text: item[3] ?? '', children: [] });
          i++;
        } else if (at(i).trim() !== '' && /^\s+/u.test(at(i)) && last) {
          const text = at(i++).trim();
          const lastChild = last.children.length - 1;
          if (lastChild >= 0) last.children[lastChild] += ` ${text}`;
          else last.text += ` ${text}`;
        } else break;
      }
      blocks.push({ type: 'list', ordered, items });
      continue;
    }
    const body: string[] = [];
    while (
      i < lines.length &&
      at(i).trim() !== '' &&
      !/^(#{1,6}\s|\s*```|\s*~~~|\s*>)/u.test(at(i)) &&
      !LIST_ITEM.test(at(i)) &&
      !(at(i).trim().startsWith('|') && isTableSeparator(lines[i + 1]))
    )
      body.push(at(i++).trim());
    blocks.push({ type: 'paragraph', text: body.join(' ') });
  }
  return blocks;
}
