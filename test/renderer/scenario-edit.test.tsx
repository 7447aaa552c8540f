import './support/setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CommandError, contractError } from '../../shared/contract';
import { folderKey, scenarioKey, teamKey, type EngineState } from '../../shared/domain';
import { MainWindow } from '../../renderer/src/views/MainWindow';
import { MemoryBridge } from './support/memory-bridge';
import { renderWith } from './support/render';
import { makeWorld, scenario } from './support/world';

const ZONE = 'eu1.make.com';
const KEY = scenarioKey(ZONE, 1);

function world(scopes: string[] = []): EngineState {
  const w = makeWorld(0);
  w.accounts.a1!.scopes = scopes;
  w.scenarios[KEY] = scenario({ id: 1, name: 'Nightly invoices', teamKey: teamKey(ZONE, 10), scheduling: { type: 'daily', time: '08:00' } });
  return w;
}

/** Main that applies a patch to the scenario, as the engine's store does after Make answers. */
function patchScenario(b: MemoryBridge, patch: Partial<EngineState['scenarios'][string]>) {
  const s = b.state.scenarios[KEY]!;
  b.publish({ ...b.state, scenarios: { ...b.state.scenarios, [KEY]: { ...s, ...patch } } });
}

async function openDetail(bridge: MemoryBridge, lang: 'en' | 'ja' = 'en') {
  bridge.handle('scenario.details', () => ({ inputs: [], outputs: [], usedApps: [], hook: null }) as never);
  bridge.handle('scenario.runs', () => ({ runs: [], hasMore: false }) as never);
  bridge.handle('incomplete.list', () => ({ items: [] }));
  const r = renderWith(<MainWindow />, bridge, lang);
  await screen.findByText('Nightly invoices');
  act(() => r.services.ui.getState().select(KEY));
  return within(await screen.findByTestId('scenario-edit'));
}

describe('scenario edit section', () => {
  it('shows only what the token’s scopes allow', async () => {
    const bridge = new MemoryBridge(world(['scenarios:read', 'organizations:read', 'teams:read']));
    const section = await openDetail(bridge);
    expect(section.getByTestId('edit-export')).toBeTruthy();
    expect(section.queryByTestId('edit-rename')).toBeNull();
    expect(section.queryByTestId('edit-delete')).toBeNull();
    expect(screen.queryByTestId('new-scenario')).toBeNull();
  });

  it('renames; a refusal lists the problems and keeps what was typed', async () => {
    const bridge = new MemoryBridge(world());
    let refuse = true;
    bridge.handle('scenarioEdit.rename', ({ name }, b) => {
      if (refuse) throw new CommandError(contractError('invalid-input', 'Too long.', { problems: ['The name is too long for Make.'], field: 'name' }));
      patchScenario(b, { name: name.trim() });
      return { name: name.trim() };
    });
    const section = await openDetail(bridge);
    fireEvent.click(section.getByTestId('edit-rename'));
    const dialog = within(await screen.findByRole('dialog', { name: /Rename “Nightly invoices”/ }));
    const input = dialog.getByLabelText('Name') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    fireEvent.change(input, { target: { value: 'Nightly invoices (EU)' } });
    fireEvent.click(dialog.getByTestId('rename-dialog-submit'));
    expect((await dialog.findByTestId('edit-problems')).textContent).toContain('The name is too long for Make.');
    expect(input.value).toBe('Nightly invoices (EU)');
    refuse = false;
    fireEvent.click(dialog.getByTestId('rename-dialog-submit'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(bridge.sentOn('scenarioEdit.rename').at(-1)).toEqual({ key: KEY, name: 'Nightly invoices (EU)' });
    expect(await screen.findByTestId('detail-title')).toHaveProperty('textContent', 'Nightly invoices (EU)');
  });

  it('moves to a folder of the scenario’s team or out of any', async () => {
    const bridge = new MemoryBridge(world());
    bridge.handle('scenarioEdit.move', ({ folderKey: f }) => ({ folderKey: f }));
    const section = await openDetail(bridge);
    fireEvent.click(section.getByTestId('edit-move'));
    const select = (await screen.findByTestId('move-folder')) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['No folder', 'Folder 10']);
    fireEvent.change(select, { target: { value: folderKey(ZONE, 1000) } });
    fireEvent.click(screen.getByTestId('move-dialog-submit'));
    await waitFor(() => expect(bridge.sentOn('scenarioEdit.move')).toEqual([{ key: KEY, folderKey: folderKey(ZONE, 1000) }]));
  });

  it('says that time restrictions made in Make are kept by a new repeating schedule', async () => {
    const w = world();
    w.scenarios[KEY] = { ...w.scenarios[KEY]!, scheduling: { type: 'daily', time: '08:00', restrict: [{ days: [1, 2] }] } as never };
    const section = await openDetail(new MemoryBridge(w));
    fireEvent.click(section.getByTestId('edit-schedule'));
    const dialog = within(await screen.findByTestId('schedule-dialog'));
    expect(dialog.getByTestId('schedule-advanced-kept').textContent).toContain('Time restrictions and limits set in Make are kept');
    fireEvent.change(dialog.getByTestId('schedule-type'), { target: { value: 'on-demand' } });
    expect(dialog.queryByTestId('schedule-advanced-kept')).toBeNull();
  });

  it('words a schedule’s problems in the window’s language', async () => {
    const bridge = new MemoryBridge(world());
    bridge.settings = { ...bridge.settings, language: 'ja' };
    const section = await openDetail(bridge, 'ja');
    await waitFor(() => expect(document.documentElement.lang).toBe('ja'));
    fireEvent.click(section.getByTestId('edit-schedule'));
    const dialog = within(await screen.findByTestId('schedule-dialog'));
    fireEvent.change(dialog.getByTestId('schedule-type'), { target: { value: 'weekly' } });
    for (const box of within(dialog.getByTestId('schedule-weekdays')).getAllByRole('checkbox')) if ((box as HTMLInputElement).checked) fireEvent.click(box);
    expect(dialog.getByTestId('schedule-problems').textContent).toContain('曜日を 1 つ以上選んでください。');
  });

  it('previews the next runs of a schedule and holds back one that is not complete', async () => {
    const bridge = new MemoryBridge(world());
    bridge.handle('scenarioEdit.setSchedule', ({ scheduling }) => ({ scheduling, nextExec: null }));
    const section = await openDetail(bridge);
    fireEvent.click(section.getByTestId('edit-schedule'));
    const dialog = within(await screen.findByTestId('schedule-dialog'));
    expect(dialog.getAllByRole('listitem')).toHaveLength(5);
    fireEvent.change(dialog.getByTestId('schedule-type'), { target: { value: 'weekly' } });
    for (const box of within(dialog.getByTestId('schedule-weekdays')).getAllByRole('checkbox')) if ((box as HTMLInputElement).checked) fireEvent.click(box);
    expect(dialog.getByTestId('schedule-problems').textContent).toContain('Choose at least one day of the week.');
    expect(dialog.getByTestId('schedule-dialog-submit')).toHaveProperty('disabled', true);
    fireEvent.click(within(dialog.getByTestId('schedule-weekdays')).getByLabelText('Wed'));
    fireEvent.change(dialog.getByTestId('schedule-time'), { target: { value: '07:30' } });
    const runs = within(dialog.getByTestId('schedule-preview')).getAllByRole('listitem');
    expect(runs).toHaveLength(5);
    expect(runs.every((li) => /Wed/.test(li.textContent ?? '') && /07:30/.test(li.textContent ?? ''))).toBe(true);
    fireEvent.click(dialog.getByTestId('schedule-dialog-submit'));
    await waitFor(() => expect(bridge.sentOn('scenarioEdit.setSchedule')).toEqual([{ key: KEY, scheduling: { type: 'weekly', days: [3], time: '07:30' } }]));
  });

  it('deletes only after the scenario’s name is typed', async () => {
    const bridge = new MemoryBridge(world());
    bridge.handle('scenarioEdit.delete', ({ confirmName }) =>
      confirmName === 'Nightly invoices' ? { kind: 'done', value: { deleted: true } } : { kind: 'needs-confirmation', confirmation: { reason: 'scenario-name', message: 'Type the name.' } },
    );
    const section = await openDetail(bridge);
    fireEvent.click(section.getByTestId('edit-delete'));
    const dialog = within(await screen.findByRole('alertdialog', { name: 'Delete “Nightly invoices”?' }));
    const submit = dialog.getByTestId('delete-dialog-submit');
    expect(submit).toHaveProperty('disabled', true);
    fireEvent.change(dialog.getByLabelText('Type “Nightly invoices” to confirm'), { target: { value: 'Nightly' } });
    expect(submit).toHaveProperty('disabled', true);
    fireEvent.change(dialog.getByLabelText('Type “Nightly invoices” to confirm'), { target: { value: 'Nightly invoices' } });
    fireEvent.click(submit);
    await waitFor(() => expect(bridge.sentOn('scenarioEdit.delete')).toEqual([{ key: KEY, confirmName: 'Nightly invoices' }]));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  });
});

describe('new scenario from a blueprint file', () => {
  const good = JSON.stringify({ name: 'Imported', flow: [{ id: 1, module: 'http:ActionSendData' }], metadata: {} });
  const choose = (text: string, name: string) => fireEvent.change(screen.getByTestId('create-file'), { target: { files: [new File([text], name, { type: 'application/json' })] } });

  it('says at once why a file is not a blueprint; a good file is sent with team, folder and name, confirming when Make asks', async () => {
    const bridge = new MemoryBridge(world());
    bridge.handle('scenarioEdit.create', (req) =>
      req.confirmed ? { kind: 'done', value: { key: scenarioKey(ZONE, 99), id: 99, name: req.name ?? 'Imported' } } : { kind: 'needs-confirmation', confirmation: { reason: 'make-asks', message: 'Make asks: install the HTTP app?' } },
    );
    renderWith(<MainWindow />, bridge);
    fireEvent.click(await screen.findByTestId('new-scenario'));
    await screen.findByRole('dialog', { name: 'New scenario from a blueprint' });
    expect(screen.getByTestId('create-dialog-submit')).toHaveProperty('disabled', true);

    choose('{"scenarios": []}', 'list.json');
    expect((await screen.findByTestId('create-file-problems')).textContent).toMatch(/list\.json is not a scenario blueprint.*Make API listing/);
    expect(screen.getByTestId('create-dialog-submit')).toHaveProperty('disabled', true);

    fireEvent.change(screen.getByTestId('create-name'), { target: { value: 'Client A import' } });
    choose(good, 'imported.blueprint.json');
    expect((await screen.findByTestId('create-file-ok')).textContent).toContain('“Imported”');
    fireEvent.change(screen.getByTestId('create-team'), { target: { value: teamKey(ZONE, 20) } });
    fireEvent.change(screen.getByTestId('create-folder'), { target: { value: folderKey(ZONE, 2000) } });
    fireEvent.click(screen.getByTestId('create-dialog-submit'));
    expect((await screen.findByTestId('create-asked')).textContent).toContain('install the HTTP app');
    expect(screen.getByTestId('create-name')).toHaveProperty('value', 'Client A import');
    fireEvent.click(screen.getByRole('button', { name: 'Create anyway' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const sent = bridge.sentOn('scenarioEdit.create');
    expect(sent).toEqual([
      { teamKey: teamKey(ZONE, 20), blueprint: good, folderKey: folderKey(ZONE, 2000), name: 'Client A import' },
      { teamKey: teamKey(ZONE, 20), blueprint: good, folderKey: folderKey(ZONE, 2000), name: 'Client A import', confirmed: true },
    ]);
  });
});
