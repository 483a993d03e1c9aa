/**
 * The JSON text inside a model answer: the body of a ```json fence if there is one,
 * otherwise the span from the first `{` to the last `}` (or to the end when the object is cut off,
 * so the parse error says what is wrong). Returns null when there is no `{` at all.
 */
export function extractJsonText(text: string): string | null {
  const fenced = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/u.exec(text);
  const candidate = (fenced?.[1] ?? text).trim();
  const start = candidate.indexOf('{');
  const end = candidate.lastIndexOf('}');
  if (start < 0) return null;
  return end > start ? candidate.slice(start, end + 1) : candidate.slice(start);
}
