import { describe, expect, it } from 'vitest';
import { decodeFile, encodeFile } from '../../../electron/core/cache/container';
import { SECTIONS, accountSnapshotSchema, decodeAccount, encodeAccount } from '../../../electron/core/cache/snapshot';
import type { EngineState } from '../../../shared/domain';
import { bigState } from '../state/make-state';

/** encode → file bytes → decode, as the cache does it. */
function roundTrip(state: EngineState, accountId = 'acc-0') {
  const enc = encodeAccount(state, accountId)!;
  const file = decodeFile(encodeFile({ version: 1, writtenAt: 9, data: enc.data }, enc.sections));
  if (!file.ok) throw new Error(file.reason);
  const data = accountSnapshotSchema.parse((file.header as { data: unknown }).data);
  return { enc, file, data, back: decodeAccount(data, file.body, file.sections) };
}

const section = (sections: ArrayBufferView[], name: (typeof SECTIONS)[number]) => sections[SECTIONS.indexOf(name)]!;

describe('account snapshot codec', () => {
  it('round-trips one account slice through the file format exactly', () => {
    const state = bigState({ accounts: 2, scenarios: 60, runsPerScenario: 7 });
    const k = Object.keys(state.scenarios)[0]!;
    const sc = state.scenarios[k]!;
    // Edge values: nulls, a run still going, a pending run, non-ASCII text, empty strings.
    state.scenarios[k] = {
      ...sc,
      name: 'Rechnungen – Überweisung 🚀',
      description: '',
      pendingRun: { executionId: 'ab'.repeat(16), startedAt: 5 },
      recentRuns: [{ ...sc.recentRuns[0]!, status: 'running', durationMs: null, operations: null, transfer: null, type: null, errorMessage: 'Fehler: ü' }, ...sc.recentRuns.slice(1)],
    };
    const { back } = roundTrip(state);
    if (typeof back === 'string') throw new Error(back);
    const expected = Object.values(state.scenarios).filter((s) => s.orgKey === Object.values(state.orgs)[0]!.key);
    expect(back.scenarios).toEqual(expected);
    expect(back.account).toEqual(state.accounts['acc-0']);
    expect(back.scenarios.find((s) => s.key === k)!.recentRuns[0]!.status).toBe('running');
  });

  it('stores small integer columns narrow and falls back to full width for values that do not fit', () => {
    const state = bigState({ scenarios: 10, runsPerScenario: 3 });
    const narrow = roundTrip(state);
    expect(section(narrow.enc.sections, 'runRefs').byteLength).toBe(narrow.data.runs.count * 3); // u8 refs
    expect(section(narrow.enc.sections, 'runNumbers')).not.toBeInstanceOf(Float64Array);

    const [k1, k2] = Object.keys(state.scenarios);
    const s1 = state.scenarios[k1!]!;
    const s2 = state.scenarios[k2!]!;
    // A fraction, a negative number and a number past u32 force the f64 run numbers column.
    state.scenarios[k1!] = { ...s1, recentRuns: [{ ...s1.recentRuns[0]!, durationMs: 1.5, operations: -1, transfer: 2 ** 40 }] };
    // Long texts and a long id make the length columns wider than u8.
    state.scenarios[k2!] = { ...s2, description: 'x'.repeat(70_000), recentRuns: [{ ...s2.recentRuns[0]!, id: 'f'.repeat(300) }] };
    // Schedules and app lists that differ from their neighbours' only a little.
    const [k3, k4] = Object.keys(state.scenarios).slice(2);
    state.scenarios[k3!] = { ...state.scenarios[k3!]!, scheduling: { type: 'indefinitely', interval: 60 }, usedPackages: ['http', 'json', 'csv'] };
    state.scenarios[k4!] = { ...state.scenarios[k4!]!, scheduling: { type: 'weekly', days: [1, 2], time: '09:00' }, usedPackages: ['json', 'http'] };
    const wide = roundTrip(state);
    expect(section(wide.enc.sections, 'runNumbers')).toBeInstanceOf(Float64Array);
    expect(section(wide.enc.sections, 'scenarioTextLengths')).toBeInstanceOf(Uint32Array);
    expect(section(wide.enc.sections, 'runIdLengths')).toBeInstanceOf(Uint16Array);
    if (typeof wide.back === 'string') throw new Error(wide.back);
    expect(wide.back.scenarios).toEqual(Object.values(state.scenarios));
  });

  it('detects damage: wrong magic, cut off, flipped body byte, data that does not fit', () => {
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
    const decode = (d: typeof data, sections = file.sections) => decodeAccount(d, file.body, sections);
    expect(decode(data)).not.toBeTypeOf('string');
    expect(decode({ ...data, runs: { ...data.runs, count: data.runs.count + 1 } })).toBeTypeOf('string');
    expect(decode({ ...data, runs: { ...data.runs, types: [] } })).toBeTypeOf('string');
    expect(decode({ ...data, scenarios: { ...data.scenarios, orgKeys: [] } })).toBeTypeOf('string');
    expect(decode({ ...data, scenarios: { ...data.scenarios, healths: ['great'] } })).toBe('has an unknown scenario health');
    expect(decode({ ...data, scenarios: { ...data.scenarios, scheduling: ['{'] } })).toBeTypeOf('string');
    expect(decode(data, file.sections.slice(1))).toBe('has the wrong number of sections');
    const shortRefs = file.sections.map((d, i) => (i === SECTIONS.indexOf('runRefs') ? ([d[0], d[1] - 1] as [number, number]) : d));
    expect(decode(data, shortRefs)).toBe('has columns of the wrong length');
  });
});
