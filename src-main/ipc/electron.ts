import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Core } from '../core';
import type { Session } from './session';

export const INVOKE_CHANNEL = 'aditus:invoke';
export const EVENT_CHANNEL = 'aditus:event';

/** The sender frame must be the app's own page: the packaged file, or the dev server in development. */
function senderAllowed(event: IpcMainInvokeEvent, devServerUrl: string | undefined): boolean {
  const url = event.senderFrame?.url ?? '';
  if (url.startsWith('file://')) return true;
  if (devServerUrl) {
    try {
      return new URL(url).origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}

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

  ipcMain.handle(INVOKE_CHANNEL, async (event, channel: unknown, input: unknown) => {
    if (!senderAllowed(event, devServerUrl))
      return { ok: false, error: { code: 'forbidden', message: 'IPC from an unknown frame was refused.' } };
    return core.dispatch(String(channel), input, sessionFor(event.sender), {
      emit: (name, payload) => {
        if (!event.sender.isDestroyed()) event.sender.send(EVENT_CHANNEL, name, payload);
      },
    });
  });
}
