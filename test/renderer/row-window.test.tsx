import './support/setup';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { rowWindow, scrollToShow } from '../../renderer/src/model/row-window';
import { MainWindow } from '../../renderer/src/views/MainWindow';
import { MemoryBridge } from './support/memory-bridge';
import { renderWith } from './support/render';
import { makeWorld } from './support/world';

describe('the rows of a fixed-height list that are rendered', () => {
  it('covers the viewport, plus the overscan on both sides, within the list', () => {
    expect(rowWindow(0, 440, 44, 5000, 0)).toEqual({ start: 0, end: 10 });
    expect(rowWindow(0, 440, 44, 5000, 4)).toEqual({ start: 0, end: 14 });
    // Half a row scrolled: the row cut at the bottom is rendered too.
    expect(rowWindow(22, 440, 44, 5000, 0)).toEqual({ start: 0, end: 11 });
    expect(rowWindow(4400, 440, 44, 5000, 4)).toEqual({ start: 96, end: 114 });
    expect(rowWindow(5000 * 44 - 440, 440, 44, 5000, 4)).toEqual({ start: 4986, end: 5000 });
    expect(rowWindow(0, 440, 44, 3, 4)).toEqual({ start: 0, end: 3 });
    expect(rowWindow(0, 440, 44, 0, 4)).toEqual({ start: 0, end: 0 });
    // A list shorter than where the box is scrolled to (after filtering) shows its last screenful.
    expect(rowWindow(44_000, 440, 44, 20, 4)).toEqual({ start: 6, end: 20 });
  });

  it('scrolls the least needed to show a row', () => {
    expect(scrollToShow(3, 0, 440, 44)).toBe(0); // already visible
    expect(scrollToShow(10, 0, 440, 44)).toBe(44); // just below: bottom-aligned
    expect(scrollToShow(2, 440, 440, 44)).toBe(88); // above: top-aligned
  });
});

describe('keyboard moves in the scenario grid', () => {
  it('End and Home reach rows far outside the rendered window and focus them', async () => {
    const bridge = new MemoryBridge(makeWorld(500));
    renderWith(<MainWindow />, bridge);
    const rows = await screen.findAllByTestId('scenario-row');
    expect(rows.length).toBeLessThan(40);
    act(() => rows[0]!.focus());
    fireEvent.keyDown(rows[0]!, { key: 'End' });
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset.rowIndex).toBe('499'));
    fireEvent.keyDown(document.activeElement!, { key: 'PageUp' });
    await waitFor(() => expect(Number((document.activeElement as HTMLElement).dataset.rowIndex)).toBeLessThan(499));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset.rowIndex).toBe('0'));
  });
});
