const FENCE = '```';
const WHITESPACE = /\s/u;

/**
 * The body of the first ```json (or bare ```) fence that is closed, or null. A scan, not a regular expression:
 * /```(?:json)?\s*([\s\S]*?)```/ backtracks through every split of the whitespace after an unclosed fence, so an
 * answer of a fence and many spaces took quadratic time.
 */
function fencedBody(text: string): string | null {
  const open = text.indexOf(FENCE);
  if (open < 0) return null;
  let start = open + FENCE.length;
  if (text.startsWith('json', start) || text.startsWith('JSON', start)) start += 4;
  while (start < text.length && WHITESPACE.test(text[start]!)) start++;
  const close = text.indexOf(FENCE, start);
  return close < 0 ? null : text.slice(start, close);
}

/**
 * The JSON text inside a model answer: the body of a ```json fence if there is one,
 * otherwise the span from the first `{` to the last `}` (or to the end when the object is cut off,
 * so the parse error says what is wrong). Returns null when there is no `{` at all.
 */
export function extractJsonText(text: string): string | null {
  const candidate = (fencedBody(text) ?? text).trim();
  const start = candidate.indexOf('{');
  const end = candidate.lastIndexOf('}');
  if (start < 0) return null;
  return end > start ? candidate.slice(start, end + 1) : candidate.slice(start);
}
