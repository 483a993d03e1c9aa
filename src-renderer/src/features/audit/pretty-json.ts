/** Audit before/after values are JSON strings; show them indented (or as-is if they are not JSON). */
export function prettyJson(text: string | null): string {
  if (text === null) return '—';
  try {
    return JSON.stringify(JSON.parse(text) as unknown, null, 2);
  } catch {
    return text;
  }
}
