import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isChannel } from './contract/channels';
import { isEventName } from './contract/events';
import type { AditusApi } from './contract';

/** The narrow bridge: contract channels and events only; the renderer never sees ipcRenderer. */
const api: AditusApi = {
  invoke(channel, input) {
    if (!isChannel(channel)) return Promise.reject(new Error(`Unknown channel: ${channel}`));
    return ipcRenderer.invoke('aditus:invoke', channel, input) as Promise<unknown>;
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`Unknown event: ${event}`);
    const handler = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('aditus:event', handler);
    return () => ipcRenderer.removeListener('aditus:event', handler);
  },
};

contextBridge.exposeInMainWorld('api', api);
