import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ex } from '../../helpers/examples';
import { tempDir } from '../../helpers/temp';

const ROOT = join(__dirname, '../../..');
const run = promisify(execFile);

// The built CLI (npm run build first) with its output piped into a reader that is gone before it writes,
// as in `aditus jobs list | head -1` once head has its line.
describe('aditus writing into a closed pipe', () => {
  const data = tempDir();
  const piped = (args: string) =>
    run('bash', [
      '-c',
      `${process.execPath} ${join(ROOT, 'bin/aditus.cjs')} --data-dir ${data.dir} ${args} | true; echo "status=\${PIPESTATUS[0]}"`,
    ]);

  it('finishes the command with its own exit status instead of crashing on EPIPE', async () => {
    const imported = await piped(`jobs import ${ex('job-backend.txt')}`);
    expect(imported.stderr).not.toMatch(/EPIPE|Unhandled/u);
    expect(imported.stdout.trim()).toBe('status=0');
    const help = await piped('--help');
    expect(help.stderr).not.toMatch(/EPIPE|Unhandled/u);
    expect(help.stdout.trim()).toBe('status=0');
    // The import that wrote into the closed pipe was stored whole.
    const { stdout } = await run(process.execPath, [
      join(ROOT, 'bin/aditus.cjs'),
      '--data-dir',
      data.dir,
      '--json',
      'jobs',
      'list',
    ]);
    expect(JSON.parse(stdout.trim().split('\n').at(-1) ?? 'null')).toHaveLength(1);
  });
});
