import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentXml, minimalDocx } from '../../helpers/docx-files';
import { tempDir } from '../../helpers/temp';

const ROOT = join(__dirname, '../../..');

interface Reply {
  ok: boolean;
  error?: { code: string; message: string; details?: Record<string, unknown> };
}

function* paragraphs(count: number): Generator<string> {
  for (let index = 0; index < count; index += 1) yield `Paragraph ${index} of a very long CV`;
}

// The real `aditus serve` from the built app (npm run build runs before the tests), so PDF, DOCX and HTML are read
// by the bundled worker, out/main/document-worker.js, as in the desktop app and the CLI.
describe('aditus serve: reading untrusted files never stalls the host', () => {
  let child: ChildProcess;
  let port: number;
  let token: string;
  const data = tempDir();

  beforeAll(async () => {
    child = spawn(process.execPath, [join(ROOT, 'bin/aditus.cjs'), '--data-dir', data.dir, 'serve', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    const url = new URL(line);
    port = Number(url.port);
    token = /token=([\w-]+)/u.exec(url.hash)![1]!;
  });

  afterAll(() => {
    child.kill('SIGTERM');
    data.cleanup();
  });

  function call(channel: string, input: unknown): Promise<Reply> {
    const body = JSON.stringify({ input });
    return new Promise((resolve, reject) => {
      const headers = { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'x-aditus-token': token };
      // A fresh connection per call: a pooled keep-alive socket the server closes as the 5 MB upload starts is an EPIPE.
      const req = request(
        { host: '127.0.0.1', port, path: `/ipc/${channel}`, method: 'POST', headers, agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Reply));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  const upload = (fileName: string, bytes: Buffer) => ({ file: { fileName, dataBase64: bytes.toString('base64') } });

  it('ships the document worker beside the bundled entries', () => {
    expect(existsSync(join(ROOT, 'out/main/document-worker.js'))).toBe(true);
  });

  it('imports a one-line CV of 100,000 characters in well under 2 s (it took 42 s)', async () => {
    const started = performance.now();
    const reply = await call('candidates:import', upload('one-line.txt', Buffer.from('a'.repeat(100_000))));
    expect(reply.ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('answers other requests while a huge DOCX is read, then refuses it with a typed error', async () => {
    // 4 MB on the wire, 93 MB of XML inside: more than the worker's time or memory allows.
    const huge = minimalDocx(documentXml(paragraphs(1_500_000)));
    let importDone = false;
    const importing = call('candidates:import', upload('huge.docx', huge)).finally(() => {
      importDone = true;
    });

    const latencies: number[] = [];
    let answeredDuringImport = 0;
    while (!importDone) {
      const started = performance.now();
      const info = await call('app:info', {});
      latencies.push(performance.now() - started);
      expect(info.ok).toBe(true);
      if (!importDone) answeredDuringImport += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    expect(await importing).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: { reason: 'input_too_complex', fileName: 'huge.docx' } },
    });
    expect(answeredDuringImport).toBeGreaterThan(3);
    expect(Math.max(...latencies)).toBeLessThan(1_000);
  });

  it('refuses an image that is not what its name says and an 18 MB posting, naming the file and the limit', async () => {
    expect(await call('jobs:import', upload('posting.png', Buffer.from('GIF89a not a png')))).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'posting.png: is named .png but is not a PNG image',
        details: { reason: 'input_type_mismatch' },
      },
    });
    expect(await call('jobs:import', upload('posting.txt', Buffer.alloc(18 * 1024 * 1024, 'a')))).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'posting.txt: is 18 MB; a .txt file may be at most 2 MB',
        details: { reason: 'input_too_large' },
      },
    });
  });
});
