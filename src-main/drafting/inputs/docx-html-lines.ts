const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The text of mammoth's HTML for a .docx, one paragraph a line, keeping what the layout says: heading styles become
 * Markdown headings (`### …`), list paragraphs become "- " bullets, bold runs stay `**bold**`, and each table row
 * becomes one line with its cells separated by " | ". CV parsing reads entries and bullets from these marks.
 */
export function docxHtmlToLines(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/giu, '\n')
    .replace(/<h([1-6])[^>]*>/giu, (_, level: string) => `\n${'#'.repeat(Number(level))} `)
    .replace(/<\/h[1-6]>/giu, '\n')
    .replace(/<li[^>]*>/giu, '\n- ')
    .replace(/<\/li>|<\/?[uo]l[^>]*>/giu, '\n')
    .replace(/<\/?p[^>]*>/giu, '\n')
    .replace(/<tr[^>]*>/giu, '\n')
    .replace(/<\/t[dh]>/giu, ' | ')
    .replace(/<\/tr>/giu, '\n')
    .replace(/<\/?strong>/giu, '**')
    .replace(/<[^>]+>/gu, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) =>
      line
        .replace(/\*\*\s*\*\*/gu, '')
        .replace(/(?<![\s|])[\s|]*\|[\s|]*$/u, '')
        .replace(/^\s*\|\s*/u, '')
        .replace(/[ \t]+/gu, ' ')
        .trim(),
    )
    .filter((line, i, lines) => line.length > 0 || (lines[i - 1] ?? '').length > 0)
    .join('\n');
}
