import './support/setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emptyEngineState } from '../../shared/domain';
import { MainWindow } from '../../renderer/src/views/MainWindow';
import { MemoryBridge } from './support/memory-bridge';
import { renderWith } from './support/render';
import { makeWorld, scenario } from './support/world';

function world() {
  const w = makeWorld(0);
  const on = scenario({ id: 1, name: 'Nightly invoices', isActive: true, health: 'ok' });
  const off = scenario({ id: 2, name: 'Lead import', isActive: false, health: 'inactive' });
  w.scenarios[on.key] = on;
  w.scenarios[off.key] = off;
  return { w, on, off };
}

/** A main that applies the toggle to its state, like the engine does after Make answers. */
function withToggle(bridge: MemoryBridge) {
  return bridge.handle('scenario.toggle', ({ key, on }, b) => {
    const s = b.state.scenarios[key]!;
    b.publish({ ...b.state, scenarios: { ...b.state.scenarios, [key]: { ...s, isActive: on, health: on ? 'ok' : 'inactive' } } });
    return { isActive: on };
  });
}

const rowOf = async (name: string) => (await screen.findByText(name)).closest('[data-testid="scenario-row"]') as HTMLElement;

describe('the on/off switch', () => {
  it('asks before switching off; Cancel sends nothing', async () => {
    const { w } = world();
    const bridge = withToggle(new MemoryBridge(w));
    renderWith(<MainWindow />, bridge);
    const row = await rowOf('Nightly invoices');
    const sw = within(row).getByRole('switch', { name: /Nightly invoices/ });
    expect(sw).toHaveProperty('ariaChecked', 'true');
    fireEvent.click(sw);
    const dialog = await screen.findByRole('alertdialog', { name: /Turn off “Nightly invoices”/ });
    // Focus starts on the safe choice.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(bridge.sentOn('scenario.toggle')).toHaveLength(0);
  });

  it('switches off after confirming, and shows what main reports', async () => {
    const { w, on } = world();
    const bridge = withToggle(new MemoryBridge(w));
    renderWith(<MainWindow />, bridge);
    fireEvent.click(within(await rowOf('Nightly invoices')).getByRole('switch'));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Turn off' }));
    await waitFor(() => expect(bridge.sentOn('scenario.toggle')).toEqual([{ key: on.key, on: false }]));
    await waitFor(() => expect(within(screen.getByText('Nightly invoices').closest('[role="row"]') as HTMLElement).getByRole('switch')).toHaveProperty('ariaChecked', 'false'));
  });

  it('Escape closes the question without switching', async () => {
    const { w } = world();
    const bridge = withToggle(new MemoryBridge(w));
    renderWith(<MainWindow />, bridge);
    fireEvent.click(within(await rowOf('Nightly invoices')).getByRole('switch'));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(bridge.sentOn('scenario.toggle')).toHaveLength(0);
  });

  it('switches on at once without asking', async () => {
    const { w, off } = world();
    const bridge = withToggle(new MemoryBridge(w));
    renderWith(<MainWindow />, bridge);
    fireEvent.click(within(await rowOf('Lead import')).getByRole('switch'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(bridge.sentOn('scenario.toggle')).toEqual([{ key: off.key, on: true }]));
  });

  it('shows a refusal in plain words on the row the user acted on', async () => {
    const { w } = world();
    const bridge = new MemoryBridge(w).fail('scenario.toggle', 'missing-scope', 'The token lacks the "scenarios:write" scope.');
    renderWith(<MainWindow />, bridge);
    fireEvent.click(within(await rowOf('Lead import')).getByRole('switch'));
    const row = await rowOf('Lead import');
    const alert = await within(row).findByRole('alert');
    expect(alert.textContent).toBe('The token lacks the “scenarios:write” scope. Create a token with it and reconnect.');
    // The other row is untouched.
    expect(within(await rowOf('Nightly invoices')).queryByRole('alert')).toBeNull();
  });

  it('says when Make rate-limits, with the wait', async () => {
    const { w } = world();
    const bridge = new MemoryBridge(w).fail('scenario.toggle', 'rate-limited', 'Too many requests', 42_000);
    renderWith(<MainWindow />, bridge);
    fireEvent.click(within(await rowOf('Lead import')).getByRole('switch'));
    expect((await within(await rowOf('Lead import')).findByRole('alert')).textContent).toMatch(/Try again in 42 s/);
  });
});

describe('the main window', () => {
  it('shows a skeleton until the first snapshot, then the list; arrow keys and Enter open a detail', async () => {
    const bridge = new MemoryBridge(makeWorld(30));
    bridge.handle('scenario.details', ({ key }) => ({ key, inputs: [], outputs: [], usedApps: [{ name: 'http', modules: 2 }], storesIncomplete: null, hook: null, fetchedAt: 0 }));
    bridge.handle('scenario.runs', () => ({ runs: [], offset: 0, limit: 20, hasMore: false }));
    bridge.handle('incomplete.list', () => ({ items: [] }));
    renderWith(<MainWindow />, bridge);
    expect(screen.getByTestId('list-skeleton')).toBeTruthy();
    const rows = await screen.findAllByTestId('scenario-row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(30 + 1);
    act(() => rows[0]!.focus());
    fireEvent.keyDown(rows[0]!, { key: 'ArrowDown' });
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset.rowIndex).toBe('1'));
    const key = (document.activeElement as HTMLElement).dataset.scenarioKey!;
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    const detail = await screen.findByTestId('scenario-detail');
    expect(detail.dataset.scenarioKey).toBe(key);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('detail-title')));
    expect(await within(detail).findByText('http')).toBeTruthy();
  });

  it('filters as the user types and says how many match', async () => {
    const bridge = new MemoryBridge(makeWorld(200));
    renderWith(<MainWindow />, bridge);
    await screen.findAllByTestId('scenario-row');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search scenarios' }), { target: { value: '#123' } });
    await waitFor(() => expect(screen.getByTestId('scenario-count').textContent).toBe('1 scenario'));
    expect(screen.getAllByTestId('scenario-row')).toHaveLength(1);
  });

  it('shows cached-data, demo and rate-limit markers', async () => {
    const w = makeWorld(3);
    w.cachedAt = Date.UTC(2025, 0, 15, 11, 2);
    w.demo = true;
    const org = Object.values(w.orgs)[0]!;
    w.orgs[org.key] = { ...org, budget: { ...org.budget, rateLimitedUntil: Date.UTC(2025, 0, 15, 12, 30) } };
    renderWith(<MainWindow />, new MemoryBridge(w));
    expect((await screen.findByTestId('stale-marker')).textContent).toMatch(/^Showing cached data from /);
    expect(screen.getByTestId('demo-badge').textContent).toBe('Demo data');
    const budget = screen.getAllByTestId('org-budget').find((b) => b.dataset.org === org.key)!;
    expect(budget.dataset.rateLimited).toBe('true');
    expect(budget.textContent).toMatch(/Rate-limited until/);
  });

  it('says so when there are no scenarios yet', async () => {
    renderWith(<MainWindow />, new MemoryBridge(emptyEngineState()));
    expect((await screen.findByTestId('list-empty')).textContent).toBe('No scenarios to show yet.');
  });
});
