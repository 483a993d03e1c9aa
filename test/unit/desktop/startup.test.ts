import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { LogFile, logFilePath } from '../../../src-main/runtime/log-file';
import { redactKnownSecrets, registerSecret } from '../../../src-main/secrets/redaction';
import { tempDir } from '../../helpers/temp';
import { runStartup, STARTUP_EXIT_CODE, type StartupFailure } from '../../../src-main/desktop/startup';

const DATA_DIR = '/home/rec/.config/Aditus';

/** What index.ts passes: record the failure it would show in dialog.showErrorBox and the code it exits with. */
function errorBox() {
  const shown: StartupFailure[] = [];
  return { shown, onError: vi.fn((failure: StartupFailure) => void shown.push(failure)) };
}

describe('desktop start-up', () => {
  it("reports a rejected start (the core's) with its cause and the data folder, and exits non-zero", async () => {
    const { shown, onError } = errorBox();
    const started = await runStartup(() => Promise.reject(new Error('outbox table is locked')), onError, DATA_DIR);
    expect(started).toBe(false);
    expect(onError).toHaveBeenCalledTimes(1);
    const [failure] = shown;
    expect(failure!.title).toBe('Aditus could not start');
    expect(failure!.message).toContain('outbox table is locked');
    expect(failure!.message).toContain(`Data folder: ${DATA_DIR}`);
    expect(failure!.exitCode).toBe(STARTUP_EXIT_CODE);
    expect(failure!.exitCode).not.toBe(0);
    expect(failure!.detail).toContain('outbox table is locked');
  });

  it('catches an error thrown synchronously inside the start function too', async () => {
    const { shown, onError } = errorBox();
    const started = await runStartup(
      async () => {
        throw new Error('Database migrations not found (no meta/_journal.json in /opt/Aditus/resources/drizzle)');
      },
      onError,
      DATA_DIR,
    );
    expect(started).toBe(false);
    expect(shown[0]!.message).toContain('reinstall Aditus');
  });

  it('does not report anything when the app starts', async () => {
    const { onError } = errorBox();
    expect(await runStartup(() => Promise.resolve(), onError, DATA_DIR)).toBe(true);
    expect(onError).not.toHaveBeenCalled();
  });

  it('says what to do about a native module built for the wrong runtime and an unwritable data folder', async () => {
    const { shown, onError } = errorBox();
    const native =
      "The module 'better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 139.";
    await runStartup(() => Promise.reject(new Error(native)), onError, DATA_DIR);
    await runStartup(
      () => Promise.reject(new Error(`EACCES: permission denied, mkdir '${DATA_DIR}'`)),
      onError,
      DATA_DIR,
    );
    expect(shown[0]!.message).toContain('npm run rebuild:electron');
    expect(shown[1]!.message).toContain('cannot be written');
  });

  it('never shows a known secret', async () => {
    const key = 'sk-test-0123456789abcdefghij';
    registerSecret(key);
    const { shown, onError } = errorBox();
    await runStartup(() => Promise.reject(new Error(`provider rejected key ${key}`)), onError, DATA_DIR);
    expect(shown[0]!.message).not.toContain(key);
    expect(shown[0]!.detail).not.toContain(key);
  });

  it('writes the stack to the log file, without a known secret, and names the file', async () => {
    const key = 'sk-test-log-0123456789abcdefghij';
    registerSecret(key);
    const data = tempDir();
    try {
      const log = new LogFile({ path: logFilePath(data.dir), redact: redactKnownSecrets });
      const { shown, onError } = errorBox();
      await runStartup(() => Promise.reject(new Error(`keychain refused ${key}`)), onError, data.dir, log);
      expect(shown[0]!.message).toContain(`The details were written to the log file ${log.path}`);
      const written = readFileSync(log.path, 'utf8');
      expect(written).toMatch(/start-up failed: Error: keychain refused \S*\[redacted\]\n +at /u);
      expect(written).not.toContain(key);
    } finally {
      data.cleanup();
    }
  });

  it('says so when the log file cannot be written', async () => {
    const { shown, onError } = errorBox();
    const log = { path: '/nowhere/logs/aditus.log', writeError: () => false };
    await runStartup(() => Promise.reject('a string'), onError, DATA_DIR, log);
    expect(shown[0]!.message).toContain('a string');
    expect(shown[0]!.message).toContain('could not be written to the log file /nowhere/logs/aditus.log');
  });
});
