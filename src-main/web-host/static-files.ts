import { readFile, stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { contentTypeFor } from '../mime-types';

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Resolves a URL path inside `root` only (no `..` escapes); unknown paths fall back to index.html (SPA). */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  const relative = normalize(decoded).replace(/^([/\\])+/u, '');
  const full = join(root, relative);
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  const target = (await isFile(full)) ? full : join(root, 'index.html');
  if (!(await isFile(target))) return null;
  return { body: await readFile(target), contentType: contentTypeFor(target) };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
