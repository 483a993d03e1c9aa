import { app, BrowserWindow, dialog, protocol, session, shell, type WebContents } from 'electron';
import { APP_ENTRY_URL, APP_SCHEME } from '@shared/app-origin';
import {
  downloadAllowed,
  navigationAllowed,
  permissionCheckAllowed,
  permissionRequestAllowed,
  saveDialogFor,
  SPELLCHECKER_DICTIONARY_URL,
} from './desktop/policies';
import { serveRendererRequest } from './desktop/renderer-protocol';

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

/** window.open is always denied; navigation too, except the dev server reloading its own page in development. */
function harden(contents: WebContents, devServerUrl: string | undefined): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (!navigationAllowed(event.url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!navigationAllowed(event.url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The packaged renderer (out/renderer) at app://aditus/, with the production CSP as a response header. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererRequest(request, rendererDir));
}

/** Permissions, spellchecker dictionaries and downloads of the default session; the rules are in desktop/policies.ts. */
export function installSessionPolicies(devServerUrl: string | undefined): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(permissionRequestAllowed(permission, details, devServerUrl)),
  );
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
    permissionCheckAllowed(permission, requestingOrigin, details, devServerUrl),
  );
  ses.setSpellCheckerDictionaryDownloadURL(SPELLCHECKER_DICTIONARY_URL);
  // Exports are saved where the user chooses in the app's own save dialog (Chromium's is not parented to the
  // window and ignores the suggested folder on some platforms); cancelling it cancels the download.
  ses.on('will-download', (_event, item, contents) => {
    if (!downloadAllowed(contents?.getURL(), devServerUrl)) {
      item.cancel();
      return;
    }
    const options = saveDialogFor(item.getFilename(), app.getPath('downloads'));
    const owner = contents ? BrowserWindow.fromWebContents(contents) : null;
    const chosen = owner ? dialog.showSaveDialogSync(owner, options) : dialog.showSaveDialogSync(options);
    if (chosen) item.setSavePath(chosen);
    else item.cancel();
  });
}

export interface MainWindowOptions {
  preloadPath: string;
  /** Development only: the dev server's URL instead of the packaged renderer. */
  devServerUrl: string | undefined;
}

export function createMainWindow({ preloadPath, devServerUrl }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    title: 'Aditus',
    show: false,
    webPreferences: {
      preload: preloadPath,
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
  harden(win.webContents, devServerUrl);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devServerUrl ?? APP_ENTRY_URL);
  return win;
}
