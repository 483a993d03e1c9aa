import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ELF_BYTES } from '../../helpers/bad-files';
import { cli } from '../../helpers/cli';
import { ex } from '../../helpers/examples';
import { tempDir } from '../../helpers/temp';

describe('aditus draft / extract refuse binary, empty and oversized files by name', () => {
  const data = tempDir();
  afterAll(() => data.cleanup());
  const run = (args: string[]) => cli(['--data-dir', data.dir, ...args]);
  const file = (name: string, bytes: Buffer | string) => {
    const path = join(data.dir, name);
    writeFileSync(path, bytes);
    return path;
  };

  it('refuses a program renamed .md as a candidate: no draft titled "ELF…" is written', async () => {
    const out = join(data.dir, 'cv.docx');
    const r = await run([
      'draft',
      'cv',
      '--candidate',
      file('cv.md', ELF_BYTES),
      '--job',
      ex('job-backend.txt'),
      '--out',
      out,
    ]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('cv.md: is named .md but holds an executable program (ELF), not text');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a program renamed .txt as a posting, and an empty posting, each naming its file', async () => {
    const r = await run(['extract', file('posting.txt', ELF_BYTES), file('empty.html', '')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('posting.txt: is named .txt but holds an executable program (ELF), not text');
    expect(r.stderr).toContain('empty.html: is empty (0 bytes)');
    expect(r.stderr).not.toMatch(/dataBase64|Too small/u);
  });

  it('refuses a candidate file over the documented size for its type', async () => {
    const big = file('big.txt', Buffer.alloc(3 * 1024 * 1024, 'a'));
    const r = await run([
      'draft',
      'cv',
      '--candidate',
      big,
      '--job',
      ex('job-backend.txt'),
      '--out',
      join(data.dir, 'x.md'),
    ]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('big.txt: is 3 MB; a .txt file may be at most 2 MB');
  });
});
