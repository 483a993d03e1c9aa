/** The ranges the Usage page asks for: whole local days, the last `days` days including the end day. */
export function presetRange(days: number, endMs: number): { from: number; to: number } {
  const end = new Date(endMs);
  const to = new Date(end.getFullYear(), end.getMonth(), end.getDate() + 1).getTime();
  const fromDate = new Date(to);
  return { from: new Date(fromDate.getFullYear(), fromDate.getMonth(), fromDate.getDate() - days).getTime(), to };
}
