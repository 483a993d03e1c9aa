import type { DocumentFormat } from './file-types';

const MB = 1024 * 1024;

/**
 * What Aditus reads from a candidate, job posting or draft, on every path (a file in the app, the CLI or the web
 * host, or pasted text). docs/input-limits.md explains each limit; change both together.
 */
export const INPUT_LIMITS = {
  /** Characters of text from any one input; the IPC contract caps pasted text at the same number. */
  maxTextChars: 500_000,
  /** Bytes of a file, by format, checked before anything parses it. */
  maxFileBytes: {
    txt: 2 * MB,
    md: 2 * MB,
    json: 2 * MB,
    html: 5 * MB,
    docx: 10 * MB,
    pdf: 20 * MB,
  } satisfies Record<DocumentFormat, number>,
  maxImageBytes: 10 * MB,
  /** Elements open inside one another in an HTML page; real pages stay well under 100. */
  maxHtmlDepth: 256,
  /** Everything inside a DOCX (it is a zip archive), as its directory declares and as it actually unpacks. */
  maxDocxUnpackedBytes: 100 * MB,
  maxDocxEntries: 2_000,
  maxPdfPages: 50,
  /** Reading one PDF, DOCX or HTML file in the document worker, from start to text. */
  parseTimeoutMs: 10_000,
  /** The document worker's JavaScript heap; a file that needs more is refused. */
  workerHeapMb: 512,
  /** Document workers running at once; more reads wait for a free one. */
  parallelParses: 2,
} as const;

/** "10 MB", "10.5 MB", "300 KB": sizes as a person reads them. */
export function describeBytes(bytes: number): string {
  return bytes >= MB ? `${Number((bytes / MB).toFixed(1))} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * A size over a limit and the limit, as a person reads them; in bytes when rounding would make them read the same
 * ("is 5 MB; ... at most 5 MB" for a file a kilobyte over).
 */
export function describeOverLimit(bytes: number, limit: number): { size: string; limit: string } {
  const size = describeBytes(bytes);
  const max = describeBytes(limit);
  if (size !== max) return { size, limit: max };
  return { size: `${describeCount(bytes)} bytes`, limit: `${describeCount(limit)} bytes (${max})` };
}

export function describeCount(count: number): string {
  return count.toLocaleString('en-US');
}
