import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

/** A draft claiming an employer and a degree the candidate's source does not have. */
const INVENTED =
  '# Lea Sørensen\n\n## Experience\n\n### Principal Engineer, Initech Global Holdings (2009 – 2015)\n\n- Led 40 engineers.\n\n## Education\n\nPhD Computer Science, Stanford University (2008)\n';
/** The same inventions as an AI CV answer: cited under a real entry, but stated in the bullets' prose. */
const INVENTED_ANSWER = cvAnswerJson({
  'work-0': ['Principal Engineer at Initech Global Holdings from 2009 to 2015, leading 40 engineers'],
  'education-0': ['PhD Computer Science, Stanford University (2008)'],
});

describe('aditus validate / draft exit codes', () => {
  const data = tempDir();
  const secrets = new MemorySecretStore();
  let emulator: Emulator;
  const run = (args: string[]) => cli(['--data-dir', data.dir, ...args], { secrets });
  const fields = () => JSON.stringify(extractJobFieldsOffline(readFileSync(ex('job-backend.txt'), 'utf8')));

  beforeAll(async () => {
    emulator = await startEmulator({ openMode: true });
    const core = createCore({ dataDir: data.dir, secrets, log: () => {} });
    await core.services.providers.create(
      providerConfigInputSchema.parse({
        name: 'inventive',
        kind: 'openai-compatible',
        model: 'gpt-4o-mini',
        baseUrl: `${emulator.url}/v1`,
        tasks: ['extraction', 'cv_draft'],
        timeoutMs: 5_000,
        maxOutputTokens: 256,
      }),
      undefined,
      'test@cli',
    );
    core.close();
  });
  afterAll(async () => {
    await emulator.close();
    data.cleanup();
  });

  it('`validate` exits 1 when a finding has severity error, and says so in --help', async () => {
    const cv = join(data.dir, 'invented.md');
    writeFileSync(cv, INVENTED);
    const r = await run(['validate', '--cv', cv, '--job', ex('job-backend.txt'), '--candidate', ex('candidate.json')]);
    expect(r.stdout).toMatch(/ERROR/u);
    expect(r.code).toBe(1);
    const json = await run([
      'validate',
      '--cv',
      cv,
      '--job',
      ex('job-backend.txt'),
      '--candidate',
      ex('candidate.json'),
      '--json',
    ]);
    expect(json.code).toBe(1);
    expect(json.json<{ findings: { severity: string }[] }>().findings.some((f) => f.severity === 'error')).toBe(true);
    const help = await run(['validate', '--help']);
    expect(help.stdout).toMatch(/Exit status:[\s\S]*1\s+at least one finding has severity error/u);
  });

  it('`draft` validates what it wrote: findings on stderr, exit 1 on error findings, the file written anyway', async () => {
    emulator.pushReplies(fields(), INVENTED_ANSWER);
    const out = join(data.dir, 'cv.md');
    const r = await run([...draftCvArgs(out)]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/Score: \d+\/100/u);
    expect(r.stderr).toMatch(/ERROR/u);
    expect(r.stderr).toMatch(/written anyway/u);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('Initech');
  });

  it('`draft --no-validate` skips the check and exits 0', async () => {
    emulator.pushReplies(fields(), INVENTED_ANSWER);
    const out = join(data.dir, 'cv-unchecked.md');
    const r = await run([...draftCvArgs(out), '--no-validate']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/Score:/u);
    expect(existsSync(out)).toBe(true);
    const help = await run(['draft', 'cv', '--help']);
    expect(help.stdout).toContain('--no-validate');
  });
});
