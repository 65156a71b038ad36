// The sandboxed preload: exposes exactly the contract's methods as window.cardDesk (built by buildBridge),
// plus `on` for typed events. Never ipcRenderer, never a generic invoke. Bundled to one CommonJS file
// (vite.preload.config.ts → dist/preload/index.cjs): sandboxed preloads cannot load ES modules.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildBridge } from '../common/contract/bridge.ts';
import { channelOf, eventChannelOf, type Reply } from '../common/contract/index.ts';

contextBridge.exposeInMainWorld(
  'cardDesk',
  buildBridge({
    call: (method, args) => ipcRenderer.invoke(channelOf(method), args) as Promise<Reply<unknown>>,
    subscribe: (event, listener) => {
      const channel = eventChannelOf(event);
      const handler = (_event: IpcRendererEvent, payload: unknown): void => {
        listener(payload);
      };
      ipcRenderer.on(channel, handler);
      return () => {
        ipcRenderer.removeListener(channel, handler);
      };
    },
  }),
);
