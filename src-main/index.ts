import { app, BrowserWindow } from 'electron';
import { createCore, type Core } from './core';
import { registerIpc } from './ipc/electron';
import { KeytarSecretStore } from './secrets/keytar-store';
import { createMainWindow, installSessionPolicies } from './window';

/** Electron lifecycle only: everything else is the shared core. */
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
let core: Core | null = null;

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

app.on('second-instance', () => {
  const win = BrowserWindow.getAllWindows()[0];
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

void app.whenReady().then(() => {
  const dataDir = process.env['ADITUS_DATA_DIR'] ?? app.getPath('userData');
  core = createCore({ dataDir, secrets: new KeytarSecretStore(), env: process.env });
  void core.start().then(() => core?.startBackgroundWork());
  installSessionPolicies();
  registerIpc(core, devServerUrl);
  createMainWindow(devServerUrl);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(devServerUrl);
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  core?.close();
});
