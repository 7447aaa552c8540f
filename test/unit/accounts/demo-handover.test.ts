import { describe, expect, it } from 'vitest';
import { DemoHandover, type EngineAccount, type EngineAccountsPort } from '../../../electron/core/accounts';

const account = (id: string, demo = false): EngineAccount => ({
  id,
  baseUrl: 'https://eu1.make.com/api/v2',
  credentials: { authorization: () => Promise.resolve('Token x') },
  kind: 'token',
  demo,
});

function recordingEngine(): EngineAccountsPort & { calls: string[] } {
  const calls: string[] = [];
  return { calls, addAccount: (a) => void calls.push(`add ${a.id}`), removeAccount: (id) => void calls.push(`remove ${id}`) };
}

describe('DemoHandover', () => {
  it('holds saved accounts while the demo runs; the first own account ends it and they all join', async () => {
    const engine = recordingEngine();
    let ended = 0;
    const h = new DemoHandover({ engine, demoAccountIds: ['demo-eu1', 'demo-us1'], waiting: [account('saved')], onDemoEnded: () => ended++ });
    expect(h.waitingIds).toEqual(['saved']);
    await h.addAccount(account('demo-oauth', true));
    expect(engine.calls).toEqual(['add demo-oauth']);
    expect(h.demoRunning).toBe(true);

    await h.addAccount(account('mine'));
    expect(engine.calls).toEqual(['add demo-oauth', 'remove demo-eu1', 'remove demo-us1', 'add saved', 'add mine']);
    expect(ended).toBe(1);
    expect(h.demoRunning).toBe(false);

    await h.addAccount(account('later'));
    await h.endDemo();
    expect(engine.calls.slice(5)).toEqual(['add later']);
    expect(ended).toBe(1);
  });

  it('a waiting account that is signed out (or replaced) never reaches the engine as the old one', async () => {
    const engine = recordingEngine();
    const h = new DemoHandover({ engine, demoAccountIds: ['demo'], waiting: [account('saved'), account('other')] });
    await h.removeAccount('saved');
    expect(engine.calls).toEqual([]);
    await h.addAccount(account('saved'));
    expect(engine.calls).toEqual(['remove demo', 'add other', 'add saved']);
  });
});
