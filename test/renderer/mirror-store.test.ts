import './support/setup';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../renderer/src/bridge/api';
import { connectEngineStore, createEngineStore } from '../../renderer/src/store/engine-store';
import { MemoryBridge } from './support/memory-bridge';
import { makeWorld, scenario } from './support/world';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('engine mirror', () => {
  it('loads the snapshot, then follows patches with structural sharing', async () => {
    const bridge = new MemoryBridge(makeWorld(20));
    const store = createEngineStore();
    expect(store.getState().loaded).toBe(false);
    connectEngineStore(store, bridge, createApi(bridge));
    await flush();
    expect(store.getState().loaded).toBe(true);
    expect(Object.keys(store.getState().engine.scenarios)).toHaveLength(20);

    const before = store.getState().engine;
    const key = Object.keys(before.scenarios)[0]!;
    const next = { ...bridge.state, scenarios: { ...bridge.state.scenarios, [key]: { ...bridge.state.scenarios[key]!, name: 'Renamed' } } };
    bridge.publish(next);
    const after = store.getState().engine;
    expect(after.scenarios[key]!.name).toBe('Renamed');
    expect(store.getState().version).toBe(bridge.version);
    // Untouched entities and tables keep their identity, so memoized selectors don't recompute.
    const other = Object.keys(before.scenarios)[1]!;
    expect(after.scenarios[other]).toBe(before.scenarios[other]);
    expect(after.orgs).toBe(before.orgs);
  });

  it('applies removals and top-level fields', async () => {
    const bridge = new MemoryBridge(makeWorld(5));
    const store = createEngineStore();
    connectEngineStore(store, bridge, createApi(bridge));
    await flush();
    const key = Object.keys(bridge.state.scenarios)[0]!;
    const { [key]: _gone, ...rest } = bridge.state.scenarios;
    bridge.publish({ ...bridge.state, scenarios: rest, cachedAt: 123, demo: true });
    expect(store.getState().engine.scenarios[key]).toBeUndefined();
    expect(store.getState().engine.cachedAt).toBe(123);
    expect(store.getState().engine.demo).toBe(true);
  });

  it('does not apply a patch that skips a version; it fetches a fresh snapshot instead', async () => {
    const bridge = new MemoryBridge(makeWorld(3));
    const store = createEngineStore();
    connectEngineStore(store, bridge, createApi(bridge));
    await flush();
    const gets = bridge.sentOn('state.get').length;
    const extra = scenario({ id: 999, name: 'Late arrival' });
    bridge.state = { ...bridge.state, scenarios: { ...bridge.state.scenarios, [extra.key]: extra } };
    bridge.version += 5;
    bridge.emit('state.patch', { from: bridge.version - 1, to: bridge.version, patch: { top: { demo: true } } });
    expect(store.getState().engine.demo).toBe(false);
    await flush();
    expect(bridge.sentOn('state.get').length).toBe(gets + 1);
    expect(store.getState().engine.scenarios[extra.key]?.name).toBe('Late arrival');
    expect(store.getState().version).toBe(bridge.version);
  });

  it('keeps the live progress of runs', async () => {
    const bridge = new MemoryBridge(makeWorld(3));
    const store = createEngineStore();
    connectEngineStore(store, bridge, createApi(bridge));
    const key = Object.keys(bridge.state.scenarios)[0]!;
    bridge.emit('run.progress', { key, executionId: 'abc', status: 'running', at: 1, durationMs: null, errorMessage: null });
    expect(store.getState().progress[key]?.status).toBe('running');
    bridge.emit('run.progress', { key, executionId: 'abc', status: 3, at: 2, durationMs: 50, errorMessage: 'Boom' });
    expect(store.getState().progress[key]).toMatchObject({ status: 3, errorMessage: 'Boom' });
  });
});
