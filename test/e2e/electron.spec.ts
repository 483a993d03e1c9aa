import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The installed Electron binary, found without `require('electron')` (which would try to download it). */
function electronBinary(): string | null {
  try {
    const dir = dirname(createRequire(__filename).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test.skip(binary === null, 'No Electron binary on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD)');

test('the desktop window shows the app shell', async () => {
  const app = await electron.launch({
    executablePath: binary!,
    args: [join(__dirname, '../../out/main/index.js')],
    env: { ...process.env, ADITUS_DATA_DIR: mkdtempSync(join(tmpdir(), 'aditus-electron-')) },
  });
  const window = await app.firstWindow();
  await expect(window.getByRole('heading', { name: 'Aditus' })).toBeVisible();
  await app.close();
});
