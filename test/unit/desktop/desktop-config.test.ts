import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../src-main/paths';
import { APP_USER_MODEL_ID, desktopConfig, type DesktopProcess } from '../../../src-main/desktop/config';

const ROOT = join(__dirname, '../../..');
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { productName?: string };
const builderYml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
const ymlValue = (key: string) => new RegExp(`^${key}:\\s*(.+)$`, 'mu').exec(builderYml)?.[1]?.trim();

/**
 * Electron's default userData: appData joined with app.getName(), which is package.json's productName
 * (https://www.electronjs.org/docs/latest/api/app#appgetpathname). appData is %APPDATA% on Windows,
 * $XDG_CONFIG_HOME or ~/.config on Linux, ~/Library/Application Support on macOS.
 */
function electronUserData(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  const appData =
    platform === 'win32'
      ? env['APPDATA']!
      : platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'));
  return join(appData, packageJson.productName!);
}

const proc = (over: Partial<DesktopProcess> = {}): DesktopProcess => ({
  isPackaged: false,
  env: {},
  platform: 'linux',
  resourcesPath: '/opt/Aditus/resources',
  mainDir: '/opt/Aditus/resources/app.asar/out/main',
  ...over,
});

describe('the data folder', () => {
  it('is named by productName, the same in package.json (Electron) and electron-builder.yml', () => {
    expect(packageJson.productName).toBe('Aditus');
    expect(ymlValue('productName')).toBe('Aditus');
  });

  it.each<[NodeJS.Platform, NodeJS.ProcessEnv]>([
    ['linux', {}],
    ['linux', { XDG_CONFIG_HOME: '/home/rec/.cfg' }],
    ['darwin', {}],
    ['win32', { APPDATA: 'C:\\Users\\rec\\AppData\\Roaming' }],
  ])('is the same for the CLI and the desktop app on %s %j', (platform, env) => {
    const electron = electronUserData(platform, env);
    expect(defaultDataDir(env, platform)).toBe(electron);
    const desktop = desktopConfig(proc({ platform, env }));
    expect(desktop.userDataDir).toBe(electron);
    expect(desktop.dataDir).toBe(electron);
  });

  it('follows ADITUS_DATA_DIR in both hosts; the Chromium profile stays in userData', () => {
    const env = { ADITUS_DATA_DIR: '/srv/aditus', XDG_CONFIG_HOME: '/home/rec/.config' };
    expect(defaultDataDir(env, 'linux')).toBe('/srv/aditus');
    for (const isPackaged of [false, true]) {
      const desktop = desktopConfig(proc({ env, isPackaged }));
      expect(desktop.dataDir).toBe('/srv/aditus');
      expect(desktop.userDataDir).toBe(join('/home/rec/.config', 'Aditus'));
    }
  });
});

describe('what the environment may change', () => {
  const env = {
    ELECTRON_RENDERER_URL: 'http://localhost:5173/',
    ADITUS_MIGRATIONS_DIR: '/tmp/other-migrations',
  };

  it('a packaged app ignores ELECTRON_RENDERER_URL and ADITUS_MIGRATIONS_DIR', () => {
    const packaged = desktopConfig(proc({ isPackaged: true, env }));
    expect(packaged.devServerUrl).toBeUndefined();
    expect(packaged.migrations).toEqual({
      resourcesPath: '/opt/Aditus/resources',
      from: '/opt/Aditus/resources/app.asar/out/main',
    });
  });

  it('an unpackaged app (npm run dev, the UI tests) honours both', () => {
    const dev = desktopConfig(proc({ env }));
    expect(dev.devServerUrl).toBe('http://localhost:5173/');
    expect(dev.migrations).toEqual({
      override: '/tmp/other-migrations',
      from: '/opt/Aditus/resources/app.asar/out/main',
    });
  });

  it('a dev server URL that is not http(s) is ignored', () => {
    for (const url of ['file:///tmp/evil.html', 'javascript:alert(1)', 'not a url', ''])
      expect(desktopConfig(proc({ env: { ELECTRON_RENDERER_URL: url } })).devServerUrl, url).toBeUndefined();
  });

  it('the renderer and preload are found beside the main bundle', () => {
    const config = desktopConfig(proc({ mainDir: join('/app', 'out', 'main') }));
    expect(config.rendererDir).toBe(join('/app', 'out', 'renderer'));
    expect(config.preloadPath).toBe(join('/app', 'out', 'preload', 'index.js'));
  });
});

describe('Windows', () => {
  it("uses electron-builder's appId as the Application User Model ID (notifications)", () => {
    expect(APP_USER_MODEL_ID).toBe(ymlValue('appId'));
  });
});
