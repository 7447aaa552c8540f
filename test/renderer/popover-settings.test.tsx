import './support/setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { MainWindow } from '../../renderer/src/views/MainWindow';
import { Popover } from '../../renderer/src/views/Popover';
import { MemoryBridge } from './support/memory-bridge';
import { renderWith } from './support/render';
import { NOW, makeWorld } from './support/world';

async function seriousViolations(): Promise<string[]> {
  // Layout-dependent rules can't be judged in jsdom; the e2e axe scan covers them in Chromium.
  const r = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.html}`);
}

describe('the popover', () => {
  it('shows one line per org and problems first, with Run, on/off and Open in Make', async () => {
    const w = makeWorld(40);
    const org = Object.values(w.orgs)[1]!;
    w.orgs[org.key] = { ...org, budget: { ...org.budget, rateLimitedUntil: NOW + 600_000 } };
    const bridge = new MemoryBridge(w).handle('shell.openExternal', () => null).handle('window.openMain', () => null).handle('refresh', () => null);
    renderWith(<Popover />, bridge);
    const lines = await screen.findAllByTestId('org-summary-line');
    expect(lines.map((l) => l.dataset.condition)).toEqual(['failing', 'rate-limited']);
    const rows = await screen.findAllByTestId('popover-row');
    expect(within(rows[0]!).getByTestId('status-chip').dataset.health).toBe('off-by-make');
    fireEvent.click(within(rows[0]!).getByTestId('popover-open-in-make'));
    const key = rows[0]!.dataset.scenarioKey!;
    const s = w.scenarios[key]!;
    await waitFor(() => expect(bridge.sentOn('shell.openExternal')).toEqual([{ url: `https://eu1.make.com/${w.teams[s.teamKey]!.id}/scenarios/${s.id}/edit` }]));
    fireEvent.click(screen.getByRole('button', { name: 'Open Make Tray' }));
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(bridge.sentOn('window.openMain')).toHaveLength(1));
    await waitFor(() => expect(bridge.sentOn('refresh')).toHaveLength(1));
    expect(await seriousViolations()).toEqual([]);
  });
});

describe('settings', () => {
  it('connects with a token, shows main’s message where the user acted, and clears the token field on success', async () => {
    const bridge = new MemoryBridge(makeWorld(2)).fail('accounts.connectToken', 'missing-scope', 'The token lacks the "scenarios:read" scope.');
    renderWith(<MainWindow />, bridge);
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    const form = await screen.findByTestId('connect-form');
    fireEvent.change(within(form).getByLabelText('Zone'), { target: { value: 'us2.make.com' } });
    fireEvent.change(within(form).getByLabelText('API token'), { target: { value: 'tok-123456789' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Connect' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(/“scenarios:read” scope/);
    expect(within(form).getByLabelText('API token')).toHaveProperty('value', 'tok-123456789');
    expect(bridge.sentOn('accounts.connectToken')).toEqual([{ zone: 'us2.make.com', token: 'tok-123456789' }]);

    const account = { ...bridge.state.accounts.a1!, id: 'a2', statusMessage: 'Connected as Ann: 2 organizations.' };
    bridge.handle('accounts.connectToken', () => ({ account }));
    fireEvent.click(within(form).getByRole('button', { name: 'Connect' }));
    expect((await within(form).findByTestId('connect-result')).textContent).toBe('Connected as Ann: 2 organizations.');
    expect(within(form).getByLabelText('API token')).toHaveProperty('value', '');
  });

  it('asks before signing out', async () => {
    const bridge = new MemoryBridge(makeWorld(2)).handle('accounts.signOut', () => null);
    renderWith(<MainWindow />, bridge);
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Sign out of Aiko Tanaka?' });
    expect(bridge.sentOn('accounts.signOut')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(bridge.sentOn('accounts.signOut')).toEqual([{ accountId: 'a1' }]));
  });

  it('saves notification rules and snoozes', async () => {
    const bridge = new MemoryBridge(makeWorld(2)).handle('notifications.snooze', () => null);
    renderWith(<MainWindow />, bridge);
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    const warn = await screen.findByRole('checkbox', { name: 'a run finishes with warnings' });
    await waitFor(() => expect(warn).toHaveProperty('disabled', false));
    fireEvent.click(warn);
    await waitFor(() => expect(bridge.sentOn('settings.set')).toEqual([{ notify: { warning: true } }]));
    expect(bridge.settings.notify.warning).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'For 1 hour' }));
    await waitFor(() => expect(bridge.sentOn('notifications.snooze')).toEqual([{ until: NOW + 3_600_000 }]));
    expect(await seriousViolations()).toEqual([]);
  });
});

describe('accessibility of the main window', () => {
  it('has no serious or critical axe violations, with the detail and a dialog open', async () => {
    const bridge = new MemoryBridge(makeWorld(6))
      .handle('scenario.details', ({ key }) => ({ key, inputs: [], outputs: [], usedApps: [], storesIncomplete: null, hook: null, fetchedAt: 0 }))
      .handle('scenario.runs', ({ key }, b) => ({ runs: b.state.scenarios[key]?.recentRuns ?? [], offset: 0, limit: 20, hasMore: false }))
      .handle('incomplete.list', () => ({ items: [{ id: 'd1', reason: 'Timeout', created: NOW, size: null, resolved: false, retry: false, attempts: 2 }] }));
    renderWith(<MainWindow />, bridge);
    const rows = await screen.findAllByTestId('scenario-row');
    expect(await seriousViolations()).toEqual([]);
    fireEvent.click(rows[0]!);
    await screen.findByTestId('scenario-detail');
    await screen.findByTestId('incomplete-item');
    expect(await seriousViolations()).toEqual([]);
    fireEvent.click(screen.getByTestId('detail-run'));
    await screen.findByLabelText('Input data (JSON)');
    expect(await seriousViolations()).toEqual([]);
  });
});
