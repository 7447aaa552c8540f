import { describe, expect, it } from 'vitest';
import { IPC_EVENT_CHANNEL } from '../../../shared/bridge';
import type { CommandResult } from '../../../shared/contract';
import { anyShowsApp, createInvokeListener, forwardEvent, isTrustedSender, UNTRUSTED_SENDER_MESSAGE, type EventTarget, type FrameLike } from '../../../electron/shell/ipc';

const frame = (over: Partial<FrameLike> = {}): FrameLike => ({ url: 'app://make-tray/index.html', parent: null, processId: 4, routingId: 1, ...over });

describe('isTrustedSender', () => {
  const ours = [frame(), frame({ url: 'app://make-tray/popover.html', processId: 5, routingId: 1 })];

  it('accepts the main frame of one of our windows on our origin', () => {
    expect(isTrustedSender(frame(), ours)).toBe(true);
    expect(isTrustedSender(frame({ url: 'app://make-tray/popover.html#x', processId: 5 }), ours)).toBe(true);
  });

  it.each<[string, FrameLike | null]>([
    ['no frame', null],
    ['a sub-frame of our window', frame({ parent: frame() })],
    ['our window after navigating to a web page', frame({ url: 'https://eu1.make.com/' })],
    ['our window on file://', frame({ url: 'file:///app/index.html' })],
    ['another app:// host', frame({ url: 'app://make-tray.evil/index.html' })],
    ['credentials in the URL', frame({ url: 'app://x@make-tray/index.html' })],
    ['a frame of a window we did not create', frame({ processId: 99 })],
    ['another frame in our process', frame({ routingId: 2 })],
    ['an unparsable URL', frame({ url: 'app:// bad' })],
  ])('refuses %s', (_what, f) => {
    expect(isTrustedSender(f, ours)).toBe(false);
  });

  it('refuses everyone when no window is open', () => {
    expect(isTrustedSender(frame(), [])).toBe(false);
    expect(isTrustedSender(frame(), [null, undefined])).toBe(false);
  });
});

describe('the invoke listener', () => {
  const calls: [unknown, unknown][] = [];
  const listener = createInvokeListener({
    mainFrames: () => [frame()],
    handle: async (channel, payload): Promise<CommandResult> => {
      calls.push([channel, payload]);
      return { ok: true, value: null };
    },
    log: () => undefined,
  });

  it('passes a trusted sender’s message to the contract door as is (it validates)', async () => {
    calls.length = 0;
    expect(await listener({ senderFrame: frame() }, 'refresh', {})).toEqual({ ok: true, value: null });
    expect(await listener({ senderFrame: frame() }, 'no.such.command', { x: 1 })).toEqual({ ok: true, value: null });
    expect(calls).toEqual([
      ['refresh', {}],
      ['no.such.command', { x: 1 }],
    ]);
  });

  it('refuses an untrusted sender before looking at the payload', async () => {
    calls.length = 0;
    const r = await listener({ senderFrame: frame({ url: 'https://evil.example/' }) }, 'scenario.run', { key: 'eu1.make.com/s1' });
    expect(r).toEqual({ ok: false, error: { code: 'refused', message: UNTRUSTED_SENDER_MESSAGE } });
    expect(await listener({ senderFrame: null }, 'refresh', {})).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(calls).toEqual([]);
  });

  it('turns a throwing handler into an internal error', async () => {
    const failing = createInvokeListener({ mainFrames: () => [frame()], handle: () => Promise.reject(new Error('token abc123 leaked')) });
    const r = await failing({ senderFrame: frame() }, 'refresh', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(r)).not.toContain('abc123');
  });
});

describe('forwardEvent', () => {
  it('sends to live windows that show our page only', () => {
    const sent: [string, string, unknown][] = [];
    const target = (name: string, url: string, destroyed = false): EventTarget => ({
      isDestroyed: () => destroyed,
      getURL: () => url,
      send: (channel, message) => sent.push([name, channel, message]),
    });
    const n = forwardEvent(
      [target('main', 'app://make-tray/index.html'), target('gone', 'app://make-tray/index.html', true), target('away', 'https://evil.example/')],
      'toast',
      { kind: 'info', message: 'hi', key: null },
    );
    expect(n).toBe(1);
    expect(sent).toEqual([['main', IPC_EVENT_CHANNEL, { event: 'toast', payload: { kind: 'info', message: 'hi', key: null } }]]);
    // Whether a toast would reach anyone (else the contract host keeps it for the first window).
    expect(anyShowsApp([target('gone', 'app://make-tray/index.html', true), target('away', 'https://evil.example/')])).toBe(false);
    expect(anyShowsApp([target('away', 'https://evil.example/'), target('main', 'app://make-tray/index.html')])).toBe(true);
  });
});
