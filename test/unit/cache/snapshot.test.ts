import { describe, expect, it } from 'vitest';
import { decodeFile, encodeFile } from '../../../electron/core/cache/container';
import { accountSnapshotSchema, decodeAccount, encodeAccount } from '../../../electron/core/cache/snapshot';
import { bigState } from '../state/make-state';

describe('account snapshot codec', () => {
  it('round-trips one account slice through the file format exactly', () => {
    const state = bigState({ accounts: 2, scenarios: 60, runsPerScenario: 7 });
    const k = Object.keys(state.scenarios)[0]!;
    const sc = state.scenarios[k]!;
    // Edge values: nulls, a run still going, a pending run, non-ASCII text.
    state.scenarios[k] = {
      ...sc,
      name: 'Rechnungen – Überweisung 🚀',
      pendingRun: { executionId: 'ab'.repeat(16), startedAt: 5 },
      recentRuns: [{ ...sc.recentRuns[0]!, status: 'running', durationMs: null, operations: null, transfer: null, type: null, errorMessage: 'Fehler: ü' }, ...sc.recentRuns.slice(1)],
    };
    const enc = encodeAccount(state, 'acc-0')!;
    const file = decodeFile(encodeFile({ version: 1, writtenAt: 9, data: enc.data }, enc.sections));
    if (!file.ok) throw new Error(file.reason);
    const data = accountSnapshotSchema.parse((file.header as { data: unknown }).data);
    const back = decodeAccount(data, file.body, file.sections);
    if (typeof back === 'string') throw new Error(back);
    const expected = Object.values(state.scenarios).filter((s) => s.orgKey === Object.values(state.orgs)[0]!.key);
    expect(back.scenarios).toEqual(expected);
    expect(back.account).toEqual(state.accounts['acc-0']);
    expect(back.scenarios.find((s) => s.key === k)!.recentRuns[0]!.status).toBe('running');
  });

  it('detects damage: wrong magic, cut off, flipped body byte, runs that do not fit', () => {
    const state = bigState({ scenarios: 10, runsPerScenario: 3 });
    const enc = encodeAccount(state, 'acc-0')!;
    const bytes = encodeFile({ version: 1, writtenAt: 9, data: enc.data }, enc.sections);
    expect(decodeFile(Buffer.from('{"version":1}'))).toMatchObject({ ok: false });
    expect(decodeFile(bytes.subarray(0, bytes.length - 9))).toMatchObject({ ok: false });
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 20] = flipped[flipped.length - 20]! ^ 0xff;
    expect(decodeFile(flipped)).toMatchObject({ ok: false, reason: 'is damaged (checksum mismatch)' });
    const file = decodeFile(bytes);
    if (!file.ok) throw new Error(file.reason);
    const data = accountSnapshotSchema.parse((file.header as { data: unknown }).data);
    expect(decodeAccount({ ...data, runs: { ...data.runs, count: data.runs.count + 1 } }, file.body, file.sections)).toBeTypeOf('string');
    expect(decodeAccount({ ...data, runs: { ...data.runs, dict: [] } }, file.body, file.sections)).toBeTypeOf('string');
  });
});
