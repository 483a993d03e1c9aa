import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';

const ROOT = join(__dirname, '../../..');

interface Reply {
  status: number;
  body: string;
}

function send(
  port: number,
  path: string,
  headers: Record<string, string>,
  body?: string,
  method = 'POST',
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

// The real `aditus serve` from the built app (npm run build runs before the tests).
describe('aditus serve (web host)', () => {
  let child: ChildProcess;
  let url: URL;
  let token: string;
  let port: number;
  const data = tempDir();

  beforeAll(async () => {
    child = spawn(process.execPath, [join(ROOT, 'bin/aditus.cjs'), '--data-dir', data.dir, 'serve', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const line = await new Promise<string>((resolve, reject) => {
      const rl = createInterface({ input: child.stdout! });
      rl.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    url = new URL(line);
    token = /token=([\w-]+)/u.exec(url.hash)![1]!;
    port = Number(url.port);
  });

  afterAll(() => {
    child.kill('SIGTERM');
    data.cleanup();
  });

  const good = () => ({ host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'x-aditus-token': token });

  it('prints a loopback URL carrying a per-launch token', () => {
    expect(url.protocol).toBe('http:');
    expect(url.hostname).toBe('127.0.0.1');
    expect(token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the app shell with a strict CSP', async () => {
    const res = await send(port, '/', { host: `127.0.0.1:${port}` }, undefined, 'GET');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<div id="root">');
  });

  it('answers an IPC call that carries the token', async () => {
    const res = await send(port, '/ipc/app:info', good(), JSON.stringify({ input: {} }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, data: { host: 'web', role: 'recruiter' } });
  });

  it('refuses IPC without the token, with a wrong token, a foreign Host or a foreign Origin', async () => {
    const body = JSON.stringify({ input: {} });
    const noToken = { ...good() } as Record<string, string>;
    delete noToken['x-aditus-token'];
    expect((await send(port, '/ipc/app:info', noToken, body)).status).toBe(401);
    expect((await send(port, '/ipc/app:info', { ...good(), 'x-aditus-token': 'x'.repeat(43) }, body)).status).toBe(401);
    expect((await send(port, '/ipc/app:info', { ...good(), host: `evil.example:${port}` }, body)).status).toBe(421);
    expect((await send(port, '/ipc/app:info', { ...good(), origin: 'http://evil.example' }, body)).status).toBe(403);
  });

  it('answers malformed JSON with a typed error', async () => {
    const res = await send(port, '/ipc/providers:list', good(), '{not json');
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('listens on loopback only', async () => {
    const { readFileSync } = await import('node:fs');
    const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
    const listening = ['/proc/net/tcp', '/proc/net/tcp6']
      .flatMap((file) => readFileSync(file, 'utf8').split('\n').slice(1))
      .map((line) => line.trim().split(/\s+/u))
      .filter((cols) => cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A') // 0A = LISTEN
      .map((cols) => cols[1]!.split(':')[0]);
    expect(listening).toEqual(['0100007F']); // 127.0.0.1, and nothing else
  });
});
