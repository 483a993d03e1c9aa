/** Trims trailing spaces, collapses runs of blank lines and drops control characters. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/gu, '\n')
    .replace(/\p{Cc}/gu, (char) => (char === '\n' || char === '\t' ? char : ''))
    .replace(/(?<![ \t])[ \t]+$/gmu, '')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}
