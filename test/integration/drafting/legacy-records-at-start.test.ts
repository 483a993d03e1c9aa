import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '@contract';
import { createCore, type Core } from '../../../src-main/core';
import { FakeClock } from '../../../src-main/clock';
import { MemorySecretStore } from '../../../src-main/secrets/memory-store';
import { tempDir } from '../../helpers/temp';

const cv = {
  fileName: 'ana.md',
  dataBase64: Buffer.from(
    '# Ana Silva\nana@example.com\n\n## Experience\n\n### Engineer — Acme\n2019 – Present\n- Built things\n',
  ).toString('base64'),
};

describe('candidates from before the record, at core start', () => {
  const dir = tempDir();
  const open = (): Core =>
    createCore({ dataDir: dir.dir, secrets: new MemorySecretStore(), clock: new FakeClock(), log: () => undefined });
  const recordOf = (core: Core, id: string) =>
    core.store.sqlite.prepare('SELECT record FROM candidates WHERE id = ?').get(id) as { record: string | null };
  afterEach(() => dir.cleanup());

  it('a start fills their records once; later starts skip the scan, until a database without the mark is opened', async () => {
    let core = open();
    const imported = await core.dispatch('candidates:import', { file: cv }, core.localSession('web'));
    if (!imported.ok) throw new Error(imported.error.message);
    const candidate = imported.data as ChannelOutput<'candidates:import'>;
    if ('duplicate' in candidate) throw new Error('expected a new candidate');
    const id = candidate.id;
    // As an older version left it: no record, and no mark that the migration ran.
    core.store.sqlite.prepare('UPDATE candidates SET record = NULL WHERE id = ?').run(id);
    core.store.sqlite.prepare("DELETE FROM settings WHERE key = 'candidates.legacyRecordsFilled'").run();
    core.close();

    core = open();
    expect(JSON.parse(recordOf(core, id).record ?? 'null')).toMatchObject({
      resume: { basics: { name: 'Ana Silva' } },
    });
    // A row without a record now (none is ever written so) is left alone: the start no longer scans.
    core.store.sqlite.prepare('UPDATE candidates SET record = NULL WHERE id = ?').run(id);
    core.close();
    core = open();
    expect(recordOf(core, id).record).toBeNull();

    // A database without the mark (a restored older backup) is scanned again.
    core.store.sqlite.prepare("DELETE FROM settings WHERE key = 'candidates.legacyRecordsFilled'").run();
    core.close();
    core = open();
    expect(recordOf(core, id).record).not.toBeNull();
    core.close();
  });
});
