import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentDto } from '@contract';
import { createCore } from '../../../src-main/core';
import { MemorySecretStore } from '../../../src-main/secrets/memory-store';
import { cli } from '../../helpers/cli';
import { ex } from '../../helpers/examples';
import { tempDir } from '../../helpers/temp';

describe('aditus documents import', () => {
  const data = tempDir();
  const secrets = new MemorySecretStore();
  const run = (args: string[]) => cli(['--data-dir', data.dir, ...args], { secrets });
  const stored = (id: string): DocumentDto => {
    const core = createCore({ dataDir: data.dir, secrets, log: () => {} });
    try {
      return core.services.drafting.repos.documents.get(id);
    } finally {
      core.close();
    }
  };
  afterAll(() => data.cleanup());

  let imported: string | null = null;
  async function candidateId(): Promise<string> {
    if (imported) return imported;
    const r = await run(['candidates', 'import', ex('candidate.json'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    imported = r.json<{ id: string }>().id;
    return imported;
  }

  it('stores a DOCX letter written in Word as version 1 of a new document', async () => {
    const id = await candidateId();
    const letter = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Dear Ms Dvořák,', heading: HeadingLevel.HEADING_2 }),
            new Paragraph('I would like to apply for the Senior Backend Engineer role at Acme.'),
            new Paragraph('Kind regards, Lea Sørensen'),
          ],
        },
      ],
    });
    const file = join(data.dir, 'Letter for Acme.docx');
    writeFileSync(file, await Packer.toBuffer(letter));
    const r = await run(['documents', 'import', file, '--candidate', id, '--kind', 'cover-letter', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = r.json<{ id: string; title: string; kind: string; candidateId: string }>();
    expect(doc).toMatchObject({ title: 'Letter for Acme', kind: 'cover_letter', candidateId: id });
    const saved = stored(doc.id);
    expect(saved.versions).toHaveLength(1);
    expect(saved.versions[0]?.origin).toBe('imported');
    expect(saved.versions[0]?.text).toContain('Dear Ms Dvořák,');
    expect(saved.versions[0]?.text).toContain('Kind regards, Lea Sørensen');
    const list = await run(['documents', 'list', '--candidate', id, '--json']);
    expect(list.json<{ id: string }[]>().map((d) => d.id)).toContain(doc.id);
  });

  it('a Markdown CV keeps its text and takes the name given', async () => {
    const id = await candidateId();
    const file = join(data.dir, 'cv.md');
    writeFileSync(file, '# Lea Sørensen\n\n## Experience\n\n- Built payment services in Go\n');
    const r = await run(['documents', 'import', file, '--candidate', id, '--title', 'CV from the agency']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Imported \S+: "CV from the agency" \(cv, version 1 from /u);
    const docId = /^Imported (\S+):/u.exec(r.stdout)?.[1] ?? '';
    expect(stored(docId).versions[0]?.text).toBe('# Lea Sørensen\n\n## Experience\n\n- Built payment services in Go\n');
  });

  it('refuses an unknown candidate, a binary file, an empty file and a wrong kind, storing nothing', async () => {
    const id = await candidateId();
    const before = (await run(['documents', 'list', '--json'])).json<unknown[]>().length;
    const binary = join(data.dir, 'program.md');
    writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0]));
    const empty = join(data.dir, 'empty.md');
    writeFileSync(empty, '');
    const unknown = await run(['documents', 'import', empty, '--candidate', 'no-such-candidate']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/does not exist/u);
    const bin = await run(['documents', 'import', binary, '--candidate', id]);
    expect(bin.code).not.toBe(0);
    expect(bin.stderr).toContain('program.md');
    const none = await run(['documents', 'import', empty, '--candidate', id]);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('empty.md');
    const kind = await run(['documents', 'import', empty, '--candidate', id, '--kind', 'memo']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('--kind must be cv or cover-letter');
    expect((await run(['documents', 'list', '--json'])).json<unknown[]>()).toHaveLength(before);
  });
});
