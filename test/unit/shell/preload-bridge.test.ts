// The preload's bridge over a real IPC pair in one process: an EventEmitter stands in for the event
// channel and the main side's invoke listener (with its sender check) answers the invoke channel.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../../shared/bridge';
import type { CommandResult } from '../../../shared/contract';
import { createInvokeListener, forwardEvent } from '../../../electron/shell/ipc';
import { createPreloadBridge, type IpcRendererLike } from '../../../electron/shell/preload-bridge';

const MAIN_FRAME = { url: 'app://make-tray/index.html', parent: null, processId: 1, routingId: 1 };

function pair(handle: (channel: unknown, payload: unknown) => Promise<CommandResult>, senderUrl = MAIN_FRAME.url) {
  const events = new EventEmitter();
  const invoked: unknown[][] = [];
  const listener = createInvokeListener({ mainFrames: () => [MAIN_FRAME], handle });
  const ipc: IpcRendererLike = {
    invoke: (channel, ...args) => {
      invoked.push([channel, ...args]);
      return listener({ senderFrame: { ...MAIN_FRAME, url: senderUrl } }, args[0], args[1]);
    },
    on: (channel, l) => events.on(channel, l),
    removeListener: (channel, l) => events.removeListener(channel, l),
  };
  const window = { isDestroyed: () => false, getURL: () => MAIN_FRAME.url, send: (channel: string, message: unknown) => events.emit(channel, { sender: 'ipcRenderer!' }, message) };
  return { bridge: createPreloadBridge(ipc), events, invoked, window };
}

describe('preload bridge', () => {
  it('invokes over the one channel and resolves with the reply', async () => {
    const { bridge, invoked } = pair(async () => ({ ok: true, value: { isActive: false } }));
    await expect(bridge.invoke('scenario.toggle', { key: 'eu1.make.com/s1', on: false })).resolves.toEqual({ isActive: false });
    expect(invoked).toEqual([[IPC_INVOKE_CHANNEL, 'scenario.toggle', { key: 'eu1.make.com/s1', on: false }]]);
  });

  it('rejects with the contract error as a plain object (it survives the context bridge)', async () => {
    const { bridge } = pair(async () => ({ ok: false, error: { code: 'rate-limited', message: 'Later.', retryAfterMs: 5000 } }));
    const err = await bridge.invoke('refresh').catch((e: unknown) => e);
    expect(err).toEqual({ name: 'CommandError', code: 'rate-limited', message: 'Later.', retryAfterMs: 5000 });
    expect(Object.getPrototypeOf(err)).toBe(Object.prototype);
  });

  it('rejects a page main does not trust', async () => {
    const { bridge } = pair(async () => ({ ok: true, value: null }), 'https://evil.example/');
    await expect(bridge.invoke('refresh')).rejects.toMatchObject({ code: 'refused' });
  });

  it('rejects when main does not answer', async () => {
    const ipc: IpcRendererLike = { invoke: () => Promise.reject(new Error('gone')), on: () => undefined, removeListener: () => undefined };
    await expect(createPreloadBridge(ipc).invoke('refresh')).rejects.toMatchObject({ code: 'internal' });
  });

  it('delivers only the subscribed event’s payload, never the IPC event, until unsubscribed', () => {
    const { bridge, events, window } = pair(async () => ({ ok: true, value: null }));
    const got: unknown[] = [];
    const off = bridge.on('toast', (p) => got.push(p));
    forwardEvent([window], 'toast', { kind: 'info', message: 'one', key: null });
    forwardEvent([window], 'settings.changed', { language: 'en' } as never);
    off();
    off();
    forwardEvent([window], 'toast', { kind: 'info', message: 'two', key: null });
    expect(got).toEqual([{ kind: 'info', message: 'one', key: null }]);
    expect(events.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
  });

  it('exposes exactly invoke and on', () => {
    const { bridge } = pair(async () => ({ ok: true, value: null }));
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });
});
