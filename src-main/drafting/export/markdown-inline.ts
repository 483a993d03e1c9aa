export interface InlineRun {
  text: string;
  bold: boolean;
  italic: boolean;
}

// Private-use characters stand in for escaped marks while emphasis is parsed.
const ESCAPES: Record<string, string> = {
  '*': '\uE001',
  _: '\uE002',
  '`': '\uE003',
  '\\': '\uE004',
  '[': '\uE005',
  ']': '\uE006',
};
const RESTORE = new Map(Object.entries(ESCAPES).map(([char, code]) => [code, char]));

function protectEscapes(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/gu, (_, char: string) => ESCAPES[char] ?? char);
}

function restoreEscapes(text: string): string {
  return text.replace(/[\uE001-\uE006]/gu, (code) => RESTORE.get(code) ?? code);
}

/** Links become "text (url)" so the address survives in print; code spans and autolinks become plain text. */
function flattenLinks(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/gu, (_, label: string, url: string) =>
      label === url || `mailto:${label}` === url ? label : `${label} (${url.replace(/^mailto:/u, '')})`,
    )
    .replace(/<((?:https?:\/\/|mailto:)[^>\s]+)>/gu, (_, url: string) => url.replace(/^mailto:/u, ''))
    .replace(/`([^`]+)`/gu, (_, code: string) => code.replace(/[*_]/gu, (c) => ESCAPES[c] ?? c));
}

function hasCloser(text: string, from: number, marker: string): boolean {
  return text.indexOf(marker, from) >= 0;
}

/** Bold (`**`, `__`) and italic (`*`, `_` at word edges) runs; everything else is literal text. */
export function parseInline(source: string): InlineRun[] {
  const text = flattenLinks(protectEscapes(source));
  const runs: InlineRun[] = [];
  let bold = false;
  let italic = false;
  let buffer = '';
  const push = (): void => {
    if (buffer.length > 0) runs.push({ text: restoreEscapes(buffer), bold, italic });
    buffer = '';
  };

  let i = 0;
  while (i < text.length) {
    const pair = text.slice(i, i + 2);
    if ((pair === '**' || pair === '__') && (bold || hasCloser(text, i + 2, pair))) {
      push();
      bold = !bold;
      i += 2;
      continue;
    }
    const char = text.charAt(i);
    const prev = i > 0 ? text.charAt(i - 1) : ' ';
    const next = text.charAt(i + 1);
    const atWordEdge = char === '*' || !/[\p{L}\p{N}]/u.test(prev) || !/[\p{L}\p{N}]/u.test(next);
    if ((char === '*' || char === '_') && atWordEdge) {
      const opens = !italic && next.length > 0 && next !== ' ' && hasCloser(text, i + 1, char);
      const closes = italic && prev !== ' ';
      if (opens || closes) {
        push();
        italic = !italic;
        i += 1;
        continue;
      }
    }
    buffer += char;
    i += 1;
  }
  push();
  return mergeRuns(runs);
}

/** Joins neighbouring runs with the same emphasis. */
export function mergeRuns(runs: readonly InlineRun[]): InlineRun[] {
  const merged: InlineRun[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && last.bold === run.bold && last.italic === run.italic) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}
