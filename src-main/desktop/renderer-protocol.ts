import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { APP_SCHEME, isAppPage } from '@shared/app-origin';
import { contentTypeFor } from '../mime-types';
import { CONTENT_SECURITY_POLICY } from '../security/csp';

/**
 * How `app:` is registered (`protocol.registerSchemesAsPrivileged`, before the app is ready): a standard,
 * secure scheme, so `app://aditus` is a real origin (relative URLs, localStorage, module scripts, a secure
 * context for notifications and the clipboard); fetch and CORS for the page's own module scripts; V8's
 * code cache. No service workers, no CSP bypass. (The shape of Electron's CustomScheme.)
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

export type RendererFile = { ok: true; path: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * The file under `rendererDir` (out/renderer) an `app://aditus/…` URL names, or why there is none. Only the
 * app's host; each path segment percent-decoded and refused when it is `.`/`..` (however encoded), empty, or
 * holds a separator, NUL or a colon (a Windows drive or stream); the result is checked to stay inside.
 */
export function resolveRendererFile(url: string, rendererDir: string): RendererFile {
  if (!isAppPage(url, undefined)) return { ok: false, status: 403 };
  const { pathname } = new URL(url);
  const root = resolve(rendererDir);
  if (pathname === '' || pathname === '/') return { ok: true, path: join(root, 'index.html') };
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400 };
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:\0]/u.test(segment))
      return { ok: false, status: 400 };
    segments.push(segment);
  }
  const path = join(root, ...segments);
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return { ok: false, status: 400 };
  return { ok: true, path };
}

/** Headers of every `app:` response: the production CSP as a real header (the built page also has it as a meta tag). */
export function rendererHeaders(path: string): Record<string, string> {
  return {
    'content-type': contentTypeFor(path),
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

/** What Electron's request carries besides the Fetch standard's fields (absent for browser-started requests). */
type SchemeRequest = Request & { initiatorOrigin?: string };

const NOT_FOUND = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/**
 * The `protocol.handle('app', …)` handler: GET and HEAD of files in the built renderer, for requests the app's
 * own page (or the browser itself) makes; anything else is refused.
 */
export async function serveRendererRequest(request: SchemeRequest, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
  if (request.initiatorOrigin !== undefined && !isAppPage(request.initiatorOrigin, undefined))
    return new Response(null, { status: 403 });
  const file = resolveRendererFile(request.url, rendererDir);
  if (!file.ok) return new Response(null, { status: file.status });
  let body: Buffer;
  try {
    if (!(await stat(file.path)).isFile()) return new Response(null, { status: 404 });
    body = await readFile(file.path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    return new Response(null, { status: NOT_FOUND.has(code) ? 404 : 500 });
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...rendererHeaders(file.path), 'content-length': String(body.length) },
  });
}
