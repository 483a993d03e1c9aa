import { app, BrowserWindow, dialog, Notification, powerMonitor, protocol } from 'electron';
import type { HealthChangeDto } from '@contract';
import { createCore, type Core } from './core';
import { findMigrationsDir } from './paths';
import { APP_USER_MODEL_ID, desktopConfig } from './desktop/config';
import { APP_SCHEME_PRIVILEGES } from './desktop/renderer-protocol';
import { runStartup } from './desktop/startup';
import { registerIpc } from './ipc/electron';
import { LogFile, logFilePath } from './runtime/log-file';
import { redactKnownSecrets } from './secrets/redaction';
import { KeytarSecretStore } from './secrets/keytar-store';
import { createMainWindow, installSessionPolicies, serveRenderer } from './window';

/** Electron lifecycle only: the decisions are in desktop/ (plain Node, unit-tested), everything else is the shared core. */
const config = desktopConfig({
  isPackaged: app.isPackaged,
  env: process.env,
  platform: process.platform,
  resourcesPath: process.resourcesPath,
  mainDir: __dirname,
});
let core: Core | null = null;
let unmarkRunningHost: () => void = () => undefined;

// Before anything reads it (the single-instance lock lives there): the folder the CLI uses.
app.setPath('userData', config.userDataDir);
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
// Must happen before the app is ready.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

const openWindow = () => createMainWindow({ preloadPath: config.preloadPath, devServerUrl: config.devServerUrl });

if (!app.requestSingleInstanceLock()) {
  // Another Aditus is running and has been told to show itself: open nothing here (no database, no window).
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  void runStartup(
    async () => {
      await app.whenReady();
      core = createCore({
        dataDir: config.dataDir,
        secrets: new KeytarSecretStore(),
        env: process.env,
        migrationsDir: findMigrationsDir(config.migrations),
        probeConditions: { onBatteryPower: () => powerMonitor.isOnBatteryPower() },
      });
      await core.start();
      unmarkRunningHost = core.markRunningHost('desktop app');
      core.startBackgroundWork();
      // The window shows health changes itself; when none has focus, the OS says it.
      core.onEvent((event, payload) => {
        if (event !== 'provider:health' || BrowserWindow.getFocusedWindow() || !Notification.isSupported()) return;
        const change = payload as HealthChangeDto;
        new Notification({ title: `${change.name} is ${change.state}`, body: change.reason ?? '' }).show();
      });
      serveRenderer(config.rendererDir);
      installSessionPolicies(config.devServerUrl);
      registerIpc(core, config.devServerUrl);
      openWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openWindow();
      });
    },
    (failure) => {
      process.stderr.write(`${failure.detail}\n`);
      try {
        core?.close();
      } catch {
        // Closing what half-started must not hide the error that stopped it.
      }
      core = null;
      dialog.showErrorBox(failure.title, failure.message);
      app.exit(failure.exitCode);
    },
    config.dataDir,
    new LogFile({ path: logFilePath(config.dataDir), redact: redactKnownSecrets }),
  );

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => {
    core?.close();
    unmarkRunningHost();
  });
}
