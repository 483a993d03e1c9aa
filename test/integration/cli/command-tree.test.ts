import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildProgram, commandNamed } from '../../../src-main/cli/program';
import { cli } from '../../helpers/cli';

const io = () => ({ stdout: new PassThrough(), stderr: new PassThrough(), stdin: Readable.from([]), env: {} });
const commandsBuilt = (argv?: string[]) =>
  buildProgram({ io: io() }, { ctx: null }, argv).commands.map((c) => c.name());

describe('the CLI builds only the command it runs', () => {
  it('finds the command after the global options, and none when help or the version comes first', () => {
    expect(commandNamed(['usage', 'stats'])).toBe('usage');
    expect(commandNamed(['--data-dir', '/tmp/x', '--json', '--user', 'ana', 'providers', 'list'])).toBe('providers');
    expect(commandNamed(['--data-dir=/tmp/x', 'usage'])).toBe('usage');
    expect(commandNamed(['--help', 'usage'])).toBeNull();
    expect(commandNamed(['-V'])).toBeNull();
    expect(commandNamed(['--json'])).toBeNull();
  });

  it('each command, named, is built alone under its own name; unnamed or unknown, all of them are', () => {
    const all = commandsBuilt();
    expect(all.length).toBeGreaterThan(20);
    for (const name of all) expect(commandsBuilt(['--json', name, 'x'])).toEqual([name]);
    expect(commandsBuilt(['usag'])).toEqual(all);
    expect(commandsBuilt(['--help'])).toEqual(all);
  });

  it('help lists every command; a mistyped command still gets its suggestion', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['usage', 'providers', 'admin', 'audit', 'retention', 'serve'])
      expect(help.stdout).toContain(name);
    const typo = await cli(['usag', 'stats']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/Did you mean usage\?/u);
    const group = await cli(['usage', '--help']);
    expect(group.code).toBe(0);
    expect(group.stdout).toContain('stats');
  });
});
