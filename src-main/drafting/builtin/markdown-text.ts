/** Escapes characters that would turn literal profile text into Markdown syntax. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>])/gu, '\\$1').replace(/^(#{1,6}\s|[-+]\s|\d+\.\s)/u, '\\$1');
}

/** "a, b and c" */
export function joinList(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1] ?? ''}`;
}

export function withoutFinalStop(text: string): string {
  return text.trim().replace(/(?<![.;:!\s])[.;:!\s]+$/u, '');
}
