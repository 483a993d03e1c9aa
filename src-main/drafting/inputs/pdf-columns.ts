/** A piece of text on a PDF page: its left edge, baseline (from the top) and width, in points. */
export interface PdfItem {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface PdfLine {
  y: number;
  items: PdfItem[];
}

const MIN_GUTTER = 10;

function linesOf(items: PdfItem[]): PdfLine[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PdfLine[] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(item.y - line.y) <= Math.max(2, item.size * 0.4)) line.items.push(item);
    else lines.push({ y: item.y, items: [item] });
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines;
}

function lineText(items: PdfItem[]): string {
  let text = '';
  let end = -Infinity;
  for (const item of items) {
    const gap = item.x - end;
    if (text.length > 0 && gap > item.size * 0.15 && !/\s$/u.test(text) && !/^\s/u.test(item.text)) text += ' ';
    text += item.text;
    end = item.x + item.width;
  }
  return text.trim();
}

const crosses = (item: PdfItem, gutter: number): boolean => item.x < gutter && item.x + item.width > gutter;

/**
 * The x of a vertical gap that splits most lines into a left and a right column (a sidebar layout), or null. Lines
 * that run across it (a name, a full-width heading) are allowed, but at most a quarter of them. Counted on a 2-point
 * grid in one pass over the lines, so a page costs lines × width / 2.
 */
function findGutter(lines: PdfLine[], pageWidth: number): number | null {
  if (lines.length < 6) return null;
  const step = 2;
  const cells = Math.ceil(pageWidth / step) + 1;
  const crossing = new Uint32Array(cells);
  const leftEnds = new Uint32Array(cells);
  const rightStarts = new Uint32Array(cells);
  for (const line of lines) {
    const covered = new Uint8Array(cells);
    let minEnd = Infinity;
    let maxStart = -Infinity;
    for (const item of line.items) {
      const from = Math.max(0, Math.floor(item.x / step) + 1);
      const to = Math.min(cells - 1, Math.ceil((item.x + item.width) / step) - 1);
      for (let c = from; c <= to; c++) covered[c] = 1;
      minEnd = Math.min(minEnd, item.x + item.width);
      maxStart = Math.max(maxStart, item.x);
    }
    for (let c = 0; c < cells; c++) {
      crossing[c] = (crossing[c] ?? 0) + (covered[c] ?? 0);
      if (minEnd <= c * step) leftEnds[c] = (leftEnds[c] ?? 0) + 1;
      if (maxStart >= c * step) rightStarts[c] = (rightStarts[c] ?? 0) + 1;
    }
  }
  const width = MIN_GUTTER / step;
  let best: { x: number; score: number } | null = null;
  for (let c = Math.round((pageWidth * 0.2) / step); c <= Math.round((pageWidth * 0.8) / step); c++) {
    const across = crossing[c] ?? 0;
    if (across > lines.length / 4) continue;
    const left = leftEnds[c] ?? 0;
    const right = rightStarts[c] ?? 0;
    if (left < 3 || right < 3) continue;
    // A real gutter is empty for a width, not only where one line stops short.
    let wide = true;
    for (let k = 1; k <= width && wide; k++) wide = (crossing[c - k] ?? Infinity) <= across;
    if (!wide) continue;
    const score = Math.min(left, right) * 2 - across * 3;
    if (!best || score > best.score) best = { x: c * step, score };
  }
  return best ? best.x : null;
}

/**
 * A page's text in reading order: line by line from the top; where the page has two columns, each column is read
 * to its end before the other, so a sidebar's lines are never woven into the main column's. A line that runs
 * across the gutter (a title) ends the columns above it.
 */
export function pageText(items: PdfItem[], pageWidth: number): string {
  const lines = linesOf(items.filter((i) => i.text.trim().length > 0));
  const gutter = findGutter(lines, pageWidth);
  if (gutter === null) return lines.map((l) => lineText(l.items)).join('\n');
  const out: string[] = [];
  let left: string[] = [];
  let right: string[] = [];
  const flush = (): void => {
    out.push(...left, ...right);
    left = [];
    right = [];
  };
  for (const line of lines) {
    if (line.items.some((i) => crosses(i, gutter))) {
      flush();
      out.push(lineText(line.items));
      continue;
    }
    const l = lineText(line.items.filter((i) => i.x + i.width <= gutter));
    const r = lineText(line.items.filter((i) => i.x >= gutter));
    if (l) left.push(l);
    if (r) right.push(r);
  }
  flush();
  return out.join('\n');
}
