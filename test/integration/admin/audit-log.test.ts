import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../helpers/core';

describe('audit log hash chain', () => {
  let t: TestCore;
  const fill = (n: number) => {
    for (let i = 1; i <= n; i++)
      t.core.services.audit.append({
        actor: 'ana@cli',
        action: 'provider.update',
        target: `p${i}`,
        after: { priority: i },
      });
  };
  beforeEach(() => {
    t = testCore();
    fill(5);
  });
  afterEach(() => t.cleanup());

  const sql = (s: string) => t.core.store.sqlite.prepare(s).run();

  it('verifies an untouched log', async () => {
    expect(await t.core.services.audit.verify()).toMatchObject({ ok: true, rows: 5 });
  });

  it('catches an edited row', async () => {
    sql(`UPDATE audit_log SET after = '{"priority":99}' WHERE id = 3`);
    expect(await t.core.services.audit.verify()).toMatchObject({ ok: false, firstBadId: 3 });
  });

  it('catches a row deleted in the middle', async () => {
    sql('DELETE FROM audit_log WHERE id = 2');
    expect(await t.core.services.audit.verify()).toMatchObject({ ok: false, firstBadId: 3 });
  });

  it('catches rows cut from the end', async () => {
    sql('DELETE FROM audit_log WHERE id >= 4');
    expect(await t.core.services.audit.verify()).toMatchObject({ ok: false });
  });

  it('catches two swapped rows', async () => {
    const rows = t.core.store.sqlite.prepare('SELECT * FROM audit_log WHERE id IN (2, 4) ORDER BY id').all() as Record<
      string,
      unknown
    >[];
    const [a, b] = rows as [Record<string, unknown>, Record<string, unknown>];
    const set = t.core.store.sqlite.prepare(
      'UPDATE audit_log SET at=?, actor=?, action=?, target=?, before=?, after=?, prev_hash=?, hash=? WHERE id=?',
    );
    const cols = (r: Record<string, unknown>) =>
      [r['at'], r['actor'], r['action'], r['target'], r['before'], r['after'], r['prev_hash'], r['hash']] as (
        string | number | null
      )[];
    set.run(...cols(b), 2);
    set.run(...cols(a), 4);
    expect(await t.core.services.audit.verify()).toMatchObject({ ok: false, firstBadId: 2 });
  });
});
