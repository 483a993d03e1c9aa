import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/security/csp';
import { resolveRendererFile, serveRendererRequest } from '../../../src-main/desktop/renderer-protocol';

/** A built renderer (out/renderer) beside a file it must never serve. */
let base: string;
let root: string;
const SECRET = 'the data folder next door';

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'aditus-scheme-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Aditus</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'inter.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(root, 'assets', 'blob.bin'), 'x');
  writeFileSync(join(root, 'assets', 'a b.js'), 'spaced');
  writeFileSync(join(base, 'secret.txt'), SECRET);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A request as Electron hands it to protocol.handle (initiatorOrigin: the page that asked, absent for the browser). */
function request(url: string, init: { method?: string; initiatorOrigin?: string } = {}): Request {
  const req = new Request(url, { method: init.method ?? 'GET' });
  return init.initiatorOrigin === undefined ? req : Object.assign(req, { initiatorOrigin: init.initiatorOrigin });
}

describe('the app: scheme, file resolution', () => {
  it('maps app://aditus/ and its paths to files in the renderer folder', () => {
    expect(resolveRendererFile('app://aditus/', root)).toEqual({ ok: true, path: join(root, 'index.html') });
    expect(resolveRendererFile('app://aditus', root)).toEqual({ ok: true, path: join(root, 'index.html') });
    expect(resolveRendererFile('app://aditus/index.html?x=1#top', root)).toEqual({
      ok: true,
      path: join(root, 'index.html'),
    });
    expect(resolveRendererFile('app://aditus/assets/index-abc.js', root)).toEqual({
      ok: true,
      path: join(root, 'assets', 'index-abc.js'),
    });
    expect(resolveRendererFile('app://aditus/assets/a%20b.js', root)).toEqual({
      ok: true,
      path: join(root, 'assets', 'a b.js'),
    });
  });

  it('refuses every other origin', () => {
    for (const url of [
      'app://evil/index.html',
      'app://aditus.evil/index.html',
      'app://aditus@evil/index.html',
      'app://aditus:8080/index.html',
      'file:///etc/passwd',
      'https://aditus/index.html',
      'not a url',
    ])
      expect(resolveRendererFile(url, root), url).toEqual({ ok: false, status: 403 });
  });

  it('never resolves outside the renderer folder, however the path is written', () => {
    // `..` as a path segment, even percent-encoded, is resolved by URL parsing (Chromium's as Node's) before
    // the handler sees it: what is left names a file inside the folder, if anything.
    const normalised = [
      'app://aditus/../secret.txt',
      'app://aditus/%2e%2e/secret.txt',
      'app://aditus/%2E%2E/%2e%2E/etc/passwd',
      'app://aditus/.%2e/secret.txt',
      'app://aditus/assets/../../secret.txt',
      'app://aditus/%252e%252e/secret.txt',
    ];
    // Whatever decodes to a separator, `..`, NUL or a drive, or is empty or malformed, is refused outright.
    const refused = [
      'app://aditus/..%2fsecret.txt',
      'app://aditus/%2e%2e%2fsecret.txt',
      'app://aditus/..%5csecret.txt',
      'app://aditus/%2e%2e%5c%2e%2e%5csecret.txt',
      'app://aditus/assets/..%2f..%2fsecret.txt',
      'app://aditus//etc/passwd',
      'app://aditus/%2Fetc%2Fpasswd',
      'app://aditus/C:%5cWindows%5cwin.ini',
      'app://aditus/C:/Windows/win.ini',
      'app://aditus/assets/index-abc.js%00.png',
      'app://aditus/%E0%A4%A',
      `app://aditus/${encodeURIComponent(join(base, 'secret.txt'))}`,
    ];
    for (const url of normalised) {
      const file = resolveRendererFile(url, root);
      expect(file.ok, url).toBe(true);
      if (file.ok) expect(relative(root, file.path).startsWith('..'), url).toBe(false);
    }
    for (const url of refused) expect(resolveRendererFile(url, root), url).toEqual({ ok: false, status: 400 });
  });

  it('decodes each segment once (a doubly encoded %2e%2e is a literal file name, not a way up)', () => {
    expect(resolveRendererFile('app://aditus/%252e%252e', root)).toEqual({ ok: true, path: join(root, '%2e%2e') });
  });
});

describe('the app: scheme, responses', () => {
  it('serves the page with its MIME type and the production CSP as a real response header', async () => {
    const res = await serveRendererRequest(request('app://aditus/index.html'), root);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('<!doctype html><title>Aditus</title>');
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/inter.woff2', 'font/woff2'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/blob.bin', 'application/octet-stream'],
  ])('serves %s as %s', async (path, type) => {
    const res = await serveRendererRequest(request(`app://aditus/${path}`, { initiatorOrigin: 'app://aditus' }), root);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
  });

  it('answers HEAD without a body', async () => {
    const res = await serveRendererRequest(request('app://aditus/assets/index-abc.js', { method: 'HEAD' }), root);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String('console.log(1)'.length));
    expect(await res.text()).toBe('');
  });

  it('refuses other methods, missing files, folders and escapes', async () => {
    const status = async (url: string, method?: string) =>
      (await serveRendererRequest(request(url, { method }), root)).status;
    expect(await status('app://aditus/index.html', 'POST')).toBe(405);
    expect(await status('app://aditus/missing.js')).toBe(404);
    expect(await status('app://aditus/assets')).toBe(404);
    expect(await status('app://aditus/assets/')).toBe(400);
    expect(await status('app://aditus/..%2fsecret.txt')).toBe(400);
    expect(await status('app://aditus/%2e%2e/secret.txt')).toBe(404);
    expect(await status('app://evil/index.html')).toBe(403);
  });

  it('serves only the app page and the browser itself, never another origin', async () => {
    const from = async (initiatorOrigin: string) =>
      (await serveRendererRequest(request('app://aditus/assets/index-abc.js', { initiatorOrigin }), root)).status;
    expect(await from('app://aditus')).toBe(200);
    expect(await from('https://evil.example')).toBe(403);
    expect(await from('http://localhost:5173')).toBe(403);
    expect(await from('null')).toBe(403);
  });

  it('never returns the content of a file outside the folder', async () => {
    for (const url of [
      'app://aditus/../secret.txt',
      'app://aditus/%2e%2e/secret.txt',
      'app://aditus/..%2fsecret.txt',
    ]) {
      const res = await serveRendererRequest(request(url), root);
      expect(await res.text(), url).not.toContain(SECRET);
    }
  });
});

describe("the page's own CSP", () => {
  it('is the header policy as a meta tag (without frame-ancestors, which works only as a header)', () => {
    const html = readFileSync(join(__dirname, '../../../src-renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/u.exec(html)?.[1];
    const expected = CONTENT_SECURITY_POLICY.split('; ')
      .filter((directive) => !directive.startsWith('frame-ancestors'))
      .join('; ');
    expect(meta).toBe(expected);
  });
});
