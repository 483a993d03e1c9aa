import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
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

/** A job board page: the HTML fixtures' bodies repeated inside one page until it is `bytes` long. */
export function largeHtmlPage(bytes = 6 * MB): string {
  const bodies = readdirSync(POSTING_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => /<body[^>]*>([\s\S]*)<\/body>/iu.exec(read(f))?.[1] ?? '');
  const parts = ['<!doctype html><html><head><title>Jobs</title></head><body>'];
  let size = Buffer.byteLength(parts[0]!);
  for (let i = 0; size < bytes; i++) {
    const body = `<article>${bodies[i % bodies.length] ?? ''}</article>\n`;
    parts.push(body);
    size += Buffer.byteLength(body);
  }
  parts.push('</body></html>');
  return parts.join('');
}
