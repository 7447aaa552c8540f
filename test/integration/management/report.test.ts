// The agency report against the simulator: history fetched through the governor (background), totals
// checked against the simulator's own ground-truth executions, reuse of fetched history, the request
// cap, a missing scope, and the exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgencyReportService, toCsv, toPrintableHtml, type ReportProgress } from '../../../electron/core/management';
import { T0, managementRig, managementWorld, simulatorCounts, type ManagementRig } from './harness';

const HOUR = 3_600_000;
const range = { from: T0 - 20 * HOUR, to: T0 - 2 * HOUR };

let rig: ManagementRig;

beforeAll(async () => {
  rig = await managementRig(managementWorld({ historyDays: 1 }));
});
afterAll(() => rig.close());

const groundTruth = (orgId: number) => simulatorCounts(rig, orgId, range);

describe('agency report', () => {
  const service = () => new AgencyReportService(rig.port);

  it('matches the simulator’s own records per organization, reporting progress', async () => {
    const svc = service();
    const progress: ReportProgress[] = [];
    const r = await svc.build({ orgKeys: rig.orgKeys, range, pageSize: 50, onProgress: (p) => progress.push(p) });
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    const report = r.value;
    expect(report.incomplete).toBe(false);
    for (const section of report.orgs) {
      const orgId = rig.store.getState().orgs[section.key]!.id;
      const truth = groundTruth(orgId);
      expect(truth.runs).toBeGreaterThan(20);
      expect(truth.failures + truth.warnings).toBeGreaterThan(0);
      expect(section.totals).toEqual(truth);
    }
    const all = report.orgs.reduce((n, o) => n + o.totals.runs, 0);
    expect(report.totals.runs).toBe(all);
    // One scenario, checked on its own.
    const row = report.orgs[0]!.scenarios.find((s) => s.runs > 0)!;
    const own = rig.sim.control.executions({ scenarioId: row.id }).filter((e) => e.start >= range.from && e.start < range.to && e.status !== 'running');
    expect(row.runs).toBe(own.length);
    expect(row.failures).toBe(own.filter((e) => e.status === 3).length);

    const last = progress[progress.length - 1]!;
    expect(last.scenariosDone).toBe(last.scenariosTotal);
    expect(last.scenariosTotal).toBe(Object.keys(rig.store.getState().scenarios).length);
    expect(progress.every((p, i) => i === 0 || p.scenariosDone >= progress[i - 1]!.scenariosDone)).toBe(true);
    expect(last.requests).toBeGreaterThanOrEqual(last.scenariosTotal);

    // The same range again needs no request: the history is kept.
    const again: ReportProgress[] = [];
    const second = await svc.build({ orgKeys: rig.orgKeys, range, onProgress: (p) => again.push(p) });
    expect(second.kind === 'ok' && second.value.totals).toEqual(report.totals);
    expect(again[again.length - 1]!.requests).toBe(0);

    // Exports carry the same numbers.
    const csv = toCsv(report);
    expect(csv.split('\r\n')).toContain(
      `All organizations,,Total,,${[report.totals.runs, report.totals.successes, report.totals.warnings, report.totals.failures, report.totals.operations, report.totals.transfer].join(',')},yes`,
    );
    expect(csv).toContain('さくらフーズ株式会社');
    const html = toPrintableHtml(report, { agencyName: 'Northwind', generatedAt: T0 });
    expect(html).toContain('さくらフーズ株式会社');
  });

  it('stays within a request cap and marks what it could not read', async () => {
    const progress: ReportProgress[] = [];
    const r = await service().build({ orgKeys: rig.orgKeys, range, maxRequests: 3, concurrency: 1, onProgress: (p) => progress.push(p) });
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(progress[progress.length - 1]!.requests).toBe(3);
    expect(r.value.incomplete).toBe(true);
    const rows = r.value.orgs.flatMap((o) => o.scenarios);
    expect(rows.filter((s) => s.incomplete).length).toBeGreaterThan(rows.length - 4);
  });

  it('a token without scenarios:read gets a missing-scope error, and bad ranges are refused', async () => {
    const r = await new AgencyReportService(rig.limited(['hooks:read'])).build({ orgKeys: rig.orgKeys, range });
    expect(r).toMatchObject({ kind: 'error', error: { code: 'missing-scope', scope: 'scenarios:read' } });
    expect(await service().build({ orgKeys: rig.orgKeys, range: { from: range.to, to: range.from } })).toMatchObject({
      kind: 'error',
      error: { code: 'invalid-input' },
    });
    expect(await service().build({ orgKeys: ['nowhere/o1'], range })).toMatchObject({ kind: 'error', error: { code: 'not-found' } });
  });
});
