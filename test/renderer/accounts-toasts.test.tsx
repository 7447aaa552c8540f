import './support/setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommandError, contractError } from '../../shared/contract';
import { toContractError } from '../../renderer/src/bridge/api';
import { TOAST_MS } from '../../renderer/src/components/Toasts';
import { mainPageUrl, openMainWindow } from '../../renderer/src/open-main';
import { MAX_TOASTS } from '../../renderer/src/store/ui-store';
import { MainWindow } from '../../renderer/src/views/MainWindow';
import { Popover } from '../../renderer/src/views/Popover';
import { MemoryBridge } from './support/memory-bridge';
import { renderWith } from './support/render';
import { makeWorld } from './support/world';

async function seriousViolations(): Promise<string[]> {
  const r = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.html}`);
}

async function openSettings(bridge: MemoryBridge) {
  const r = renderWith(<MainWindow />, bridge);
  fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
  await screen.findByTestId('settings-view');
  return r;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('signing in with Make in the browser', () => {
  it('says in plain words, under the button, when main cannot sign in through the browser', async () => {
    const bridge = new MemoryBridge(makeWorld(2)).fail('accounts.startOAuth', 'refused', 'Signing in with Make in the browser is not available in this version of Make Tray.');
    await openSettings(bridge);
    const form = screen.getByTestId('connect-form');
    fireEvent.change(within(form).getByLabelText('Zone'), { target: { value: 'us1.make.com' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Sign in with Make in the browser' }));
    const note = await within(form).findByRole('alert');
    expect(note.textContent).toBe('Signing in with Make in the browser is not available in this version of Make Tray.');
    expect(note.dataset.code).toBe('refused');
    expect(bridge.sentOn('accounts.startOAuth')).toEqual([{ zone: 'us1.make.com' }]);
    expect(within(form).queryByTestId('oauth-result')).toBeNull();
    expect(await seriousViolations()).toEqual([]);
  });

  it('tells the user to continue in the browser once main started the flow', async () => {
    const bridge = new MemoryBridge(makeWorld(2)).handle('accounts.startOAuth', () => ({ started: true }));
    await openSettings(bridge);
    const form = screen.getByTestId('connect-form');
    fireEvent.change(within(form).getByLabelText('Zone'), { target: { value: 'custom' } });
    const button = within(form).getByRole('button', { name: 'Sign in with Make in the browser' });
    // No zone typed yet: nothing to sign in to.
    expect(button).toHaveProperty('disabled', true);
    fireEvent.change(within(form).getByLabelText('Custom zone host'), { target: { value: ' make.example.com ' } });
    fireEvent.click(button);
    expect((await within(form).findByTestId('oauth-result')).textContent).toMatch(/Continue in the browser/);
    expect(bridge.sentOn('accounts.startOAuth')).toEqual([{ zone: 'make.example.com' }]);
  });
});

describe('choosing the organizations to watch', () => {
  it('lists the account’s organizations with a switch each; switching sends the choice and shows main’s state', async () => {
    const bridge = new MemoryBridge(makeWorld(4)).handle('accounts.setOrgMonitored', ({ orgKey, monitored }, b) => {
      const org = b.state.orgs[orgKey]!;
      b.publish({ ...b.state, orgs: { ...b.state.orgs, [orgKey]: { ...org, monitored } } });
      return null;
    });
    await openSettings(bridge);
    const list = await screen.findByTestId('org-watch-list');
    const acme = within(list).getByRole('switch', { name: 'Watch Acme Corp' });
    const birch = within(list).getByRole('switch', { name: 'Watch Birch & Co' });
    expect(acme).toHaveProperty('checked', true);
    expect(birch).toHaveProperty('checked', true);
    fireEvent.click(birch);
    await waitFor(() => expect(bridge.sentOn('accounts.setOrgMonitored')).toEqual([{ orgKey: birch.dataset.org, monitored: false }]));
    await waitFor(() => expect(birch).toHaveProperty('disabled', false));
    expect(birch).toHaveProperty('checked', false);
    expect(bridge.state.orgs[birch.dataset.org!]?.monitored).toBe(false);
    // The budget footer shows only watched organizations.
    await waitFor(() => expect(screen.getAllByTestId('org-budget').map((b) => b.dataset.org)).toEqual([acme.dataset.org]));
    expect(await seriousViolations()).toEqual([]);
  });

  it('goes back to main’s state and says why when the change is refused', async () => {
    const bridge = new MemoryBridge(makeWorld(2)).fail('accounts.setOrgMonitored', 'not-found', 'Make Tray does not know this organization.');
    await openSettings(bridge);
    const acme = await screen.findByRole('switch', { name: 'Watch Acme Corp' });
    fireEvent.click(acme);
    const note = await screen.findByRole('alert');
    expect(note.textContent).toBe('Make no longer knows this item. It may have been deleted.');
    await waitFor(() => expect(acme).toHaveProperty('checked', true));
  });
});

describe('toasts', () => {
  it('shows main’s toasts calmly, naming the scenario, and lets them fade', async () => {
    const w = makeWorld(3);
    const key = Object.keys(w.scenarios)[0]!;
    const bridge = new MemoryBridge(w);
    renderWith(<MainWindow />, bridge);
    await screen.findAllByTestId('scenario-row');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    act(() => bridge.emit('toast', { kind: 'success', message: 'Run finished.', key }));
    const toast = screen.getByTestId('toast');
    expect(toast.getAttribute('role')).toBe('status');
    expect(toast.textContent).toBe(`${w.scenarios[key]!.name}: Run finished.×`);
    act(() => vi.advanceTimersByTime(TOAST_MS + 1));
    expect(screen.queryByTestId('toast')).toBeNull();
  });

  it('shows a background command’s failure in plain words until dismissed, and keeps only the latest few', async () => {
    const bridge = new MemoryBridge(makeWorld(3));
    renderWith(<Popover />, bridge);
    await screen.findAllByTestId('org-summary-line');
    act(() => bridge.emit('command.error', { channel: 'scenario.toggle', error: contractError('rate-limited', 'Too many requests.', { retryAfterMs: 30_000 }) }));
    const toast = await screen.findByTestId('toast');
    expect(toast.getAttribute('role')).toBe('alert');
    expect(toast.dataset.kind).toBe('error');
    expect(toast.textContent).toMatch(/^Make is limiting requests right now\. Try again in 30 s\./);
    expect(await seriousViolations()).toEqual([]);
    act(() => {
      for (let i = 0; i < MAX_TOASTS + 2; i++) bridge.emit('toast', { kind: 'info', message: `Note ${i}`, key: null });
    });
    const shown = screen.getAllByTestId('toast').map((t) => t.textContent);
    expect(shown).toHaveLength(MAX_TOASTS);
    expect(shown.at(-1)).toBe(`Note ${MAX_TOASTS + 1}×`);
    for (const b of screen.getAllByRole('button', { name: 'Dismiss message' })) fireEvent.click(b);
    expect(screen.queryByTestId('toast')).toBeNull();
  });
});

describe('command failures as the views keep them', () => {
  it('are the contract’s errors, whatever the transport threw', () => {
    const typed = new CommandError(contractError('missing-scope', 'Needs “scenarios:write”.', { field: 'key' }));
    expect(toContractError(typed)).toEqual({ code: 'missing-scope', message: 'Needs “scenarios:write”.', field: 'key' });
    expect(toContractError({ code: 'offline', message: 'No connection.' })).toEqual({ code: 'offline', message: 'No connection.' });
    // Not a contract code: never passed on as if it were one.
    expect(toContractError({ code: 'EPIPE', message: 'broken pipe' }).code).toBe('internal');
    expect(toContractError(new Error('boom'))).toEqual({ code: 'internal', message: 'boom' });
    expect(toContractError(undefined).code).toBe('internal');
  });
});

describe('opening the main window from the popover', () => {
  it('goes to the main page in the browser dashboard (main has no window to open), keeping the secret and the scenario', async () => {
    const w = makeWorld(2);
    const key = Object.keys(w.scenarios)[0]!;
    const bridge = new MemoryBridge(w).fail('window.openMain', 'refused', 'This is already the main window.');
    const { services } = renderWith(<Popover />, bridge);
    const went: string[] = [];
    await openMainWindow(services.api, services.ui, key, (url) => went.push(url));
    expect(went).toHaveLength(1);
    const url = new URL(went[0]!);
    expect(url.pathname.endsWith('/index.html')).toBe(true);
    expect(new URLSearchParams(url.hash.slice(1)).get('scenario')).toBe(key);
    expect(mainPageUrl({ href: 'http://127.0.0.1:5/popover.html#k=abc', hash: '#k=abc' })).toBe('http://127.0.0.1:5/index.html#k=abc');
    expect(mainPageUrl({ href: 'http://127.0.0.1:5/popover.html#k=abc', hash: '#k=abc' }, 'h/s1')).toBe('http://127.0.0.1:5/index.html#k=abc&scenario=h%2Fs1');
  });

  it('shows other failures where the user clicked', async () => {
    const bridge = new MemoryBridge(makeWorld(2)).fail('window.openMain', 'internal', 'The window could not be opened.');
    const { services } = renderWith(<Popover />, bridge);
    const went: string[] = [];
    await openMainWindow(services.api, services.ui, undefined, (url) => went.push(url));
    expect(went).toEqual([]);
    expect((await screen.findByRole('alert')).textContent).toBe('The window could not be opened.');
  });
});
