import './support/setup';
import { act as reactAct, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, beforeEach } from 'vitest';
import type { HookView } from '../../shared/contract-hooks';
import { MainWindow } from '../../renderer/src/views/MainWindow';
import { MemoryBridge } from './support/memory-bridge';
import { renderWith } from './support/render';
import { makeWorld, scenario } from './support/world';

const ZONE = 'eu1.make.com';
const TEAM = `${ZONE}/t10`;

function hook(over: Partial<HookView> & { id: number }): HookView {
  return {
    teamKey: TEAM, name: `Hook ${over.id}`, url: `https://hook.eu1.make.com/abc${over.id}`, kind: 'webhook', enabled: true, gone: false,
    queueCount: 0, queueLimit: 10_000, attachedScenario: null, ...over,
  };
}

function world(scopes: string[] = []) {
  const w = makeWorld(0);
  w.accounts.a1!.scopes = scopes;
  const fed = scenario({ id: 5, name: 'Shopify → Xero', teamKey: TEAM });
  w.scenarios[fed.key] = fed;
  return { w, fed };
}

/** A main that keeps the team's hooks and answers like the engine's handlers. */
function withHooks(bridge: MemoryBridge, hooks: HookView[]) {
  let next = 100;
  return bridge
    .handle('hooks.list', ({ teamKey }) => ({ hooks: hooks.filter((h) => h.teamKey === teamKey) }))
    .handle('hooks.create', ({ teamKey, name }) => {
      const h = hook({ id: next++, teamKey, name: name.trim() });
      hooks.push(h);
      return { hook: h };
    })
    .handle('hooks.rename', ({ hookId, name }) => ({ hook: { ...hooks.find((h) => h.id === hookId)!, name } }))
    .handle('hooks.setEnabled', ({ enabled }) => ({ enabled }))
    .handle('hooks.ping', ({ hookId }) => ({ address: hooks.find((h) => h.id === hookId)!.url, attached: false, learning: true, gone: false }))
    .handle('hooks.delete', ({ hookId, confirmed }) => {
      const h = hooks.find((x) => x.id === hookId)!;
      if (h.attachedScenario && confirmed !== true) {
        return { kind: 'needs-confirmation', confirmation: { reason: 'hook-attached', message: 'It feeds a scenario.', scenario: h.attachedScenario } };
      }
      return { kind: 'done', value: { deleted: true } };
    });
}

async function openHooks(bridge: MemoryBridge) {
  const r = renderWith(<MainWindow />, bridge);
  reactAct(() => r.services.ui.getState().setView('hooks'));
  // The view is lazy-loaded: the first import may take a while on a busy machine.
  await screen.findByTestId('hooks-table', {}, { timeout: 10_000 });
  return r;
}

const rowOf = (name: string) => screen.getByText(name).closest('tr') as HTMLElement;

let copied: string[];
beforeEach(() => {
  copied = [];
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (s: string) => void copied.push(s) }, configurable: true });
});

describe('the webhooks screen', () => {
  it('lists the default team’s hooks with address, queue and the scenario each feeds; copies an address', async () => {
    const { w, fed } = world();
    const bridge = withHooks(new MemoryBridge(w), [
      hook({ id: 1, name: 'Orders in', queueCount: 3, attachedScenario: { id: 5, key: fed.key, name: fed.name } }),
      hook({ id: 2, name: 'Other team', teamKey: `${ZONE}/t11` }),
    ]);
    await openHooks(bridge);
    expect(bridge.sentOn('hooks.list')).toEqual([{ teamKey: TEAM }]);
    expect(screen.getByTestId('hooks-team')).toHaveProperty('value', TEAM);
    const row = rowOf('Orders in');
    expect(within(row).getByTestId('hook-url').textContent).toBe('https://hook.eu1.make.com/abc1');
    expect(within(row).getByTestId('hook-queue').textContent).toBe('3 of 10,000');
    expect(screen.queryByText('Other team')).toBeNull();

    fireEvent.click(within(row).getByRole('button', { name: 'Copy the address of “Orders in”' }));
    await waitFor(() => expect(copied).toEqual(['https://hook.eu1.make.com/abc1']));
    expect(await within(row).findByText('Address of “Orders in” copied.')).toBeTruthy();
  });

  it('the scenario link opens that scenario in the scenarios view', async () => {
    const { w, fed } = world();
    const bridge = withHooks(new MemoryBridge(w), [hook({ id: 1, name: 'Orders in', attachedScenario: { id: 5, key: fed.key, name: fed.name } })]);
    const { services } = await openHooks(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Show scenario “Shopify → Xero”' }));
    expect(services.ui.getState().view).toBe('scenarios');
    expect(services.ui.getState().selected).toBe(fed.key);
  });

  it('picking another team lists its hooks', async () => {
    const { w } = world();
    const bridge = withHooks(new MemoryBridge(w), [hook({ id: 1, name: 'Orders in' }), hook({ id: 2, name: 'Leads', teamKey: `${ZONE}/t21` })]);
    await openHooks(bridge);
    fireEvent.change(screen.getByTestId('hooks-team'), { target: { value: `${ZONE}/t21` } });
    expect(await screen.findByText('Leads')).toBeTruthy();
    expect(screen.queryByText('Orders in')).toBeNull();
  });

  it('creates, renames inline, switches off and checks a webhook', async () => {
    const { w } = world();
    const bridge = withHooks(new MemoryBridge(w), [hook({ id: 1, name: 'Orders in' })]);
    await openHooks(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'New webhook' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Typeform answers' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByText('Typeform answers');
    expect(bridge.sentOn('hooks.create')).toEqual([{ teamKey: TEAM, name: 'Typeform answers' }]);
    // The next step is usually copying the new address.
    await waitFor(() => expect(document.activeElement).toBe(within(rowOf('Typeform answers')).getByTestId('hook-copy')));

    const row = rowOf('Typeform answers');
    fireEvent.click(within(row).getByRole('button', { name: 'Rename “Typeform answers”' }));
    const input = within(row).getByRole('textbox', { name: 'Rename “Typeform answers”' });
    fireEvent.change(input, { target: { value: 'Typeform (EU)' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Save' }));
    await screen.findByText('Typeform (EU)');
    await waitFor(() => expect(document.activeElement).toBe(within(rowOf('Typeform (EU)')).getByTestId('hook-rename')));

    const sw = within(rowOf('Typeform (EU)')).getByRole('switch', { name: '“Typeform (EU)” receives data' });
    fireEvent.click(sw);
    await waitFor(() => expect(sw).toHaveProperty('ariaChecked', 'false'));
    expect(bridge.sentOn('hooks.setEnabled')).toEqual([{ teamKey: TEAM, hookId: 100, enabled: false }]);

    fireEvent.click(within(rowOf('Typeform (EU)')).getByRole('button', { name: 'Check “Typeform (EU)”' }));
    expect(await screen.findByText(/learning its data structure/)).toBeTruthy();
  });

  it('deleting a hook that feeds a scenario asks twice, names the scenario, and confirms only on the second yes', async () => {
    const { w, fed } = world();
    const bridge = withHooks(new MemoryBridge(w), [hook({ id: 1, name: 'Orders in', attachedScenario: { id: 5, key: fed.key, name: fed.name } })]);
    await openHooks(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Delete “Orders in”' }));
    const first = await screen.findByRole('alertdialog', { name: 'Delete webhook “Orders in”?' });
    expect(first.textContent).toContain('It feeds the scenario “Shopify → Xero”.');
    expect(document.activeElement).toBe(within(first).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(first).getByRole('button', { name: 'Delete' }));

    const second = await screen.findByRole('alertdialog', { name: 'This webhook feeds “Shopify → Xero”' });
    expect(bridge.sentOn('hooks.delete')).toEqual([{ teamKey: TEAM, hookId: 1 }]);
    fireEvent.click(within(second).getByRole('button', { name: 'Delete anyway' }));
    await waitFor(() => expect(screen.queryByText('Orders in', { selector: '[data-testid="hook-name"]' })).toBeNull());
    expect(bridge.sentOn('hooks.delete')).toEqual([{ teamKey: TEAM, hookId: 1 }, { teamKey: TEAM, hookId: 1, confirmed: true }]);
  });

  it('cancelling the second question deletes nothing', async () => {
    const { w, fed } = world();
    const bridge = withHooks(new MemoryBridge(w), [hook({ id: 1, name: 'Orders in', attachedScenario: { id: 5, key: fed.key, name: fed.name } })]);
    await openHooks(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Delete “Orders in”' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    const second = await screen.findByRole('alertdialog', { name: /This webhook feeds/ });
    fireEvent.click(within(second).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(bridge.sentOn('hooks.delete')).toHaveLength(1);
    expect(screen.getByText('Orders in')).toBeTruthy();
  });

  it('a token with only hooks:read sees the list without the actions it can’t use', async () => {
    const { w } = world(['hooks:read']);
    const bridge = withHooks(new MemoryBridge(w), [hook({ id: 1, name: 'Orders in' })]);
    await openHooks(bridge);
    const row = rowOf('Orders in');
    expect(screen.queryByRole('button', { name: 'New webhook' })).toBeNull();
    expect(within(row).queryByRole('switch')).toBeNull();
    expect(within(row).getByTestId('hook-enabled-text').textContent).toBe('On');
    expect(within(row).queryByRole('button', { name: /Rename|Delete/ })).toBeNull();
    expect(within(row).getByRole('button', { name: 'Check “Orders in”' })).toBeTruthy();
    expect(screen.getByText(/lacks “hooks:write”/)).toBeTruthy();
  });

  it('without hooks:read it says which permission is missing and asks Make nothing', async () => {
    const { w } = world(['scenarios:read']);
    const bridge = withHooks(new MemoryBridge(w), []);
    const r = renderWith(<MainWindow />, bridge);
    reactAct(() => r.services.ui.getState().setView('hooks'));
    expect((await screen.findByTestId('hooks-cant-list', {}, { timeout: 10_000 })).textContent).toContain('“hooks:read”');
    expect(bridge.sentOn('hooks.list')).toHaveLength(0);
  });

  it('a refusal shows in the create form and keeps the typed name', async () => {
    const { w } = world();
    const bridge = withHooks(new MemoryBridge(w), [hook({ id: 1, name: 'Orders in' })]).fail(
      'hooks.create',
      'missing-scope',
      'This account\'s sign-in does not include the "hooks:write" permission that this needs.',
    );
    await openHooks(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'New webhook' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Typeform answers' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    const form = screen.getByTestId('hook-create-form');
    expect((await within(form).findByRole('alert')).textContent).toContain('hooks:write');
    expect(within(form).getByLabelText('Name')).toHaveProperty('value', 'Typeform answers');
  });
});
