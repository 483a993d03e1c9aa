import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** JS the renderer loads before the first paint: index.html's module script(s) and modulepreloads, gzipped. */
  bundleGzKb: number;
  /** Every out/renderer/assets/*.js, gzipped (lazy chunks included). */
  allJsGzKb: number;
  initialFiles: string[];
}

const gzKb = (path: string): number => gzipSync(readFileSync(path), { level: 9 }).length / 1024;

/** The renderer's JavaScript as the browser receives it over a compressing transport. */
export function bundleSize(rendererDir: string): BundleSize {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const referenced = [
    ...html.matchAll(/<script[^>]*\bsrc="\.?\/?([^"]+\.js)"/gu),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\.?\/?([^"]+\.js)"/gu),
  ]
    .map((m) => m[1])
    .filter((f): f is string => f !== undefined);
  const assets = join(rendererDir, 'assets');
  const all = existsSync(assets) ? readdirSync(assets).filter((f) => f.endsWith('.js')) : [];
  const round = (n: number): number => Math.round(n * 10) / 10;
  return {
    bundleGzKb: round(referenced.reduce((sum, f) => sum + gzKb(join(rendererDir, f)), 0)),
    allJsGzKb: round(all.reduce((sum, f) => sum + gzKb(join(assets, f)), 0)),
    initialFiles: referenced,
  };
}
