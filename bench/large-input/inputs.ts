import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { htmlToPlainText } from '../../src-main/drafting/inputs/extract-text';
import { INPUT_LIMITS } from '../../src-main/drafting/inputs/input-limits';
import { REPO_ROOT } from '../paths';

export const POSTING_DIR = join(REPO_ROOT, 'test', 'fixtures', 'drafting', 'postings');
const MB = 1024 * 1024;

const read = (name: string): string => readFileSync(join(POSTING_DIR, name), 'utf8');

/** The text posting fixtures one after another, repeated until the text is `bytes` long (UTF-8). */
export function largeTextPosting(bytes = 5 * MB): string {
  const texts = readdirSync(POSTING_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map(read);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = `${texts[i % texts.length] ?? ''}\n\n`;
    parts.push(text);
    size += Buffer.byteLength(text);
  }
  return parts.join('');
}

const fixtureBodies = (): string[] =>
  readdirSync(POSTING_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => /<body[^>]*>([\s\S]*)<\/body>/iu.exec(read(f))?.[1] ?? '');

function page(cards: string[], bytes: number): string {
  const head = '<!doctype html><html><head><title>Jobs</title></head><body>';
  const tail = '</body></html>';
  const body = cards.join('');
  // Blank lines up to exactly `bytes`: no text, nothing to parse.
  const fill = Math.max(0, bytes - Buffer.byteLength(head + body + tail));
  return `${head}${body}${'\n'.repeat(fill)}${tail}`;
}

/** A text-heavy page: the HTML fixtures' bodies repeated until it is `bytes` long (its text is ~55% of it). */
export function textHeavyHtmlPage(bytes = 5 * MB): string {
  const bodies = fixtureBodies();
  const cards: string[] = [];
  let size = 100;
  for (let i = 0; size < bytes; i++) {
    const card = `<article>${bodies[i % bodies.length] ?? ''}</article>\n`;
    if (size + Buffer.byteLength(card) > bytes) break;
    cards.push(card);
    size += Buffer.byteLength(card);
  }
  return page(cards, bytes);
}

/**
 * What a job board wraps around each posting on a results page, with no text of its own: nested wrappers with class
 * and data attributes, and an inline SVG icon (element after element, the costly kind of markup to read).
 */
function cardChrome(id: number): string {
  const icon =
    '<svg class="icon icon--bookmark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
    '<path d="M17 3H7c-1.1 0-1.99.9-1.99 2L5 21l7-3 7 3V5c0-1.1-.9-2-2-2zm0 15-5-2.18L7 18V5h10v13z"/></svg>';
  return (
    `<div class="jobs-card__meta css-1q2w3e4" data-job-id="${id}" data-tracking-control="jobcard-meta">` +
    `<span class="jobs-card__badge sc-AxjAm" data-testid="badge-${id}">${icon}</span>` +
    `<div class="jobs-card__actions" role="group"><button class="btn btn--icon" type="button" aria-label="">` +
    `${icon}</button></div></div>\n`
  );
}

/**
 * The largest job board page the app accepts: `bytes` long (the .html limit) with its visible text within
 * `maxTextChars` (the text limit). Each card is a fixture's body plus chrome (cardChrome) in the proportion that
 * keeps the text about 5% under the limit, as a real results page is mostly markup.
 */
export function largestHtmlPage(
  bytes: number = INPUT_LIMITS.maxFileBytes.html,
  maxTextChars: number = INPUT_LIMITS.maxTextChars,
): string {
  const bodies = fixtureBodies().map((body) => ({ body, text: htmlToPlainText(body).length }));
  const markupPerChar = bytes / (maxTextChars * 0.95);
  const cards: string[] = [];
  let size = 100;
  for (let i = 0; ; i++) {
    const { body, text } = bodies[i % bodies.length] ?? { body: '', text: 0 };
    const open = `<article class="jobs-card" data-job-id="${i}">${body}`;
    const chrome = cardChrome(i);
    const repeats = Math.max(
      0,
      Math.ceil((text * markupPerChar - Buffer.byteLength(open)) / Buffer.byteLength(chrome)),
    );
    const card = `${open}${chrome.repeat(repeats)}</article>\n`;
    if (size + Buffer.byteLength(card) > bytes) break;
    cards.push(card);
    size += Buffer.byteLength(card);
  }
  return page(cards, bytes);
}
