// The preload (sandboxed, bundled to CommonJS): puts one narrow object on the page, `window.makeTray`.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../shared/bridge';
import { createPreloadBridge } from './shell/preload-bridge';

const bridge = createPreloadBridge(ipcRenderer);

// Fresh functions that close over the bridge: the page gets these two and nothing it could climb from.
contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  Object.freeze({
    invoke: (channel: string, payload?: unknown) => (bridge.invoke as (c: string, p?: unknown) => Promise<unknown>)(channel, payload),
    on: (event: string, handler: (payload: unknown) => void) => (bridge.on as (e: string, h: (p: unknown) => void) => () => void)(event, handler),
  }),
);
