import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '@contract';
import { cli } from '../../helpers/cli';
import { ex } from '../../helpers/examples';
import { routingWorld, type RoutingWorld } from '../../helpers/routing';
import { tempDir } from '../../helpers/temp';
import { FIXTURES } from '../../unit/drafting/helpers';

const LEA_CV = readFileSync(ex('candidate-cv.md'), 'utf8');
/** Lea again in another file: her name without the ø and in capitals, her email in capitals, one line more. */
const LEA_AGAIN = LEA_CV.replace('# Lea Sørensen', '# LEA SORENSEN')
  .replace('lea.sorensen@example.com', 'Lea.Sorensen@EXAMPLE.com')
  .concat('\nAvailable from March.\n');
const DOCX = join(FIXTURES, 'candidates', 'docx-career-changer.docx');

interface Manifest {
  candidate: { id: string; name: string; importedAt: string };
  source: { file: string; original: boolean; fileName: string | null };
  documents: {
    id: string;
    kind: string;
    draft: string | null;
    versions: { version: number; file: string; createdAt: string; origin: string; providerName: string | null }[];
  }[];
}

describe('aditus candidates import (duplicates) and export (all of a candidate’s data)', () => {
  let w: RoutingWorld;
  afterEach(async () => w.close());

  const run = (args: string[]) => cli(['--data-dir', w.dataDir, ...args], { secrets: w.secrets, clock: w.clock });
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await w.core.dispatch(channel, input, w.core.localSession('cli'));
    if (!result.ok) throw new Error(result.error.message);
    return result.data as ChannelOutput<C>;
  };
  const file = (name: string, text: string) => {
    const path = join(w.dataDir, name);
    writeFileSync(path, text);
    return path;
  };
  const listed = async () => (await run(['candidates', 'list', '--json'])).json<{ id: string; name: string }[]>();
  const auditRows = (action: string) => {
    const db = new Database(join(w.dataDir, 'aditus.db'), { readonly: true });
    try {
      return db.prepare('SELECT actor, target, before, after FROM audit_log WHERE action = ?').all(action) as {
        target: string;
        before: string | null;
        after: string | null;
      }[];
    } finally {
      db.close();
    }
  };

  it('the same file or the same person is named and not imported again unless --as-new or --replace ID', async () => {
    w = await routingWorld(0);
    const cv = file('lea.md', LEA_CV);
    const first = await run(['candidates', 'import', cv, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const lea = first.json<{ id: string }>();

    // The same file, under another name: exit 4, the stored candidate named, nothing stored.
    const copy = file('copy-of-lea.md', LEA_CV);
    const again = await run(['candidates', 'import', copy]);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain(
      `is the same file (identical text) and the same person (name and email) as candidate ${lea.id}`,
    );
    expect(again.stderr).toContain('Lea Sørensen, lea.sorensen@example.com, from lea.md, imported 2026-01-15');
    expect(again.stderr).toContain('--as-new');
    expect(again.stderr).toContain(`--replace ${lea.id}`);
    expect(await listed()).toHaveLength(1);

    // The same person in another file (name and email in other case, without the diacritic): --json names why.
    const other = file('lea-2027.md', LEA_AGAIN);
    const person = await run(['candidates', 'import', other, '--json']);
    expect(person.code).toBe(4);
    expect(person.json()).toEqual({
      duplicate: {
        id: lea.id,
        name: 'Lea Sørensen',
        email: 'lea.sorensen@example.com',
        sourceFileName: 'lea.md',
        createdAt: w.clock.now(),
        reasons: ['same_person'],
      },
    });
    expect(await listed()).toHaveLength(1);

    // Another person is no duplicate.
    const ana = await run(['candidates', 'import', file('ana.md', LEA_CV.replaceAll('Lea Sørensen', 'Ana Pérez'))]);
    expect(ana.code, ana.stderr).toBe(0);

    const asNew = await run(['candidates', 'import', copy, '--as-new', '--json']);
    expect(asNew.code, asNew.stderr).toBe(0);
    expect(asNew.json<{ id: string }>().id).not.toBe(lea.id);
    expect(await listed()).toHaveLength(3);

    expect((await run(['candidates', 'import', copy, '--as-new', '--replace', lea.id])).code).toBe(2);
    const unknown = await run(['candidates', 'import', other, '--replace', 'no-such-id']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/That candidate does not exist/u);
  });

  it('a job posting with the same text is named and not stored again unless --as-new; `draft` reuses it', async () => {
    w = await routingWorld(0);
    const first = await run(['jobs', 'import', ex('job-backend.txt'), '--json']);
    expect(first.code, first.stderr).toBe(0);
    const job = first.json<{ id: string }>();
    const again = await run(['jobs', 'import', file('same-posting.txt', readFileSync(ex('job-backend.txt'), 'utf8'))]);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain(`same-posting.txt has the same text as posting ${job.id}`);
    expect(again.stderr).toContain('--as-new');
    const postings = async () => (await run(['jobs', 'list', '--json'])).json<{ id: string }[]>();
    expect(await postings()).toHaveLength(1);

    const drafted = await run([
      'draft',
      'cv',
      '--candidate',
      file('lea.md', LEA_CV),
      '--job',
      ex('job-backend.txt'),
      '--out',
      join(w.dataDir, 'cv.md'),
    ]);
    expect(drafted.code, drafted.stderr).toBe(0);
    expect(await postings()).toHaveLength(1);
    expect((await call('documents:list', {})).map((d) => d.jobPostingId)).toEqual([job.id]);

    const asNew = await run(['jobs', 'import', ex('job-backend.txt'), '--as-new', '--json']);
    expect(asNew.code, asNew.stderr).toBe(0);
    expect(await postings()).toHaveLength(2);
  });

  it('--replace keeps the candidate’s id, import date and documents, takes the new record and source, audited by id', async () => {
    w = await routingWorld(0);
    const lea = await call('candidates:import', {
      file: { fileName: 'lea.md', dataBase64: Buffer.from(LEA_CV).toString('base64') },
    });
    if ('duplicate' in lea) throw new Error('expected a new candidate');
    // `draft cv` with the same file drafts for the stored candidate instead of importing it again.
    const drafted = await run([
      'draft',
      'cv',
      '--candidate',
      file('lea-copy.md', LEA_CV),
      '--job',
      ex('job-backend.txt'),
      '--out',
      join(w.dataDir, 'cv.md'),
    ]);
    expect(drafted.code, drafted.stderr).toBe(0);
    expect(await listed()).toHaveLength(1);
    const [document] = await call('documents:list', { candidateId: lea.id });
    expect(document).toBeDefined();

    w.clock.advance(86_400_000);
    const replaced = await run(['candidates', 'import', file('lea-2027.md', LEA_AGAIN), '--replace', lea.id, '--json']);
    expect(replaced.code, replaced.stderr).toBe(0);
    const stored = await call('candidates:get', { id: lea.id });
    expect(stored).toMatchObject({
      id: lea.id,
      name: 'LEA SORENSEN',
      sourceFileName: 'lea-2027.md',
      createdAt: lea.createdAt,
    });
    expect(stored.sourceText).toContain('Available from March.');
    expect((await call('documents:list', { candidateId: lea.id })).map((d) => d.id)).toEqual([document!.id]);
    await w.core.services.audit.settled();
    const audit = auditRows('candidate.replace');
    expect(audit.map((r) => [r.target, r.before, r.after])).toEqual([[lea.id, null, null]]);
    expect(JSON.stringify(audit)).not.toMatch(/sorensen|Lea/iu);
  });

  it('exports one candidate as a zip: resume.json, the source file byte for byte, every version, a manifest', async () => {
    w = await routingWorld(0);
    const docx = readFileSync(DOCX);
    const imported = await run(['candidates', 'import', DOCX, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const amara = imported.json<{ id: string; name: string }>();
    const job = await call('jobs:import', { text: readFileSync(ex('job-backend.txt'), 'utf8') });
    if ('duplicate' in job) throw new Error('expected a new posting');
    const cv = await call('drafts:generate', { kind: 'cv', candidateId: amara.id, jobPostingId: job.id });
    const letter = await call('drafts:generate', { kind: 'cover_letter', candidateId: amara.id, jobPostingId: job.id });
    if ('queued' in cv || 'queued' in letter) throw new Error('expected offline drafts');
    await call('documents:save-version', { id: cv.document.id, text: '# Amara Okafor\n\nEdited by hand.' });
    await call('documents:autosave', { id: cv.document.id, text: '# Amara Okafor\n\nStill typing' });

    const out = join(w.dataDir, 'exports', 'amara.zip');
    mkdirSync(join(w.dataDir, 'exports'));
    const exported = await run(['candidates', 'export', amara.id, '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(`Wrote ${out}`);
    expect(readdirSync(join(w.dataDir, 'exports'))).toEqual(['amara.zip']);

    const zip = unzipSync(readFileSync(out));
    const cvFolder = Object.keys(zip)
      .find((name) => /^documents\/\d\d-cv-/u.test(name))!
      .replace(/\/[^/]+$/u, '');
    const letterFolder = Object.keys(zip)
      .find((name) => /^documents\/\d\d-cover_letter-/u.test(name))!
      .replace(/\/[^/]+$/u, '');
    expect(Object.keys(zip).sort()).toEqual(
      [
        'manifest.json',
        'resume.json',
        'source/docx-career-changer.docx',
        `${cvFolder}/v1.md`,
        `${cvFolder}/v2.md`,
        `${cvFolder}/draft.md`,
        `${letterFolder}/v1.md`,
      ].sort(),
    );
    expect(Buffer.from(zip['source/docx-career-changer.docx']!).equals(docx)).toBe(true);
    const resume = JSON.parse(strFromU8(zip['resume.json']!)) as { basics: { name: string } };
    expect(resume.basics.name).toBe('Amara Okafor');
    expect(strFromU8(zip[`${cvFolder}/v1.md`]!)).toBe(cv.document.versions[0]!.text);
    expect(strFromU8(zip[`${cvFolder}/v2.md`]!)).toBe('# Amara Okafor\n\nEdited by hand.');
    expect(strFromU8(zip[`${cvFolder}/draft.md`]!)).toBe('# Amara Okafor\n\nStill typing');
    expect(strFromU8(zip[`${letterFolder}/v1.md`]!)).toBe(letter.document.versions[0]!.text);

    const manifest = JSON.parse(strFromU8(zip['manifest.json']!)) as Manifest;
    expect(manifest.candidate).toMatchObject({
      id: amara.id,
      name: 'Amara Okafor',
      importedAt: '2026-01-15T12:00:00.000Z',
    });
    expect(manifest.source).toMatchObject({ file: 'source/docx-career-changer.docx', original: true });
    const cvEntry = manifest.documents.find((d) => d.id === cv.document.id)!;
    expect(cvEntry.draft).toBe(`${cvFolder}/draft.md`);
    expect(cvEntry.versions.map((v) => [v.version, v.file, v.origin, v.providerName])).toEqual([
      [1, `${cvFolder}/v1.md`, 'generated', cv.document.versions[0]!.providerName],
      [2, `${cvFolder}/v2.md`, 'edited', null],
    ]);
    expect(manifest.documents.find((d) => d.id === letter.document.id)!.versions).toHaveLength(1);

    await w.core.services.audit.settled();
    expect(auditRows('candidate.export').map((r) => r.target)).toEqual([amara.id]);
  });

  it('refuses an unknown id and an unwritable path, leaving nothing half-written', async () => {
    w = await routingWorld(0);
    const imported = await run(['candidates', 'import', file('lea.md', LEA_CV), '--json']);
    const { id } = imported.json<{ id: string }>();

    const unknown = await run(['candidates', 'export', 'no-such-id', '--out', join(w.dataDir, 'x.zip'), '--json']);
    expect(unknown.code).toBe(1);
    expect(unknown.json()).toMatchObject({ error: { code: 'not_found' } });
    expect(existsSync(join(w.dataDir, 'x.zip'))).toBe(false);

    const missingFolder = await run([
      'candidates',
      'export',
      id,
      '--out',
      join(w.dataDir, 'no-folder', 'x.zip'),
      '--json',
    ]);
    expect(missingFolder.code).toBe(1);
    expect(missingFolder.stderr).toContain('cannot be written (ENOENT); nothing was written.');
    expect(missingFolder.json()).toMatchObject({ error: { code: 'storage_error' } });

    // A folder where the zip should go: the whole file is written aside, the rename fails, and the part is removed.
    const target = join(w.dataDir, 'out');
    mkdirSync(join(target, 'taken.zip'), { recursive: true });
    const onFolder = await run(['candidates', 'export', id, '--out', join(target, 'taken.zip')]);
    expect(onFolder.code).toBe(1);
    expect(onFolder.stderr).toMatch(/taken\.zip: cannot be written \(E[A-Z]+\); nothing was written\./u);
    expect(readdirSync(target)).toEqual(['taken.zip']);
  });

  it('an erase leaves no byte of the stored source file, also where an earlier page split left a copy', async () => {
    w = await routingWorld(0);
    const uploads = tempDir();
    try {
      const cv = (name: string, email: string) =>
        `# ${name}\n${email} · Leeds, United Kingdom\n\n## Experience\n\n### Backend Engineer — Marlowe Freight\n2019 – Present\n- Built the parcel tracking services in Go and PostgreSQL`;
      const upload = (name: string, text: string) => {
        writeFileSync(join(uploads.dir, name), text);
        return join(uploads.dir, name);
      };
      const ana = (
        await run(['candidates', 'import', upload('ana.md', cv('Ana Pérez', 'ana@example.com')), '--json'])
      ).json<{ id: string }>();
      const zq = cv('Zephyrine Quillfeather', 'zephyrine.q@erasure-fixture.example');
      const imported = await run(['candidates', 'import', upload('zq.md', zq), '--json']);
      const { id } = imported.json<{ id: string }>();
      const job = await call('jobs:import', { text: readFileSync(ex('job-backend.txt'), 'utf8') });
      if ('duplicate' in job) throw new Error('expected a new posting');
      await call('jobs:extract', { id: job.id });
      await call('drafts:generate', { kind: 'cv', candidateId: id, jobPostingId: job.id });
      expect((await run(['candidates', 'delete', ana.id, '--yes'])).code).toBe(0);
      const erased = await run(['candidates', 'erase', id, '--yes']);
      expect(erased.code, erased.stderr).toBe(0);
      const holding = readdirSync(w.dataDir)
        .map((f) => join(w.dataDir, f))
        .filter((f) => statSync(f).isFile() && readFileSync(f).includes(Buffer.from('erasure-fixture')));
      expect(holding).toEqual([]);
    } finally {
      uploads.cleanup();
    }
  });

  it('candidates stored before the hash was kept are matched as the same file, and export their stored text', async () => {
    w = await routingWorld(0);
    const imported = await call('candidates:import', {
      file: { fileName: 'lea.md', dataBase64: Buffer.from(LEA_CV).toString('base64') },
    });
    if ('duplicate' in imported) throw new Error('expected a new candidate');
    w.core.close();
    // As the row was before migration 0010: no file bytes, no hash, and (for this test) another name.
    const db = new Database(join(w.dataDir, 'aditus.db'));
    db.prepare(
      `UPDATE candidates SET source_file = NULL, source_hash = NULL, name = 'Old Row', email = NULL WHERE id = ?`,
    ).run(imported.id);
    db.close();

    const again = await run(['candidates', 'import', file('lea-copy.md', LEA_CV), '--json']);
    expect(again.code).toBe(4);
    expect(again.json<{ duplicate: { id: string; reasons: string[] } }>().duplicate).toMatchObject({
      id: imported.id,
      reasons: ['same_file'],
    });
    const out = join(w.dataDir, 'old.zip');
    expect((await run(['candidates', 'export', imported.id, '--out', out])).code).toBe(0);
    const zip = unzipSync(readFileSync(out));
    expect(strFromU8(zip['source/lea.txt']!)).toBe(imported.sourceText);
    const manifest = JSON.parse(strFromU8(zip['manifest.json']!)) as Manifest;
    expect(manifest.source).toMatchObject({ file: 'source/lea.txt', original: false, fileName: 'lea.md' });
  });
});
