import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../../../src-main/drafting/inputs/input-limits';
import { cli } from '../../helpers/cli';
import { jobBoardPage } from '../../helpers/job-board-page';
import { tempDir } from '../../helpers/temp';

/** Runs the built CLI (`npm run build` first): the bundled document worker reads the page. */
describe('aditus extract: the largest HTML page it accepts, and one a kilobyte larger', () => {
  const data = tempDir();
  afterAll(() => data.cleanup());
  const limit = INPUT_LIMITS.maxFileBytes.html;

  it('reads a 5 MB job board page to the posting fields, and refuses a larger one naming both sizes', async () => {
    const largest = join(data.dir, 'largest.html');
    const over = join(data.dir, 'over.html');
    writeFileSync(largest, jobBoardPage(limit));
    writeFileSync(over, jobBoardPage(limit + 1024));
    const r = await cli(['--data-dir', data.dir, 'extract', largest, over]);
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; ok: boolean; error?: string; fields?: Record<string, unknown> });
    expect(lines.find((l) => l.file.endsWith('largest.html'))).toMatchObject({
      ok: true,
      fields: { title: 'Data Engineer', company: 'Helio Health' },
    });
    expect(lines.find((l) => l.file.endsWith('over.html'))?.error).toContain(
      'over.html: is 5,243,904 bytes; a .html file may be at most 5,242,880 bytes (5 MB)',
    );
  });
});
