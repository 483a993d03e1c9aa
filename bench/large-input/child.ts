/**
 * One large-input measurement in a fresh process (so its peak memory is its own), printed as one JSON line:
 * `node --expose-gc --import tsx bench/large-input/child.ts text|html`. `text`: a 5 MB text posting, tidied and
 * extracted (past the 2 MB .txt limit: how the code scales). `html`: the largest HTML page the app accepts, read as
 * the document worker reads it (bytes decoded, converted to text), checked against the text limit, tidied and
 * extracted, here on the main thread (the worker's start is in the import's time, index.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { extractJobFieldsOffline } from '../../src-main/drafting/builtin/extract-job-fields';
import { htmlToPlainText } from '../../src-main/drafting/inputs/extract-text';
import { checkTextLength } from '../../src-main/drafting/inputs/read-document-text';
import { tidyText } from '../../src-main/drafting/inputs/tidy-text';
import { largestHtmlPage, largeTextPosting } from './inputs';

export interface ChildResult {
  inputBytes: number;
  ms: number;
  cpuMs: number;
  /** Peak resident memory (RSS) during the extraction above what the process held just before it, MB. */
  extraMb: number;
  title: string | null;
}

/**
 * Linux keeps the process's peak RSS (what `maxRSS` reports): reset it, so building the input before the
 * measurement cannot count as the extraction's peak. Elsewhere the peak is the process's so far.
 */
function resetPeakRss(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not Linux, or not allowed: the sampler and the lifetime peak remain
  }
}

function peakRssBytes(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/u.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

function main(kind: string): ChildResult {
  const bytes = kind === 'html' ? Buffer.from(largestHtmlPage()) : Buffer.from(largeTextPosting());
  const inputBytes = bytes.length;
  global.gc?.();
  resetPeakRss();
  const rssBefore = process.memoryUsage.rss();
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const text = kind === 'html' ? htmlToPlainText(bytes.toString('utf8')) : bytes.toString('utf8');
  if (kind === 'html') checkTextLength('page.html', text);
  const fields = extractJobFieldsOffline(tidyText(text));
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  // The kernel's high-water mark catches what the sampler (blocked while the extraction runs) cannot.
  peak = Math.max(peak, peakRssBytes());
  return {
    inputBytes,
    ms: Math.round(ms),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    extraMb: Math.round((peak - rssBefore) / 1_048_576),
    title: fields.title,
  };
}

process.stdout.write(`${JSON.stringify(main(process.argv[2] ?? 'text'))}\n`);
