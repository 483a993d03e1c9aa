import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '@contract';
import { cli } from '../../helpers/cli';
import { ex } from '../../helpers/examples';
import { closedPort, routingWorld, type RoutingWorld } from '../../helpers/routing';

const NAME = 'Zephyrine Quillfeather';
const EMAIL = 'zephyrine.q@erasure-fixture.example';
const CV = `# ${NAME}
${EMAIL} · +44 20 7946 0958

## Experience
### Senior Backend Engineer, Marlowe Freight Ltd (2019 – present)
- Built the TypeScript and PostgreSQL services behind Zephyrine's parcel tracking, 40 million events a day
- Led the move to Kubernetes for the ${NAME} platform team

## Education
### BSc Computer Science, University of Leeds (2012 – 2015)
`;

/** Every file under the data folder (database, WAL, shared memory, journals, temp files, logs). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const holding = (dir: string, needle: string): string[] =>
  filesUnder(dir).filter((f) => readFileSync(f).includes(Buffer.from(needle, 'utf8')));

describe('aditus candidates|jobs|documents: show, rename, delete and erase', () => {
  let w: RoutingWorld;
  afterEach(async () => w.close());

  const run = (args: string[]) => cli(['--data-dir', w.dataDir, ...args], { secrets: w.secrets, clock: w.clock });
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await w.core.dispatch(channel, input, w.core.localSession('cli'));
    if (!result.ok) throw new Error(result.error.message);
    return result.data as ChannelOutput<C>;
  };

  /** A candidate with two drafts (several versions, autosaves, a validation) and a queued draft task. */
  async function candidateWithHistory() {
    const cvFile = join(w.dataDir, 'cv-upload.md');
    writeFileSync(cvFile, CV);
    const imported = await call('candidates:import', {
      file: { fileName: 'cv-upload.md', dataBase64: readFileSync(cvFile).toString('base64') },
    });
    if ('duplicate' in imported) throw new Error('expected a new candidate');
    const candidate = imported;
    const job = await call('jobs:import', {
      file: { fileName: 'job.txt', dataBase64: readFileSync(ex('job-backend.txt')).toString('base64') },
    });
    if ('duplicate' in job) throw new Error('expected a new posting');
    const cv = await call('drafts:generate', { kind: 'cv', candidateId: candidate.id, jobPostingId: job.id });
    if ('queued' in cv) throw new Error('expected an offline draft');
    for (const n of [1, 2, 3]) await call('documents:autosave', { id: cv.document.id, text: `${NAME} edit ${n}` });
    await call('documents:save-version', { id: cv.document.id, text: `${NAME}, ${EMAIL}: saved` });
    await call('drafts:validate', { documentId: cv.document.id });
    const letter = await call('drafts:generate', {
      kind: 'cover_letter',
      candidateId: candidate.id,
      jobPostingId: job.id,
    });
    if ('queued' in letter) throw new Error('expected an offline draft');
    // Every provider offline: the next draft waits in the outbox, its prompt holding the candidate's facts.
    await w.addProvider('local', `http://127.0.0.1:${await closedPort()}/v1`);
    const queued = await call('drafts:generate', {
      kind: 'cv',
      candidateId: candidate.id,
      jobPostingId: job.id,
      documentId: cv.document.id,
    });
    expect('queued' in queued).toBe(true);
    await w.core.services.audit.settled();
    return { candidate, job, cv: cv.document, letter: letter.document };
  }

  it('delete needs --yes and says what goes; rename and delete are audited with ids only', async () => {
    w = await routingWorld(0);
    const { candidate, job, letter } = await candidateWithHistory();
    w.core.close();

    const list = await run(['candidates', 'list']);
    expect(list.stdout).toContain(EMAIL);
    expect(list.stdout).toContain('cv-upload.md');

    const asked = await run(['candidates', 'delete', candidate.id]);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toMatch(
      /Nothing was changed\. Delete .*\(Zephyrine Quillfeather\)\? 2 documents \(\d+ versions\) go too, and 1 queued task\. Run again with --yes/u,
    );

    const renamed = await run(['--json', 'jobs', 'rename', job.id, 'Platform engineer (Leeds)']);
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(renamed.json<{ title: string }>().title).toBe('Platform engineer (Leeds)');
    expect((await run(['jobs', 'list'])).stdout).toContain('Platform engineer (Leeds)');

    const docRename = await run(['documents', 'rename', letter.id, 'Letter for the Leeds role']);
    expect(docRename.code, docRename.stderr).toBe(0);
    const docDelete = await run(['--json', 'documents', 'delete', letter.id, '--yes']);
    expect(docDelete.code, docDelete.stderr).toBe(0);
    expect(docDelete.json<{ removed: { documents: number } }>().removed.documents).toBe(1);
    expect((await run(['documents', 'show', letter.id])).code).toBe(1);

    const shown = await run(['candidates', 'show', candidate.id]);
    expect(shown.stdout).toMatch(/delete: 1 document \(\d+ versions\) goes too, and 1 queued task\./u);
    const deleted = await run(['--json', 'candidates', 'delete', candidate.id, '--yes']);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.json<{ removed: { documents: number; queuedTasks: number } }>().removed).toMatchObject({
      documents: 1,
      queuedTasks: 1,
    });
    expect((await run(['--json', 'candidates', 'list'])).json<unknown[]>()).toEqual([]);
    expect((await run(['--json', 'queue', 'list'])).json<unknown[]>()).toEqual([]);
    // The posting stays; its documents went with the candidate.
    expect((await run(['--json', 'jobs', 'list'])).json<unknown[]>()).toHaveLength(1);

    // The same text as the stored posting: a second one only with --as-new.
    const imported = await run(['--json', 'jobs', 'import', ex('job-backend.txt'), '--as-new']);
    expect(imported.code, imported.stderr).toBe(0);
    expect((await run(['jobs', 'list'])).stdout).toContain('job-backend.txt');
    const jobGone = await run(['jobs', 'delete', job.id, '--yes']);
    expect(jobGone.stdout).toMatch(/^Deleted /u);
    expect((await run(['--json', 'jobs', 'list'])).json<{ id: string }[]>().map((j) => j.id)).toEqual([
      imported.json<{ id: string }>().id,
    ]);

    const db = new Database(join(w.dataDir, 'aditus.db'), { readonly: true });
    const audit = db
      .prepare(
        "SELECT action, target, after FROM audit_log WHERE action NOT LIKE 'provider%' AND action != 'candidate.data_sent' ORDER BY id",
      )
      .all();
    // Where the drafts' candidate data went is audited too, by id only.
    const sent = db.prepare("SELECT target, after FROM audit_log WHERE action = 'candidate.data_sent'").all() as {
      target: string;
      after: string;
    }[];
    db.close();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((s) => s.target === candidate.id)).toBe(true);
    expect(JSON.stringify(sent)).not.toContain('Zephyrine');
    expect(audit).toEqual([
      { action: 'job_posting.rename', target: job.id, after: null },
      { action: 'document.rename', target: letter.id, after: null },
      expect.objectContaining({ action: 'document.delete', target: letter.id }),
      expect.objectContaining({ action: 'candidate.delete', target: candidate.id }),
      expect.objectContaining({ action: 'job_posting.delete', target: job.id }),
    ]);
    expect(JSON.stringify(audit)).not.toContain('Zephyrine');
  });

  it('erase: no byte of the name or email is left in the database, WAL, journals or the log', async () => {
    w = await routingWorld(0);
    const { candidate } = await candidateWithHistory();
    w.core.close();
    expect(holding(w.dataDir, EMAIL).length).toBeGreaterThan(0);
    await run(['candidates', 'rename', candidate.id, `${NAME}-Okafor`]);

    const asked = await run(['candidates', 'erase', candidate.id]);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toMatch(/Erase .*\? 2 documents/u);

    const erased = await run(['--json', 'candidates', 'erase', candidate.id, '--yes']);
    expect(erased.code, erased.stderr).toBe(0);
    expect(erased.json()).toMatchObject({
      erased: true,
      walTruncated: true,
      removed: { documents: 2, queuedTasks: 1 },
    });

    // The upload file written for the test is not the app's; everything else in the folder is (logs/aditus.log too).
    const leftovers = (needle: string) => holding(w.dataDir, needle).filter((f) => !f.endsWith('cv-upload.md'));
    expect(leftovers(NAME.split(' ')[1] ?? '')).toEqual([]);
    expect(leftovers(EMAIL)).toEqual([]);
    expect(leftovers('erasure-fixture')).toEqual([]);
    expect((await run(['candidates', 'show', candidate.id])).code).toBe(1);
  });

  it('an erase that fails at its last step (the audit entry) leaves everything as it was: one transaction', async () => {
    w = await routingWorld(0);
    const { candidate, cv } = await candidateWithHistory();
    const before = await call('candidates:dependents', { id: candidate.id });
    const audit = w.core.services.audit;
    const append = audit.append.bind(audit);
    audit.append = (entry) => {
      if (entry.action === 'candidate.erase') throw new Error('disk gone');
      return append(entry);
    };
    const failed = await w.core.dispatch('candidates:erase', { id: candidate.id }, w.core.localSession('cli'));
    expect(failed.ok).toBe(false);
    audit.append = append;
    expect(await call('candidates:dependents', { id: candidate.id })).toEqual(before);
    expect((await call('documents:get', { id: cv.id })).versions.length).toBe(before.versions - 1);
    expect(await call('candidates:get', { id: candidate.id })).toMatchObject({ email: EMAIL });
  });

  it('an erase killed with SIGKILL before its commit leaves everything; run again, it erases', async () => {
    w = await routingWorld(0);
    const { candidate } = await candidateWithHistory();
    const before = await call('candidates:dependents', { id: candidate.id });
    w.core.close();
    const child = spawn(
      process.execPath,
      ['--require', 'tsx/cjs', join(__dirname, '../../fixtures/drafting/erase-and-hang.ts'), w.dataDir, candidate.id],
      { cwd: join(__dirname, '../../..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString('utf8').includes('inside') && resolve());
      child.once('exit', () => reject(new Error(`the child ended before the erase: ${err.slice(0, 500)}`)));
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const shown = await run(['--json', 'candidates', 'show', candidate.id]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.json<{ email: string; dependents: unknown }>()).toMatchObject({ email: EMAIL, dependents: before });
    const erased = await run(['--json', 'candidates', 'erase', candidate.id, '--yes']);
    expect(erased.code, erased.stderr).toBe(0);
    expect(holding(w.dataDir, EMAIL).filter((f) => !f.endsWith('cv-upload.md'))).toEqual([]);
  });
});
