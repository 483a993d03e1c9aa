import { BrowserWindow, session, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { isAppPage } from '@shared/app-origin';
import { CONTENT_SECURITY_POLICY } from './security/csp';

/** https links that may open in the user's browser (the docs); everything else is denied. */
const EXTERNAL_ALLOWLIST = new Set(['github.com', 'ai.google.dev', 'platform.openai.com', 'docs.anthropic.com']);

export function isAllowedExternal(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && EXTERNAL_ALLOWLIST.has(parsed.hostname);
  } catch {
    return false;
  }
}

function harden(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The only permissions granted, to the app's own page: Copy buttons and budget-alert notifications. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write', 'notifications']);

const isAppWindowPage = (url: string | undefined): boolean => isAppPage(url, process.env['ELECTRON_RENDERER_URL']);

export function installSessionPolicies(): void {
  session.defaultSession.setPermissionRequestHandler((wc, permission, callback) =>
    callback(ALLOWED_PERMISSIONS.has(permission) && isAppWindowPage(wc.getURL())),
  );
  session.defaultSession.setPermissionCheckHandler(
    (_wc, permission, origin) => ALLOWED_PERMISSIONS.has(permission) && isAppWindowPage(origin),
  );
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
}

export function createMainWindow(rendererUrl: string | undefined): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    title: 'Aditus',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Middle-click would open links in new windows, bypassing the window-open handler.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  harden(win.webContents);
  win.once('ready-to-show', () => win.show());
  if (rendererUrl) void win.loadURL(rendererUrl);
  else void win.loadFile(join(__dirname, '../renderer/index.html'));
  return win;
}
