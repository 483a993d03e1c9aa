import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppPage } from '@shared/app-origin';
import {
  downloadAllowed,
  navigationAllowed,
  permissionCheckAllowed,
  permissionRequestAllowed,
  safeFileName,
  saveDialogFor,
  SPELLCHECKER_DICTIONARY_URL,
} from '../../../src-main/desktop/policies';

const DEV = 'http://localhost:5173/';

describe('the app origin (IPC senders, permissions, notifications, downloads)', () => {
  it('is exactly app://aditus in a packaged app', () => {
    expect(APP_ENTRY_URL).toBe('app://aditus/index.html');
    for (const url of [APP_ENTRY_URL, APP_ORIGIN, 'app://aditus/', 'app://aditus/index.html?x#y'])
      expect(isAppPage(url, undefined), url).toBe(true);
    for (const url of [
      'file:///opt/Aditus/resources/app.asar/out/renderer/index.html',
      'file:///tmp/evil.html',
      'app://evil/index.html',
      'app://aditus.evil/index.html',
      'app://aditus@evil/index.html',
      'app://user:pw@aditus/index.html',
      'app://aditus:1/index.html',
      'https://aditus/index.html',
      'http://localhost:5173/',
      'about:blank',
      'null',
      '',
      undefined,
    ])
      expect(isAppPage(url, undefined), String(url)).toBe(false);
  });

  it("accepts the dev server's origin only when it is given (development)", () => {
    expect(isAppPage('http://localhost:5173/', DEV)).toBe(true);
    expect(isAppPage('http://localhost:5173/src/main.tsx', DEV)).toBe(true);
    expect(isAppPage('http://localhost:5173', DEV)).toBe(true);
    expect(isAppPage('http://localhost:5174/', DEV)).toBe(false);
    expect(isAppPage('http://127.0.0.1:5173/', DEV)).toBe(false);
    expect(isAppPage('file:///tmp/x.html', 'file:///tmp/x.html')).toBe(false);
    expect(isAppPage(APP_ENTRY_URL, DEV)).toBe(true);
  });
});

describe('permissions', () => {
  const main = { requestingUrl: APP_ENTRY_URL, isMainFrame: true };

  it('grants notifications and clipboard writes to the main frame of the app page', () => {
    expect(permissionRequestAllowed('notifications', main, undefined)).toBe(true);
    expect(permissionRequestAllowed('clipboard-sanitized-write', main, undefined)).toBe(true);
    expect(permissionCheckAllowed('notifications', APP_ORIGIN, main, undefined)).toBe(true);
  });

  it('denies other permissions, other frames and other pages', () => {
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen'])
      expect(permissionRequestAllowed(permission, main, undefined), permission).toBe(false);
    expect(permissionRequestAllowed('notifications', { ...main, isMainFrame: false }, undefined)).toBe(false);
    expect(
      permissionRequestAllowed('notifications', { requestingUrl: 'file:///tmp/x.html', isMainFrame: true }, undefined),
    ).toBe(false);
    expect(permissionRequestAllowed('notifications', { requestingUrl: DEV, isMainFrame: true }, undefined)).toBe(false);
  });

  it('checks both the requesting origin and the frame URL, and refuses checks made for no document', () => {
    expect(permissionCheckAllowed('notifications', 'https://evil.example', main, undefined)).toBe(false);
    expect(permissionCheckAllowed('notifications', APP_ORIGIN, { isMainFrame: true }, undefined)).toBe(false);
    expect(
      permissionCheckAllowed(
        'notifications',
        APP_ORIGIN,
        { ...main, embeddingOrigin: 'https://evil.example' },
        undefined,
      ),
    ).toBe(false);
    expect(permissionCheckAllowed('media', APP_ORIGIN, main, undefined)).toBe(false);
  });

  it("grants the dev server's page in development only", () => {
    const dev = { requestingUrl: DEV, isMainFrame: true };
    expect(permissionRequestAllowed('notifications', dev, DEV)).toBe(true);
    expect(permissionCheckAllowed('notifications', 'http://localhost:5173', dev, DEV)).toBe(true);
    expect(permissionCheckAllowed('notifications', 'http://localhost:5173', dev, undefined)).toBe(false);
  });
});

describe('navigation', () => {
  it('is never allowed for the packaged renderer, not even to its own origin', () => {
    for (const url of [APP_ENTRY_URL, 'app://aditus/other.html', 'https://github.com/', 'file:///etc/passwd'])
      expect(navigationAllowed(url, undefined), url).toBe(false);
  });

  it('lets the dev server reload its own page in development, and nothing else', () => {
    expect(navigationAllowed('http://localhost:5173/', DEV)).toBe(true);
    expect(navigationAllowed('http://localhost:5173/index.html?t=1', DEV)).toBe(true);
    expect(navigationAllowed('https://github.com/', DEV)).toBe(false);
    expect(navigationAllowed(APP_ENTRY_URL, DEV)).toBe(false);
  });
});

describe('downloads', () => {
  it('are allowed from the app page only', () => {
    expect(downloadAllowed(APP_ENTRY_URL, undefined)).toBe(true);
    expect(downloadAllowed('https://evil.example/', undefined)).toBe(false);
    expect(downloadAllowed(undefined, undefined)).toBe(false);
  });

  it("propose the Downloads folder and the export's own name, with a filter for its type", () => {
    const downloads = join('/home', 'rec', 'Downloads');
    expect(saveDialogFor('aditus-usage-2026-05-01.csv', downloads)).toEqual({
      title: 'Save export',
      defaultPath: join(downloads, 'aditus-usage-2026-05-01.csv'),
      filters: [
        { name: 'CSV', extensions: ['csv'] },
        { name: 'All files', extensions: ['*'] },
      ],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    expect(saveDialogFor('Jane Doe - CV.docx', downloads).filters[0]).toEqual({
      name: 'Word document',
      extensions: ['docx'],
    });
    expect(saveDialogFor('notes', downloads).filters).toEqual([{ name: 'All files', extensions: ['*'] }]);
  });

  it('reduce a suggested name to a plain file name', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('a\\b\\c.md')).toBe('c.md');
    expect(safeFileName('con<>:"|?*.txt')).toBe('con_______.txt');
    expect(safeFileName('tab\there.pdf')).toBe('tab_here.pdf');
    expect(safeFileName('...')).toBe('aditus-export');
    expect(safeFileName('')).toBe('aditus-export');
    expect(safeFileName(' report.csv. ')).toBe('report.csv');
  });
});

describe('spellchecker', () => {
  it("fetches dictionaries from the app's own scheme, never Google's CDN", () => {
    expect(SPELLCHECKER_DICTIONARY_URL).toBe('app://aditus/dictionaries/');
    expect(SPELLCHECKER_DICTIONARY_URL.endsWith('/')).toBe(true);
  });
});
