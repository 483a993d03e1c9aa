import { parseInline, plainText, unescapeMarkdown, type InlineToken } from '@shared/markdown';

export interface InlineRun {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** Where a link points, printed after its text so the address survives on paper; not when the text is the address. */
function printedAddress(link: Extract<InlineToken, { type: 'link' }>): string {
  const label = plainText(link.children);
  if (label === link.href || `mailto:${label}` === link.href) return '';
  return ` (${link.href.replace(/^mailto:/u, '')})`;
}

function flatten(tokens: readonly InlineToken[], bold: boolean, italic: boolean): InlineRun[] {
  return tokens.flatMap((token) => {
    switch (token.type) {
      case 'text':
        return [{ text: token.text, bold, italic }];
      case 'code':
        // Drafts have always printed escapes inside code as the character (`a\|b` is "a|b").
        return [{ text: unescapeMarkdown(token.text), bold, italic }];
      case 'strong':
        return flatten(token.children, true, italic);
      case 'em':
        return flatten(token.children, bold, true);
      case 'link':
        return [...flatten(token.children, bold, italic), { text: printedAddress(token), bold, italic }];
    }
  });
}

/** Joins neighbouring runs with the same emphasis and drops empty ones. */
function mergeRuns(runs: readonly InlineRun[]): InlineRun[] {
  const merged: InlineRun[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (run.text === '') continue;
    if (last && last.bold === run.bold && last.italic === run.italic) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}

/** Inline Markdown as bold/italic runs: code spans are plain text, links print as "text (address)". */
export function inlineRuns(text: string): InlineRun[] {
  return mergeRuns(flatten(parseInline(text), false, false));
}
