import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../src-main/web-host/server';
import { testCore, type TestCore } from '../../helpers/core';
import { ELF_BYTES } from '../../helpers/bad-files';

interface Reply {
  ok: boolean;
  error?: { code: string; message: string; details?: Record<string, unknown> };
}

// The web host's IPC, as the browser UI calls it: files that are not what their names say are refused by name.
describe('web host: binary, empty and mis-named files are refused with a message naming the file', () => {
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

  function call(channel: string, input: unknown): Promise<Reply> {
    const body = JSON.stringify({ input });
    return new Promise((resolve, reject) => {
      const headers = {
        host: `127.0.0.1:${host.port}`,
        'content-type': 'application/json',
        'x-aditus-token': host.token,
      };
      const req = request(
        { host: '127.0.0.1', port: host.port, path: `/ipc/${channel}`, method: 'POST', headers, agent: false },
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

  it('refuses an ELF program renamed .md as a candidate and as a posting; nothing is stored', async () => {
    for (const channel of ['candidates:import', 'jobs:import']) {
      const reply = await call(channel, upload('cv.md', ELF_BYTES));
      expect(reply.ok).toBe(false);
      expect(reply.error?.code).toBe('invalid_input');
      expect(reply.error?.message).toBe('cv.md: is named .md but holds an executable program (ELF), not text');
      expect(reply.error?.details?.reason).toBe('input_type_mismatch');
    }
    const candidates = await call('candidates:list', {});
    expect(JSON.stringify(candidates)).not.toContain('ELF');
  });

  it('refuses an empty file by name instead of "file.dataBase64: Too small"', async () => {
    const candidate = await call('candidates:import', upload('empty-cv.docx', Buffer.alloc(0)));
    expect(candidate.error?.message).toBe('empty-cv.docx: is empty (0 bytes)');
    const posting = await call('jobs:import', upload('posting.txt', Buffer.alloc(0)));
    expect(posting.error?.message).toBe('posting.txt: is empty (0 bytes)');
  });

  it('refuses a text file renamed .pdf, and a file over the documented size for its type', async () => {
    const fake = await call('jobs:import', upload('posting.pdf', Buffer.from('Senior Engineer at Acme')));
    expect(fake.error?.message).toBe('posting.pdf: is named .pdf but is not a PDF (it has no PDF header)');
    const big = await call('candidates:import', upload('cv.md', Buffer.alloc(3 * 1024 * 1024, 0x61)));
    expect(big.error?.message).toBe('cv.md: is 3 MB; a .md file may be at most 2 MB');
    expect(big.error?.details?.reason).toBe('input_too_large');
  });
});
