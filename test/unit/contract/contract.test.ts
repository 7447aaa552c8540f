import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { MakeTrayBridge } from '../../../shared/bridge';
import {
  COMMAND_CHANNELS,
  COMMANDS,
  CommandError,
  EVENT_NAMES,
  defineCommands,
  defineEvents,
  parseCommand,
  parseEvent,
  parseReply,
  type CommandHandlers,
  type CommandReply,
} from '../../../shared/contract';
import { DEFAULT_SETTINGS, EngineStateSchema, mergeSettings } from '../../../shared/contract-schemas';
import { ClientMessageSchema, ServerMessageSchema } from '../../../shared/contract-wire';
import { emptyEngineState, type EngineState, type ScenarioState } from '../../../shared/domain';
import { applyPatch, diffState } from '../../../shared/state-patch';

const KEY = '127.0.0.1:8787/s42';

function scenario(over: Partial<ScenarioState> = {}): ScenarioState {
  return {
    key: KEY,
    id: 42,
    orgKey: '127.0.0.1:8787/o1',
    teamKey: '127.0.0.1:8787/t1',
    folderKey: null,
    name: 'Sync invoices',
    description: '',
    isActive: true,
    isinvalid: false,
    isPaused: false,
    dlqCount: 0,
    operations: 10,
    transfer: 100,
    nextExec: 1_700_000_000_000,
    lastEdit: null,
    hookId: null,
    scheduling: { type: 'indefinitely', interval: 900 },
    usedPackages: ['http'],
    health: 'ok',
    recentRuns: [
      { id: 'a'.repeat(32), status: 3, timestamp: 1_699_999_000_000, durationMs: 1200, operations: 3, transfer: 10, type: 'auto', errorMessage: 'Boom', errorModule: 'http' },
    ],
    pendingRun: null,
    ...over,
  };
}

describe('parseCommand', () => {
  it('accepts every channel with a valid payload and applies defaults', () => {
    const r = parseCommand('scenario.runs', { key: KEY });
    expect(r).toEqual({ ok: true, channel: 'scenario.runs', request: { key: KEY, offset: 0, limit: 20 } });
    expect(parseCommand('state.get', undefined)).toEqual({ ok: true, channel: 'state.get', request: {} });
    expect(parseCommand('scenario.toggle', { key: KEY, on: false })).toMatchObject({ ok: true, request: { key: KEY, on: false } });
    expect(parseCommand('accounts.connectToken', { zone: 'eu1.make.com', token: '  0123456789abcdef  ' })).toMatchObject({
      ok: true,
      request: { zone: 'eu1.make.com', token: '0123456789abcdef' },
    });
  });

  it('rejects an unknown channel, including inherited object keys', () => {
    for (const channel of ['nope', 'toString', '__proto__', 42, null]) {
      const r = parseCommand(channel, {});
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid-input');
    }
  });

  it('rejects bad payloads with the field at fault, in plain words', () => {
    const cases: [string, unknown, string | undefined][] = [
      ['scenario.toggle', { key: 'not a key', on: true }, 'key'],
      ['scenario.toggle', { key: KEY }, 'on'],
      ['scenario.toggle', { key: KEY, on: true, extra: 1 }, undefined],
      ['scenario.runs', { key: KEY, limit: 1000 }, 'limit'],
      ['scenario.runs', { key: KEY, from: 5, to: 1 }, 'from'],
      ['scenario.run', { key: KEY, data: [1, 2] }, 'data'],
      ['settings.set', { theme: 'purple' }, 'theme'],
      ['settings.set', { notify: { summaryThreshold: 0 } }, 'notify.summaryThreshold'],
      ['accounts.connectToken', { token: '0123456789abcdef' }, 'zone'],
      ['accounts.connectToken', { zone: 'eu1.make.com', baseUrl: 'https://eu1.make.com/api/v2', token: '0123456789abcdef' }, 'zone'],
      ['execution.detail', { key: KEY, executionId: '../../etc' }, 'executionId'],
      ['refresh', 'everything', undefined],
    ];
    for (const [channel, payload, field] of cases) {
      const r = parseCommand(channel, payload);
      expect(r.ok, `${channel} ${JSON.stringify(payload)}`).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('invalid-input');
      expect(r.error.field).toBe(field);
      expect(r.error.message).toMatch(/^The (field|request)/);
    }
  });

  it('never echoes a token back in an error', () => {
    const secret = 'sekrit-token-value-1234567890';
    const r = parseCommand('accounts.connectToken', { zone: 'not a zone/with slash', token: secret, junk: secret });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain(secret);
    const short = parseCommand('accounts.connectToken', { zone: 'eu1.make.com', token: 'abc' });
    expect(JSON.stringify(short)).not.toContain('"abc"');
  });
});

describe('replies and events', () => {
  it('round-trips a state snapshot and a patch through JSON', () => {
    const prev: EngineState = { ...emptyEngineState(), scenarios: { [KEY]: scenario() } };
    const next: EngineState = { ...prev, scenarios: { [KEY]: scenario({ health: 'failing', isActive: false }) }, demo: true };
    const snapshot = parseReply('state.get', JSON.parse(JSON.stringify({ version: 3, state: prev })));
    expect(snapshot.state).toEqual(prev);
    const event = parseEvent('state.patch', JSON.parse(JSON.stringify({ from: 3, to: 4, patch: diffState(prev, next) })));
    expect(applyPatch(snapshot.state, event.patch)).toEqual(next);
  });

  it('strips fields that are not in the contract from replies (a token cannot leak)', () => {
    const account = {
      id: 'acc1',
      kind: 'token',
      baseUrl: 'https://eu1.make.com/api/v2',
      zone: 'eu1.make.com',
      userName: 'Ann',
      email: 'ann@example.com',
      scopes: ['scenarios:read'],
      status: 'ok',
      statusMessage: null,
      demo: false,
      token: 'secret-token',
      credentials: { token: 'secret-token' },
    };
    const reply = parseReply('accounts.list', { accounts: [account] });
    expect(JSON.stringify(reply)).not.toContain('secret-token');
  });

  it('rejects a malformed state', () => {
    expect(EngineStateSchema.safeParse({ ...emptyEngineState(), scenarios: { [KEY]: { ...scenario(), health: 'great' } } }).success).toBe(false);
    expect(() => parseEvent('state.patch', { from: 1, to: 2, patch: { scenarios: { upsert: { [KEY]: { name: 1 } } } } })).toThrow();
  });

  it('frames messages on the wire', () => {
    expect(ClientMessageSchema.safeParse({ type: 'invoke', id: 1, channel: 'state.get' }).success).toBe(true);
    expect(ClientMessageSchema.safeParse({ type: 'invoke', id: -1, channel: 'state.get' }).success).toBe(false);
    expect(ClientMessageSchema.safeParse({ type: 'invoke', id: 1, channel: 'x', payload: {}, more: 1 }).success).toBe(false);
    expect(ServerMessageSchema.safeParse({ type: 'reply', id: 1, ok: false, error: { code: 'offline', message: 'x' } }).success).toBe(true);
    expect(ServerMessageSchema.safeParse({ type: 'reply', id: 1, ok: false, error: { code: 'teapot', message: 'x' } }).success).toBe(false);
  });

  it('merges settings field by field', () => {
    const s = mergeSettings(DEFAULT_SETTINGS, { theme: 'dark', notify: { warning: true } });
    expect(s).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', notify: { ...DEFAULT_SETTINGS.notify, warning: true } });
  });

  it('lists every channel and event once', () => {
    expect(new Set(COMMAND_CHANNELS).size).toBe(COMMAND_CHANNELS.length);
    expect(COMMAND_CHANNELS).toEqual(expect.arrayContaining(['state.get', 'scenario.run', 'accounts.connectToken', 'shell.openExternal', 'window.openMain']));
    expect(EVENT_NAMES).toEqual(expect.arrayContaining(['state.patch', 'state.snapshot', 'run.progress', 'toast', 'command.error']));
    for (const c of COMMAND_CHANNELS) expect(COMMANDS[c].reply).toBeInstanceOf(z.ZodType);
  });

  it('carries the typed error in CommandError', () => {
    const e = new CommandError({ code: 'rate-limited', message: 'Slow down.', retryAfterMs: 60_000 });
    expect(e).toBeInstanceOf(Error);
    expect([e.code, e.message, e.retryAfterMs]).toEqual(['rate-limited', 'Slow down.', 60_000]);
  });
});

// Compile-time completeness. These lines are checked by `tsc` (npm run typecheck); each
// `@ts-expect-error` fails the build if the error it expects stops happening.
describe('compile-time contract', () => {
  it('refuses incomplete declarations and handler maps', () => {
    // @ts-expect-error a command without a reply schema does not compile
    defineCommands({ 'x.y': { request: z.object({}) } });
    // @ts-expect-error an event without a payload schema does not compile
    defineEvents({ 'x.y': undefined });

    const incomplete = { 'state.get': async () => ({ version: 0, state: emptyEngineState() }) };
    // @ts-expect-error a handler map must cover every channel
    const handlers: CommandHandlers = incomplete;
    void handlers;

    const bridge = null as unknown as MakeTrayBridge;
    const typed = async () => {
      // @ts-expect-error unknown channel
      await bridge.invoke('scenario.explode', {});
      // @ts-expect-error payload of the wrong shape
      await bridge.invoke('scenario.toggle', { key: KEY, active: true });
      // @ts-expect-error a required payload cannot be left out
      await bridge.invoke('scenario.toggle');
      await bridge.invoke('state.get'); // all-optional payloads may be left out
      const r: CommandReply<'scenario.run'> = await bridge.invoke('scenario.run', { key: KEY });
      const id: string = r.executionId;
      // @ts-expect-error unknown event
      bridge.on('state.exploded', () => undefined);
      bridge.on('run.progress', (p) => p.executionId.toUpperCase());
      return id;
    };
    void typed;
    expect(Object.keys(defineCommands({ 'a.b': { request: z.null(), reply: z.null() } }))).toEqual(['a.b']);
  });
});
