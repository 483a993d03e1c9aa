/**
 * One large-input measurement in a fresh process (so its peak memory is its own), printed as one JSON line:
 * `node --expose-gc --import tsx bench/large-input/child.ts text|html`. The input goes straight to the
 * readers and the extraction, past the import's size limits (how the code scales, not what the app accepts).
 */
import { extractJobFieldsOffline } from '../../src-main/drafting/builtin/extract-job-fields';
import { htmlToPlainText } from '../../src-main/drafting/inputs/extract-text';
import { tidyText } from '../../src-main/drafting/inputs/tidy-text';
import { largeHtmlPage, largeTextPosting } from './inputs';

export interface ChildResult {
  inputBytes: number;
  ms: number;
  cpuMs: number;
  /** Peak resident memory during the extraction above what the process held just before it, MB. */
  extraMb: number;
  title: string | null;
}

function main(kind: string): ChildResult {
  const input = kind === 'html' ? largeHtmlPage() : largeTextPosting();
  const inputBytes = Buffer.byteLength(input);
  global.gc?.();
  const rssBefore = process.memoryUsage.rss();
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const text = kind === 'html' ? htmlToPlainText(input) : input;
  const fields = extractJobFieldsOffline(tidyText(text));
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  // The kernel's high-water mark catches what the sampler (blocked while the extraction runs) cannot.
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  return {
    inputBytes,
    ms: Math.round(ms),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    extraMb: Math.round((peak - rssBefore) / 1_048_576),
    title: fields.title,
  };
}

process.stdout.write(`${JSON.stringify(main(process.argv[2] ?? 'text'))}\n`);
