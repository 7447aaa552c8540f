// The report screen and Settings → Agency over an in-memory bridge whose report commands are answered
// by the real aggregation and exports (electron/core/management/report) on the test world's runs.
import './support/setup';
import { act as flush, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandRequest } from '../../shared/contract';
import type { EngineState } from '../../shared/domain';
import { buildAgencyReport, toCsv, toPrintableHtml, type AgencyReport } from '../../electron/core/management';
import ReportView from '../../renderer/src/views/report/ReportView';
import { SettingsView } from '../../renderer/src/views/Settings';
import { MemoryBridge } from './support/memory-bridge';
import { renderWith } from './support/render';
import { makeWorld } from './support/world';

async function seriousViolations(): Promise<string[]> {
  const r = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.html}`);
}

function reportOf(w: EngineState, req: CommandRequest<'report.build'>, incomplete = new Set<string>()): AgencyReport {
  const scenarios = Object.values(w.scenarios).map((s) => ({ key: s.key, id: s.id, name: s.name, orgKey: s.orgKey, teamKey: s.teamKey }));
  const runs = Object.fromEntries(Object.values(w.scenarios).map((s) => [s.key, s.recentRuns]));
  const orgs = req.orgKeys.map((k) => ({ key: k, name: w.orgs[k]!.name }));
  const teamNames = Object.fromEntries(Object.values(w.teams).map((t) => [t.key, t.name]));
  return buildAgencyReport(runs, scenarios, orgs, { from: req.from, to: req.to }, { teamNames, incomplete, onlyWithRuns: req.onlyWithRuns ?? false });
}

/** Blobs the page hands to the browser's download, by file name. */
const downloads = new Map<string, Blob>();
let blobs: Blob[] = [];
beforeEach(() => {
  downloads.clear();
  blobs = [];
  URL.createObjectURL = (b: Blob | MediaSource) => {
    blobs.push(b as Blob);
    return `blob:test/${blobs.length - 1}`;
  };
  URL.revokeObjectURL = () => undefined;
  // jsdom does not download: record what the link would save instead of navigating.
  HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
    downloads.set(this.download, blobs[Number(this.href.split('/').pop())]!);
  };
});
afterEach(() => {
  // @ts-expect-error -- back to jsdom's own behaviour for other files
  delete HTMLAnchorElement.prototype.click;
});

describe('the report screen', () => {
  it('builds for the watched organizations with progress and a stop button, shows totals, and exports CSV and HTML', async () => {
    const w = makeWorld(30);
    const [acme, birch] = Object.values(w.orgs);
    w.orgs[birch!.key] = { ...birch!, monitored: false };
    let release: (() => void) | null = null;
    const bridge = new MemoryBridge(w)
      .handle('report.build', async (req, b) => {
        b.emit('report.progress', { requestId: req.requestId, scenariosDone: 0, scenariosTotal: 12, requests: 0 });
        b.emit('report.progress', { requestId: 'someone-else', scenariosDone: 9, scenariosTotal: 9, requests: 9 });
        b.emit('report.progress', { requestId: req.requestId, scenariosDone: 5, scenariosTotal: 12, requests: 7 });
        await new Promise<void>((resolve) => (release = resolve));
        const first = Object.values(w.scenarios).find((s) => s.orgKey === req.orgKeys[0])!;
        return { report: reportOf(w, req, new Set([first.key])), cancelled: false, requests: 14 };
      })
      .handle('report.cancel', () => null)
      .handle('report.export', (req) => {
        const built = reportOf(w, bridge.sentOn('report.build')[0] as CommandRequest<'report.build'>);
        return req.format === 'csv'
          ? { mimeType: 'text/csv;charset=utf-8', text: toCsv(built) }
          : { mimeType: 'text/html;charset=utf-8', text: toPrintableHtml(built, { agencyName: 'Test Agency' }) };
      });
    renderWith(<ReportView />, bridge);

    // Only the watched organization is chosen at first.
    const boxes = await screen.findAllByTestId('report-org');
    expect(boxes.map((b) => [(b as HTMLInputElement).dataset.orgKey, (b as HTMLInputElement).checked])).toEqual([
      [acme!.key, true],
      [birch!.key, false],
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Today' }));
    const today = (screen.getByLabelText('From') as HTMLInputElement).value;
    expect((screen.getByLabelText('To (inclusive)') as HTMLInputElement).value).toBe(today);

    fireEvent.click(screen.getByRole('button', { name: 'Build report' }));
    expect((await screen.findByRole('status')).textContent).toBe('Reading run history: 5 of 12 scenarios (7 requests to Make)');
    expect(screen.getByRole('button', { name: 'Build report' })).toHaveProperty('disabled', true);
    const sent = bridge.sentOn('report.build')[0] as CommandRequest<'report.build'>;
    expect(sent.orgKeys).toEqual([acme!.key]);
    expect(sent.to - sent.from).toBe(86_400_000);
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(bridge.sentOn('report.cancel')).toEqual([{ requestId: sent.requestId }]));
    expect(await seriousViolations()).toEqual([]);

    await flush(async () => release!());
    const result = await screen.findByTestId('report-result');
    const expected = reportOf(w, sent);
    expect(expected.totals.runs).toBeGreaterThan(0);
    const grand = within(result).getByTestId('report-grand-total');
    expect(grand.textContent).toContain(String(expected.totals.runs));
    const orgTotal = within(result).getByTestId('report-org-total');
    expect([...orgTotal.querySelectorAll('td.n')].map((c) => c.textContent)).toEqual([
      String(expected.totals.runs),
      String(expected.totals.failures),
      String(expected.totals.warnings),
      String(expected.totals.operations),
      `${expected.totals.transfer} B`,
    ]);
    expect(within(result).getAllByTestId('report-row')).toHaveLength(expected.orgs[0]!.scenarios.length);
    expect(within(result).getByTestId('report-partial').textContent).toMatch(/partial/);
    expect(within(result).getAllByText('(partial)', { exact: false })).toHaveLength(1);

    fireEvent.click(within(result).getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(downloads.has(`make-report_${today}_${today}.csv`)).toBe(true));
    const csv = await downloads.get(`make-report_${today}_${today}.csv`)!.text();
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'Organization,Team,Scenario,Scenario ID,Runs,Successes,Warnings,Failures,Operations,Data transfer (bytes),Complete',
    );
    fireEvent.click(within(result).getByRole('button', { name: 'Download printable page' }));
    await waitFor(() => expect(downloads.has(`make-report_${today}_${today}.html`)).toBe(true));
    expect(await downloads.get(`make-report_${today}_${today}.html`)!.text()).toContain('<h1>Test Agency</h1>');
    expect(bridge.sentOn('report.export')).toMatchObject([
      { requestId: sent.requestId, format: 'csv', locale: 'en' },
      { requestId: sent.requestId, format: 'html', locale: 'en' },
    ]);
    expect(await seriousViolations()).toEqual([]);
  });

  it('says what is missing before sending anything, and shows main’s error where the user acted', async () => {
    const bridge = new MemoryBridge(makeWorld(6)).fail('report.build', 'invalid-input', 'The range is too long (400 days at most).');
    bridge.settings = { ...bridge.settings, language: 'ja' };
    renderWith(<ReportView />, bridge, 'ja');
    await screen.findAllByTestId('report-org');
    fireEvent.click(screen.getByTestId('report-orgs-none'));
    fireEvent.click(screen.getByTestId('report-build'));
    expect((await screen.findByTestId('report-problem')).textContent).toBe('組織を1つ以上選んでください。');
    fireEvent.click(screen.getByTestId('report-orgs-all'));
    fireEvent.change(screen.getByTestId('report-from'), { target: { value: '2025-02-01' } });
    fireEvent.change(screen.getByTestId('report-to'), { target: { value: '2025-01-01' } });
    fireEvent.click(screen.getByTestId('report-build'));
    expect((await screen.findByTestId('report-problem')).textContent).toMatch(/開始日/);
    expect(bridge.sentOn('report.build')).toEqual([]);

    fireEvent.change(screen.getByTestId('report-to'), { target: { value: '2025-03-01' } });
    fireEvent.click(screen.getByTestId('report-build'));
    expect((await screen.findByRole('alert')).textContent).toBe('The range is too long (400 days at most).');
    expect(bridge.sentOn('report.build')).toHaveLength(1);
    expect((screen.getByTestId('report-from') as HTMLInputElement).value).toBe('2025-02-01');
  });
});

describe('Settings → Agency', () => {
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

  it('saves the name, takes a small image as the logo, refuses a large or non-image file, and removes the logo', async () => {
    const bridge = new MemoryBridge(makeWorld(2));
    renderWith(<SettingsView />, bridge);
    const section = await screen.findByTestId('agency-settings');
    const name = within(section).getByLabelText('Agency name');
    await waitFor(() => expect(name).toHaveProperty('disabled', false));
    fireEvent.change(name, { target: { value: '  Northwind Digital ' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Save name' }));
    await waitFor(() => expect(bridge.sentOn('settings.set')).toEqual([{ agency: { name: 'Northwind Digital' } }]));
    expect(await within(section).findByText('Saved.')).toBeTruthy();

    const input = within(section).getByLabelText('Logo');
    fireEvent.change(input, { target: { files: [new File([new Uint8Array(300 * 1024)], 'big.png', { type: 'image/png' })] } });
    expect((await within(section).findByRole('alert')).textContent).toMatch(/at most 256 KB/);
    fireEvent.change(input, { target: { files: [new File(['<b>hi</b>'], 'page.html', { type: 'text/html' })] } });
    expect((await within(section).findByRole('alert')).textContent).toMatch(/not a PNG, JPEG/);
    expect(bridge.sentOn('settings.set')).toHaveLength(1);

    fireEvent.change(input, { target: { files: [new File([PNG], 'logo.png', { type: 'image/png' })] } });
    const preview = await within(section).findByTestId('agency-logo-preview');
    expect(preview.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(within(section).queryByRole('alert')).toBeNull();
    expect(bridge.settings.agency).toEqual({ name: 'Northwind Digital', logo: preview.getAttribute('src') });
    expect(await seriousViolations()).toEqual([]);

    fireEvent.click(within(section).getByRole('button', { name: 'Remove logo' }));
    await waitFor(() => expect(within(section).queryByTestId('agency-logo-preview')).toBeNull());
    expect(bridge.settings.agency).toEqual({ name: 'Northwind Digital', logo: null });
  });
});
