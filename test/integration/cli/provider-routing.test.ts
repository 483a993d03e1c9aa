import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerConfigInputSchema } from '@contract';
import { createCore } from '../../../src-main/core';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { MemorySecretStore } from '../../../src-main/secrets/memory-store';
import { startEmulator, type Emulator } from '../../emulator';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { cvAnswerJson } from '../../helpers/cv-answer';
import { draftCvArgs, ex } from '../../helpers/examples';

// `--provider NAME` picks among the providers routed to the task; it never sends a task to one an admin did not route there.
/** A chat request asking for a tailored CV (the CV prompt's system message says so). */
const isCvDraftRequest = (r: { body: unknown }): boolean =>
  JSON.stringify(r.body).includes('tailors CVs to job postings');

describe('aditus --provider respects task routing', () => {
  const data = tempDir();
  const secrets = new MemorySecretStore();
  let emulator: Emulator;
  const run = (args: string[]) => cli(['--data-dir', data.dir, ...args], { secrets });

  beforeAll(async () => {
    emulator = await startEmulator({ openMode: true });
    const core = createCore({ dataDir: data.dir, secrets, log: () => {} });
    const add = (name: string, tasks: string[], active = true) =>
      core.services.providers.create(
        providerConfigInputSchema.parse({
          name,
          kind: 'openai-compatible',
          model: 'gpt-4o-mini',
          baseUrl: `${emulator.url}/v1`,
          tasks,
          active,
          timeoutMs: 5_000,
          maxOutputTokens: 256,
        }),
        undefined,
        'test@cli',
      );
    await add('extractor', ['extraction']);
    await add('drafter', ['cv_draft']);
    await add('dormant', ['extraction', 'cv_draft'], false);
    core.close();
  });
  afterAll(async () => {
    await emulator.close();
    data.cleanup();
  });

  it('`extract --provider` with a provider not routed to extraction fails with an error naming both, and nothing is sent', async () => {
    const before = emulator.requests().length;
    const r = await run(['extract', '--provider', 'drafter', ex('job-backend.txt')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/"drafter" is not an active provider routed to extraction/u);
    expect(emulator.requests().length).toBe(before);
  });

  it('`draft cv --provider` with a provider routed only to extraction fails, and with an inactive one too', async () => {
    const out = join(data.dir, 'cv.md');
    for (const name of ['extractor', 'dormant']) {
      // The posting's fields are extracted as usual (by the provider routed to extraction) unless stored already.
      emulator.reset();
      emulator.pushReplies(JSON.stringify(extractJobFieldsOffline(readFileSync(ex('job-backend.txt'), 'utf8'))));
      const r = await run([...draftCvArgs(out), '--provider', name]);
      expect(r.code, r.stderr).not.toBe(0);
      expect(r.stderr).toContain(`"${name}" is not an active provider routed to cv_draft`);
      expect(emulator.requests().filter(isCvDraftRequest)).toEqual([]);
    }
  });

  it('`draft cv --provider` with the provider routed to cv_draft drafts with it', async () => {
    // The posting was stored with its fields by the drafts above: only the cv_draft call goes out.
    emulator.reset();
    emulator.pushReplies(cvAnswerJson({ 'work-0': ['Senior Backend Engineer'] }));
    const out = join(data.dir, 'cv-ok.md');
    const r = await run([...draftCvArgs(out), '--provider', 'drafter', '--no-validate']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^drafter /mu);
    expect(emulator.requests().filter(isCvDraftRequest)).toHaveLength(1);
  });

  it('`extract --provider` with the provider routed to extraction still works', async () => {
    const fields = extractJobFieldsOffline(readFileSync(ex('job-backend.txt'), 'utf8'));
    emulator.pushReplies(JSON.stringify(fields));
    const r = await run(['extract', '--provider', 'extractor', ex('job-backend.txt')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json<{ ok: boolean; providerName: string }>()).toMatchObject({ ok: true, providerName: 'extractor' });
  });
});
