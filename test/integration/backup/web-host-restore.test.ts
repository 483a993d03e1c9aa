import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../../src-main/core';
import { MemorySecretStore } from '../../../src-main/secrets/memory-store';
import { reopenAfterRestore } from '../../../src-main/runtime/reopen-after-restore';
import { startWebHost, type WebHost } from '../../../src-main/web-host/server';
import { ADMIN_PASSWORD, totpCode } from '../../helpers/admin';
import { ex } from '../../helpers/examples';
import { tempDir } from '../../helpers/temp';

interface Reply<T = unknown> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string };
}

// The web host as the Settings page uses it: a restore switches the running host to the restored database.
describe('web host: restore from an uploaded backup while the UI keeps calling', () => {
  const data = tempDir();
  const options: CoreOptions = { dataDir: data.dir, secrets: new MemorySecretStore(), log: () => undefined };
  const cores: Core[] = [];
  let host: WebHost;

  const open = async (): Promise<Core> => {
    const core = createCore(options);
    cores.push(core);
    await core.start();
    return core;
  };

  beforeAll(async () => {
    host = await startWebHost({
      core: await open(),
      rendererDir: data.dir,
      reopenAfterRestore: (current) => reopenAfterRestore(current, open),
    });
  });
  afterAll(async () => {
    await host.close();
    cores.at(-1)?.close();
    data.cleanup();
  });

  function call<T>(channel: string, input: unknown): Promise<Reply<T>> {
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
          res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Reply<T>));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ input }));
    });
  }
  async function ok<T>(channel: string, input: unknown): Promise<T> {
    const reply = await call<T>(channel, input);
    if (!reply.ok) throw new Error(`${channel}: ${reply.error?.message}`);
    return reply.data as T;
  }

  it('restores: the deleted candidate is back, calls made during the switch all succeed', async () => {
    const { secret } = await ok<{ secret: string }>('admin:setup', { password: ADMIN_PASSWORD });
    await ok('admin:unlock', { password: ADMIN_PASSWORD, code: totpCode(secret, Date.now()) });
    const upload = (name: string) => ({
      file: { fileName: name, dataBase64: readFileSync(ex(name)).toString('base64') },
    });
    const lea = await ok<{ id: string }>('candidates:import', upload('candidate.json'));
    // A second, different person (the example CV is the same person as candidate.json: a duplicate).
    const bo =
      '# Bo Lindqvist\nbo.lindqvist@example.com · Leeds\n\n## Experience\n\n### Engineer — Marlowe Freight\n2019 – Present\n';
    await ok('candidates:import', { file: { fileName: 'bo.md', dataBase64: Buffer.from(bo).toString('base64') } });

    const backup = await ok<{ fileName: string; dataBase64: string; report: { counts: { candidates: number } } }>(
      'backup:download',
      {},
    );
    expect(backup.report.counts.candidates).toBe(2);
    await ok('candidates:delete', { id: lea.id });
    expect(await ok<unknown[]>('candidates:list', {})).toHaveLength(1);

    const verified = await ok<{ counts: { candidates: number } }>('backup:verify', {
      file: { fileName: backup.fileName, dataBase64: backup.dataBase64 },
    });
    expect(verified.counts.candidates).toBe(2);

    // The restore and, around it, the list calls a busy UI makes: none lands on a closed database.
    const restoring = call<{ replacedName: string }>('backup:restore', {
      file: { fileName: backup.fileName, dataBase64: backup.dataBase64 },
    });
    const around = Array.from({ length: 8 }, () => call<unknown[]>('candidates:list', {}));
    const [restored, ...lists] = await Promise.all([restoring, ...around]);
    expect(restored.ok, restored.error?.message).toBe(true);
    expect(restored.data?.replacedName).toMatch(/^aditus\.db\.replaced-/u);
    for (const list of lists) expect(list.ok, list.error?.message).toBe(true);
    expect(cores).toHaveLength(2);

    const after = await ok<{ id: string }[]>('candidates:list', {});
    expect(after.map((c) => c.id)).toContain(lea.id);
    const audit = await ok<{ action: string }[]>('audit:list', { limit: 20 });
    expect(audit.map((r) => r.action)).toContain('backup.restored');
    expect((await ok<{ ok: boolean; message: string }>('audit:verify', {})).ok).toBe(true);
  });

  it('refuses a file that is not a backup, and the host keeps serving the same database', async () => {
    const before = await ok<unknown[]>('candidates:list', {});
    const reply = await call('backup:restore', {
      file: { fileName: 'notes.db', dataBase64: Buffer.from('just some text, not a database').toString('base64') },
    });
    expect(reply.ok).toBe(false);
    expect(reply.error?.message).toBe('notes.db is not an Aditus backup: it is not a SQLite database.');
    expect(await ok<unknown[]>('candidates:list', {})).toHaveLength(before.length);
    expect(cores).toHaveLength(2);
  });
});
