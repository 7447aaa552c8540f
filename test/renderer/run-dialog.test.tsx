import './support/setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InterfaceParam } from '../../shared/contract-schemas';
import { MainWindow } from '../../renderer/src/views/MainWindow';
import { MemoryBridge } from './support/memory-bridge';
import { renderWith } from './support/render';
import { makeWorld, scenario } from './support/world';

const param = (over: Partial<InterfaceParam> & { name: string }): InterfaceParam => ({
  type: 'text', label: null, required: false, default: null, multiline: false, options: null, spec: null, ...over,
});

function setup(inputs: InterfaceParam[]) {
  const w = makeWorld(0);
  const s = scenario({ id: 5, name: 'Send welcome mail', scheduling: { type: 'on-demand' } });
  w.scenarios[s.key] = s;
  const bridge = new MemoryBridge(w)
    .handle('scenario.details', ({ key }) => ({ key, inputs, outputs: [], usedApps: [], storesIncomplete: null, hook: null, fetchedAt: 0 }))
    .handle('scenario.run', () => ({ executionId: 'e0000000000000000000000000000001' }));
  renderWith(<MainWindow />, bridge);
  return { bridge, s };
}

async function openRun() {
  fireEvent.click(await screen.findByRole('button', { name: 'Run Send welcome mail' }));
  return screen.findByRole('dialog', { name: 'Run “Send welcome mail”' });
}

describe('running a scenario with interface inputs', () => {
  const inputs = [
    param({ name: 'email', label: 'Email', required: true }),
    param({ name: 'count', type: 'number' }),
    param({ name: 'vip', type: 'boolean', default: true }),
    param({ name: 'tags', type: 'array' }),
  ];

  it('builds a form from the inputs, reports missing and malformed fields inline, then runs with typed data', async () => {
    const { bridge, s } = setup(inputs);
    const dialog = await openRun();
    const email = await within(dialog).findByLabelText(/Email/);
    const count = within(dialog).getByLabelText('count');
    expect(within(dialog).getByLabelText('vip')).toHaveProperty('checked', true);
    fireEvent.change(count, { target: { value: 'twelve' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Run now' }));
    expect(await within(dialog).findByText('Email is required.')).toBeTruthy();
    expect(within(dialog).getByText('count must be a number.')).toBeTruthy();
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(bridge.sentOn('scenario.run')).toHaveLength(0);

    fireEvent.change(email, { target: { value: 'ann@example.com' } });
    fireEvent.change(count, { target: { value: '12' } });
    fireEvent.change(within(dialog).getByLabelText('tags'), { target: { value: '["a","b"]' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Run now' }));
    await waitFor(() =>
      expect(bridge.sentOn('scenario.run')).toEqual([{ key: s.key, data: { email: 'ann@example.com', count: 12, vip: true, tags: ['a', 'b'] } }]),
    );
    // Followed live: running, then the outcome main reports.
    const outcome = await within(dialog).findByTestId('run-outcome');
    await waitFor(() => expect(outcome.dataset.status).toBe('running'));
    bridge.emit('run.progress', { key: s.key, executionId: 'e0000000000000000000000000000001', status: 3, at: 1, durationMs: 900, errorMessage: 'Mailbox full' });
    await waitFor(() => expect(outcome.dataset.status).toBe('3'));
    expect(outcome.textContent).toContain('The run failed.');
    expect(outcome.textContent).toContain('Mailbox full');
  });

  it('keeps what was typed when the run fails, and says why in the dialog', async () => {
    const { bridge } = setup(inputs);
    bridge.fail('scenario.run', 'refused', 'Make only runs active scenarios.');
    const dialog = await openRun();
    fireEvent.change(await within(dialog).findByLabelText(/Email/), { target: { value: 'kept@example.com' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Run now' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Make only runs active scenarios.');
    expect(within(dialog).getByLabelText(/Email/)).toHaveProperty('value', 'kept@example.com');
    // Closing and opening again keeps the draft.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    const again = await openRun();
    expect(await within(again).findByLabelText(/Email/)).toHaveProperty('value', 'kept@example.com');
  });
});

describe('running a scenario without an interface (JSON editor)', () => {
  it('reports invalid JSON inline, keeps the text, and runs once it is fixed', async () => {
    const { bridge, s } = setup([]);
    const dialog = await openRun();
    const editor = await within(dialog).findByLabelText('Input data (JSON)');
    fireEvent.change(editor, { target: { value: '{"orderId": 12,' } });
    const status = within(dialog).getByTestId('run-json-status');
    expect(status.textContent).toMatch(/^This is not valid JSON: /);
    expect(editor.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByRole('button', { name: 'Run now' })).toHaveProperty('disabled', true);
    expect(editor).toHaveProperty('value', '{"orderId": 12,');

    fireEvent.change(editor, { target: { value: '[1, 2]' } });
    expect(status.textContent).toBe('The input must be a JSON object, like {"key": "value"}.');

    fireEvent.change(editor, { target: { value: '{"orderId": 12}' } });
    expect(status.textContent).toBe('Leave empty to run without input.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Run now' }));
    await waitFor(() => expect(bridge.sentOn('scenario.run')).toEqual([{ key: s.key, data: { orderId: 12 } }]));
    // The run's result arrives through the polled state too.
    const run = { id: 'e0000000000000000000000000000001', status: 1 as const, timestamp: 1, durationMs: 10, operations: 1, transfer: 0, type: 'manual', errorMessage: null, errorModule: null };
    bridge.publish({ ...bridge.state, scenarios: { ...bridge.state.scenarios, [s.key]: { ...bridge.state.scenarios[s.key]!, recentRuns: [run] } } });
    await waitFor(() => expect(within(dialog).getByTestId('run-outcome').textContent).toContain('Finished successfully.'));
  });

  it('runs without input when the editor is empty', async () => {
    const { bridge, s } = setup([]);
    const dialog = await openRun();
    await within(dialog).findByLabelText('Input data (JSON)');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Run now' }));
    await waitFor(() => expect(bridge.sentOn('scenario.run')).toEqual([{ key: s.key }]));
  });
});
