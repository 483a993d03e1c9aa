import { readFileSync } from 'node:fs';
import { ex } from './examples';

/** Markup a job board puts around a posting, with no text of its own: wrappers with attributes, an icon. */
const CHROME =
  '<div class="jobs-card__meta css-1q2w3e4" data-tracking-control="jobcard-meta"><span class="badge">' +
  '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M17 3H7c-1.1 0-2 .9-2 2v16l7-3 7 3V5c0-1.1-.9-2-2-2z"/>' +
  '</svg></span><button class="btn btn--icon" type="button" aria-label=""></button></div>\n';

/**
 * The example posting page (examples/job-data.html) saved from a job board that added `bytes` worth of markup:
 * its text is the posting's, however large the page.
 */
export function jobBoardPage(bytes: number): string {
  const page = readFileSync(ex('job-data.html'), 'utf8');
  const end = page.lastIndexOf('</body>');
  const before = page.slice(0, end);
  const after = page.slice(end);
  const room = bytes - Buffer.byteLength(before) - Buffer.byteLength(after);
  const chrome = CHROME.repeat(Math.floor(room / CHROME.length));
  return `${before}${chrome}${' '.repeat(room - chrome.length)}${after}`;
}
