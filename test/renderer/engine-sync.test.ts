import './support/setup';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../renderer/src/bridge/api';
import { connectEngineStore, createEngineStore } from '../../renderer/src/store/engine-store';
import { MemoryBridge } from './support/memory-bridge';
import { makeWorld } from './support/world';

const flush = () => new Promise((r) => setTimeout(r, 0));

/** A bridge that, like the dashboard's WebSocket client, hands over the snapshot on its own. */
class SelfSyncingBridge extends MemoryBridge {
  stateVersion = -1;
  connect(): void {
    this.stateVersion = this.version;
    this.emit('state.snapshot', { version: this.version, state: this.state });
  }
}

describe('the first snapshot', () => {
  it('is asked for once over a bridge that does not deliver it by itself (Electron IPC)', async () => {
    const bridge = new MemoryBridge(makeWorld(3));
    const store = createEngineStore();
    connectEngineStore(store, bridge, createApi(bridge));
    await flush();
    expect(bridge.sentOn('state.get')).toHaveLength(1);
    expect(store.getState().loaded).toBe(true);
    expect(performance.getEntriesByName('state-loaded', 'mark')).toHaveLength(1);
  });

  it('is not asked for again over a bridge that delivers it (the whole state would cross twice)', async () => {
    const bridge = new SelfSyncingBridge(makeWorld(3));
    const store = createEngineStore();
    connectEngineStore(store, bridge, createApi(bridge));
    await flush();
    expect(store.getState().loaded).toBe(false);
    bridge.connect();
    expect(store.getState().loaded).toBe(true);
    expect(Object.keys(store.getState().engine.scenarios)).toHaveLength(3);
    expect(bridge.sentOn('state.get')).toEqual([]);
  });
});
