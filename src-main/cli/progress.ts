import type { Writable } from 'node:stream';

/** A one-line progress bar on stderr (redrawn on a terminal, one line per step otherwise). */
export function progressBar(stream: Writable & { isTTY?: boolean }, total: number) {
  const width = 24;
  let done = 0;
  return {
    step(label: string): void {
      done++;
      const filled = Math.round((done / total) * width);
      const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${label}`;
      if (stream.isTTY) stream.write(`\r\x1b[K${line}${done === total ? '\n' : ''}`);
      else stream.write(`${line}\n`);
    },
  };
}

/** Runs `fn` over `items` with at most `limit` at a time, keeping the input order of results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
