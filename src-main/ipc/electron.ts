import { app, ipcMain, webContents as allWebContents, type WebContents } from 'electron';
import { isAppPage } from '@shared/app-origin';
import type { Core } from '../core';
import type { Session } from '../session';

export const INVOKE_CHANNEL = 'aditus:invoke';
export const EVENT_CHANNEL = 'aditus:event';

/** One session per window (its admin unlock state lives in main, never in the renderer). */
export function registerIpc(core: Core, devServerUrl: string | undefined): void {
  const sessions = new WeakMap<WebContents, Session>();
  const sessionFor = (contents: WebContents): Session => {
    let s = sessions.get(contents);
    if (!s) {
      s = core.localSession('electron');
      sessions.set(contents, s);
    }
    return s;
  };

  // Events for every window (a queued task landed) go to each app page.
  core.onEvent((name, payload) => {
    for (const contents of allWebContents.getAllWebContents())
      if (!contents.isDestroyed() && isAppPage(contents.getURL(), devServerUrl))
        contents.send(EVENT_CHANNEL, name, payload);
  });

  ipcMain.handle(INVOKE_CHANNEL, async (event, channel: unknown, input: unknown) => {
    if (!isAppPage(event.senderFrame?.url, devServerUrl))
      return { ok: false, error: { code: 'forbidden', message: 'IPC from an unknown frame was refused.' } };
    const result = await core.dispatch(String(channel), input, sessionFor(event.sender), {
      emit: (name, payload) => {
        if (!event.sender.isDestroyed()) event.sender.send(EVENT_CHANNEL, name, payload);
      },
    });
    // A verified backup is staged: once this answer is sent, quit (closing the database) and start again,
    // which swaps the backup in before the database is opened.
    if (result.ok && core.takeStagedRestore())
      setImmediate(() => {
        app.relaunch();
        app.quit();
      });
    return result;
  });
}
