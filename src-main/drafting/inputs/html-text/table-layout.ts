// A table's cells laid out in columns as text (cells may hold several lines and span rows and columns). Ported from
// html-to-text 10 (MIT; its tableToString), so tables read exactly as they did through that library.

export interface TableCell {
  colspan: number;
  rowspan: number;
  text: string;
}

interface PlacedCell extends TableCell {
  lines: string[];
  rendered: boolean;
}

function rowOf<T>(matrix: (T | undefined)[][], index: number): (T | undefined)[] {
  let row = matrix[index];
  if (!row) {
    row = [];
    matrix[index] = row;
  }
  return row;
}

/** The offset of row or column `index`: one past the one before it unless set (a loop: spans reach 65,534). */
function offsetOf(offsets: number[], index: number): number {
  let known = index;
  while (known > 0 && offsets[known] === undefined) known--;
  let offset = offsets[known] ?? 0;
  offsets[known] = offset;
  for (let i = known + 1; i <= index; i++) offsets[i] = ++offset;
  return offset;
}

function growOffset(offsets: number[], base: number, span: number, size: number): void {
  offsets[base + span] = Math.max(offsetOf(offsets, base + span), offsetOf(offsets, base) + size);
}

function transposeInPlace<T>(matrix: (T | undefined)[][], size: number): void {
  for (let i = 0; i < size; i++) {
    const rowI = rowOf(matrix, i);
    for (let j = 0; j < i; j++) {
      const rowJ = rowOf(matrix, j);
      if (rowI[j] || rowJ[i]) {
        const swap = rowI[j];
        rowI[j] = rowJ[i];
        rowJ[i] = swap;
      }
    }
  }
}

/** The rows as lines of text, columns `colSpacing` spaces apart. */
export function tableToText(rows: TableCell[][], colSpacing = 3): string {
  const layout: (PlacedCell | undefined)[][] = [];
  let columns = 0;
  const rowOffsets = [0];
  for (const [y, cells] of rows.entries()) {
    const layoutRow = rowOf(layout, y);
    let x = 0;
    for (const cell of cells) {
      while (layoutRow[x]) x++;
      const placed: PlacedCell = { ...cell, lines: cell.text.split('\n'), rendered: false };
      for (let r = 0; r < cell.rowspan; r++) {
        const spanned = rowOf(layout, y + r);
        for (let c = 0; c < cell.colspan; c++) spanned[x + c] = placed;
      }
      x += cell.colspan;
      growOffset(rowOffsets, y, cell.rowspan, placed.lines.length);
    }
    columns = Math.max(columns, layoutRow.length);
  }
  transposeInPlace(layout, Math.max(rows.length, columns));

  const lines: string[] = [];
  const colOffsets = [0];
  for (let x = 0; x < columns; x++) {
    const column = rowOf(layout, x);
    const height = Math.min(rows.length, column.length);
    let y = 0;
    while (y < height) {
      const cell = column[y];
      if (!cell) {
        const at = rowOffsets[y] ?? 0;
        lines[at] = lines[at] ?? '';
        y++;
        continue;
      }
      if (!cell.rendered) {
        let width = 0;
        for (const [j, line] of cell.lines.entries()) {
          const at = (rowOffsets[y] ?? 0) + j;
          lines[at] = (lines[at] ?? '').padEnd(colOffsets[x] ?? 0) + line;
          width = Math.max(width, line.length);
        }
        growOffset(colOffsets, x, cell.colspan, width + colSpacing);
        cell.rendered = true;
      }
      y += cell.rowspan;
    }
  }
  return Array.from(lines, (line) => line ?? '').join('\n');
}
