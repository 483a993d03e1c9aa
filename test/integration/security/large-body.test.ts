import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../src-main/web-host/server';
import { testCore, type TestCore } from '../../helpers/core';

const MB = 1024 * 1024;

/** POSTs `size` bytes to an IPC channel in 1 MB writes: with a Content-Length, or chunked. */
function postLarge(
  host: WebHost,
  size: number,
  chunked: boolean,
  close = false,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      host: `127.0.0.1:${host.port}`,
      'content-type': 'application/json',
      'x-aditus-token': host.token,
    };
    if (!chunked) headers['content-length'] = String(size);
    if (close) headers.connection = 'close';
    const req = request(
      { host: '127.0.0.1', port: host.port, path: '/ipc/app:info', method: 'POST', headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    const block = Buffer.alloc(MB, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += MB;
        if (!req.write(block)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('web host: bodies over the cap', () => {
  let t: TestCore;
  let host: WebHost;
  beforeAll(async () => {
    t = testCore();
    await t.core.start();
    host = await startWebHost({ core: t.core, rendererDir: t.dataDir });
  });
  afterAll(async () => {
    await host.close();
    t.cleanup();
  });

  it('answers a 50 MB body with a Content-Length with 413 and a JSON error, not a reset', async () => {
    const res = await postLarge(host, 50 * MB, false);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: expect.stringContaining('too large') });
  }, 30_000);

  it('answers a 50 MB chunked body with 413 once it passes the cap', async () => {
    const res = await postLarge(host, 50 * MB, true);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: expect.stringContaining('too large') });
  }, 30_000);

  it('answers 413 to a client that asked for Connection: close (both kinds of body)', async () => {
    for (const chunked of [false, true]) {
      const res = await postLarge(host, 50 * MB, chunked, true);
      expect(res.status).toBe(413);
    }
  }, 30_000);

  it('still answers a normal call afterwards', async () => {
    const res = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/ipc/app:info',
          method: 'POST',
          headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', 'x-aditus-token': host.token },
        },
        (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ input: {} }));
    });
    expect(res).toBe(200);
  });
});
