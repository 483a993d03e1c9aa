import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CandidateProfile } from '@contract';
import { draftOffline } from '../../src-main/drafting/builtin/draft-offline';
import { extractJobFieldsOffline } from '../../src-main/drafting/builtin/extract-job-fields';
import { htmlToPlainText, pdfToText } from '../../src-main/drafting/inputs/extract-text';
import { InputError } from '../../src-main/drafting/inputs/input-error';
import { INPUT_LIMITS } from '../../src-main/drafting/inputs/input-limits';
import { readCandidateFile } from '../../src-main/drafting/inputs/read-candidate';
import { jobPostingFromBytes } from '../../src-main/drafting/inputs/read-job-posting';
import { tidyText } from '../../src-main/drafting/inputs/tidy-text';
import { postingFixtures } from '../drafting-eval/extraction-score';
import { REPO_ROOT } from '../paths';
import { median, round } from '../summary';
import type { ChildResult } from './child';
import { largestHtmlPage, largeTextPosting, POSTING_DIR, textHeavyHtmlPage } from './inputs';

export type ImportOutcome =
  { refused: true; code: string; message: string; ms: number } | { refused: false; ms: number };

export interface LargeCase {
  inputMb: number;
  /** Wall time of reading + extraction, median of the runs, ms. */
  ms: number;
  cpuMs: number;
  /** Peak memory above what the process held before, median of the runs, MB. */
  extraMb: number;
  runsMs: number[];
  /**
   * What the app's import (`jobPostingFromBytes`, as every host reads a file; HTML in the document worker) does with
   * the same bytes, and its wall time in this process.
   */
  importOutcome: ImportOutcome;
}

export interface LargeInputResult {
  /** A 5 MB text posting (the text fixtures repeated): tidied and extracted offline. */
  posting: LargeCase;
  /**
   * The largest HTML page the app accepts: 5 MB (the .html limit) of job cards whose text stays within the
   * 500,000-character limit; to text, checked, tidied and extracted offline.
   */
  html: LargeCase;
  /** The app's import of HTML it refuses: a page 1 KB over the .html limit, and 5 MB of the fixtures' text-heavy bodies. */
  htmlRefused: { overSize: ImportOutcome; tooMuchText: ImportOutcome };
  /** The built-in drafter: a CV from a candidate profile and a posting's offline extraction, median ms. */
  offlineCvMs: number;
  offlineCvMaxMs: number;
  /** The 18 posting fixtures' text (read once) tidied and extracted offline, over and over: postings/s. */
  postingsPerSec: number;
}

const CHILD = join(REPO_ROOT, 'bench', 'large-input', 'child.ts');

function runChild(kind: 'text' | 'html'): ChildResult {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, kind], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as ChildResult;
}

async function importOutcome(fileName: string, content: string): Promise<ImportOutcome> {
  const t0 = performance.now();
  try {
    await jobPostingFromBytes(fileName, Buffer.from(content));
    return { refused: false, ms: round(performance.now() - t0) };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { refused: true, code: err.code, message: err.message, ms: round(performance.now() - t0) };
  }
}

async function largeCase(kind: 'text' | 'html', runs: number): Promise<LargeCase> {
  const results = Array.from({ length: runs }, () => runChild(kind));
  const content = kind === 'html' ? largestHtmlPage() : largeTextPosting();
  return {
    inputMb: round((results[0]?.inputBytes ?? 0) / 1_048_576),
    ms: round(median(results.map((r) => r.ms))),
    cpuMs: round(median(results.map((r) => r.cpuMs))),
    extraMb: round(median(results.map((r) => r.extraMb))),
    runsMs: results.map((r) => r.ms),
    importOutcome: await importOutcome(kind === 'html' ? 'page.html' : 'posting.txt', content),
  };
}

/** The posting fixtures' text as the drafting eval reads it (PDF and HTML in this thread). */
async function postingTexts(): Promise<string[]> {
  const texts: string[] = [];
  for (const { name } of postingFixtures(POSTING_DIR)) {
    const bytes = readFileSync(join(POSTING_DIR, name));
    texts.push(
      name.endsWith('.pdf')
        ? await pdfToText(name, bytes)
        : name.endsWith('.html')
          ? htmlToPlainText(bytes.toString('utf8'), name)
          : bytes.toString('utf8'),
    );
  }
  return texts;
}

function postingsPerSec(texts: string[], minMs: number): number {
  for (const text of texts) extractJobFieldsOffline(tidyText(text)); // warm-up
  let done = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    for (const text of texts) extractJobFieldsOffline(tidyText(text));
    done += texts.length;
  }
  return Math.round(done / ((performance.now() - t0) / 1000));
}

const CANDIDATES = [
  'md-german.md',
  'md-bold-title-city.md',
  'txt-spanish-dates-first.txt',
  'json-resume-cyrillic.json',
];

async function offlineCvTimes(postings: string[], rounds: number): Promise<number[]> {
  const dir = join(REPO_ROOT, 'test', 'fixtures', 'drafting', 'candidates');
  const profiles: CandidateProfile[] = [];
  for (const file of CANDIDATES) profiles.push((await readCandidateFile(join(dir, file))).profile);
  const times: number[] = [];
  for (let round = 0; round < rounds; round++)
    for (const [i, profile] of profiles.entries()) {
      const posting = postings[(round + i) % postings.length] ?? '';
      const t0 = performance.now();
      draftOffline('cv', profile, extractJobFieldsOffline(tidyText(posting)));
      times.push(performance.now() - t0);
    }
  return times;
}

/** Large inputs and the offline path: extraction of huge postings, the built-in drafter, batch extraction. */
export async function runLargeInput(opts: { quick: boolean; log: (line: string) => void }): Promise<LargeInputResult> {
  const runs = opts.quick ? 1 : 3;
  opts.log(`large input: 5 MB text posting (${runs} run${runs > 1 ? 's' : ''}, a process each)`);
  const posting = await largeCase('text', runs);
  opts.log(`large input: the largest HTML page the app accepts (5 MB), and two it refuses`);
  const html = await largeCase('html', runs);
  const limit = INPUT_LIMITS.maxFileBytes.html;
  const htmlRefused = {
    overSize: await importOutcome('page.html', largestHtmlPage(limit + 1024)),
    tooMuchText: await importOutcome('page.html', textHeavyHtmlPage(limit)),
  };
  const texts = await postingTexts();
  opts.log(`large input: offline CV drafts and batch extraction of ${texts.length} postings`);
  const cv = await offlineCvTimes(texts, opts.quick ? 10 : 30);
  return {
    posting,
    html,
    htmlRefused,
    offlineCvMs: round(median(cv), 2),
    offlineCvMaxMs: round(Math.max(...cv), 2),
    postingsPerSec: postingsPerSec(texts, opts.quick ? 1_000 : 3_000),
  };
}
