import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { providerConfigInputSchema, type DocumentDto, type Result } from '@contract';
import { createCore } from '../../src-main/core';
import { KeytarSecretStore } from '../../src-main/secrets/keytar-store';
import { startEmulator, type Emulator } from '../emulator';
import { cvAnswerJson } from '../helpers/cv-answer';
import { ex } from '../helpers/examples';
import { chatRequests, closedPort } from '../helpers/routing';
import { tempDir } from '../helpers/temp';

const ROOT = join(__dirname, '../..');

interface Serve {
  child: ChildProcess;
  call<T>(channel: string, input: unknown): Promise<Result<T>>;
}

/** The real `aditus serve` from the built app (npm run build runs before the tests), in its own process group. */
async function serve(dataDir: string): Promise<Serve> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/aditus.cjs'), '--data-dir', dataDir, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  const url = new URL(line);
  const port = Number(url.port);
  const token = /token=([\w-]+)/u.exec(url.hash)![1]!;
  const call = <T>(channel: string, input: unknown) =>
    new Promise<Result<T>>((resolve, reject) => {
      const body = JSON.stringify({ input });
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: `/ipc/${channel}`,
          method: 'POST',
          agent: false,
          headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'x-aditus-token': token },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Result<T>));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { child, call };
}

function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGKILL');
  });
}

const data = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
};

// A queued draft is durable: the host is killed (-9) while the task waits, the provider comes back, the host starts
// again, and the draft lands in its document from what the outbox stored (the whole request and where it goes).
describe('kill -9 while a draft is queued', () => {
  const dir = tempDir('aditus-kill9-queue-');
  const children: ChildProcess[] = [];
  let emulator: Emulator | null = null;
  afterEach(async () => {
    for (const child of children.splice(0)) await kill9(child);
    await emulator?.close();
    dir.cleanup();
  });

  it('runs on the next start and lands as a new version of the document', async () => {
    const port = await closedPort();
    const setup = createCore({ dataDir: dir.dir, secrets: new KeytarSecretStore(), log: () => {} });
    await setup.start();
    await setup.services.providers.create(
      providerConfigInputSchema.parse({
        name: 'local',
        kind: 'openai-compatible',
        model: 'llama3',
        baseUrl: `http://127.0.0.1:${port}/v1`,
        tasks: ['extraction', 'cv_draft', 'cover_letter', 'validation'],
        timeoutMs: 5_000,
        maxOutputTokens: 256,
      }),
      undefined,
      'test@kill9',
    );
    setup.close();

    const first = await serve(dir.dir);
    children.push(first.child);
    const candidate = data(
      await first.call<{ id: string }>('candidates:import', {
        file: { fileName: 'candidate.json', dataBase64: readFileSync(ex('candidate.json')).toString('base64') },
      }),
    );
    const job = data(
      await first.call<{ id: string }>('jobs:import', { text: readFileSync(ex('job-backend.txt'), 'utf8') }),
    );
    const generated = data(
      await first.call<{ queued?: { outboxId: string; message: string }; document: DocumentDto }>('drafts:generate', {
        kind: 'cv',
        candidateId: candidate.id,
        jobPostingId: job.id,
      }),
    );
    expect(generated.queued?.message).toBe('Queued: runs when a provider answers again.');
    expect(data(await first.call<{ id: string }[]>('outbox:list', {})).map((i) => i.id)).toEqual([
      generated.queued?.outboxId,
    ]);

    await kill9(first.child);
    emulator = await startEmulator({ port, openMode: true });
    emulator.pushReplies(cvAnswerJson({ 'work-0': ['Drafted after the restart'] }));

    const second = await serve(dir.dir);
    children.push(second.child);
    // The host drains the outbox as it starts; wait (bounded) until the draft has landed.
    let doc = generated.document;
    for (let i = 0; i < 200 && doc.versions.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      doc = data(await second.call<DocumentDto>('documents:get', { id: generated.document.id }));
    }
    expect(doc.versions.map((v) => v.providerName)).toEqual(['local']);
    expect(doc.versions[0]?.text).toMatch(/^# Lea Sørensen\n[\s\S]*- Drafted after the restart\n/u);
    expect(data(await second.call<unknown[]>('outbox:list', {}))).toEqual([]);
    expect(chatRequests(emulator)).toBe(1);
  });
});
