import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '@contract';
import { createCore, type Core } from '../../../src-main/core';
import { FakeClock } from '../../../src-main/clock';
import { MemorySecretStore } from '../../../src-main/secrets/memory-store';
import { tempDir } from '../../helpers/temp';

const CV_TEXT =
  '# Ana Silva\nana@example.com\n\n## Experience\n\n### Engineer — Acme\n2019 – Present\n- Built things\n';
const MARK = 'candidates.recordsCheckedUpToRowid';

describe('candidates from before the record, at core start', () => {
  const dir = tempDir();
  const open = (): Core =>
    createCore({ dataDir: dir.dir, secrets: new MemorySecretStore(), clock: new FakeClock(), log: () => undefined });
  const recordOf = (core: Core, id: string) =>
    (core.store.sqlite.prepare('SELECT record FROM candidates WHERE id = ?').get(id) as { record: string | null })
      .record;
  afterEach(() => dir.cleanup());

  it('a start fills them, then looks only at rows added since; a database without the mark is looked at whole', async () => {
    let core = open();
    const file = { fileName: 'ana.md', dataBase64: Buffer.from(CV_TEXT).toString('base64') };
    const imported = await core.dispatch('candidates:import', { file }, core.localSession('web'));
    if (!imported.ok) throw new Error(imported.error.message);
    const candidate = imported.data as ChannelOutput<'candidates:import'>;
    if ('duplicate' in candidate) throw new Error('expected a new candidate');
    const id = candidate.id;
    // As an older version left it: no record, and no mark of a pass.
    core.store.sqlite.prepare('UPDATE candidates SET record = NULL WHERE id = ?').run(id);
    core.store.sqlite.prepare('DELETE FROM settings WHERE key = ?').run(MARK);
    core.close();

    core = open();
    expect(JSON.parse(recordOf(core, id) ?? 'null')).toMatchObject({ resume: { basics: { name: 'Ana Silva' } } });
    // A row the pass has looked at is not read again (no scan of the table): set back to no record, it stays so.
    core.store.sqlite.prepare('UPDATE candidates SET record = NULL WHERE id = ?').run(id);
    // A row added since (as an older version sharing the folder would write it) is looked at.
    core.store.sqlite
      .prepare(
        `INSERT INTO candidates (id, name, email, source_kind, source_file_name, source_text, profile, record, created_at, updated_at)
         VALUES ('added', 'Ben', NULL, 'md', 'ben.md', ?, '{}', NULL, 1, 1)`,
      )
      .run(CV_TEXT.replace('Ana Silva', 'Ben Ode'));
    core.close();
    core = open();
    expect(recordOf(core, id)).toBeNull();
    expect(recordOf(core, 'added')).not.toBeNull();

    // A database without the mark (a restored backup from before it) is looked at whole, once.
    core.store.sqlite.prepare('DELETE FROM settings WHERE key = ?').run(MARK);
    core.close();
    core = open();
    expect(recordOf(core, id)).not.toBeNull();
    core.close();
  });
});
