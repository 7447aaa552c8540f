// The agency report through the contract (the command door a renderer uses) against the simulator:
// totals checked against the simulator's own records, progress events, the budget running out, cancel,
// exports with the agency's name and logo from the settings file, and the failures (missing scope,
// unknown organization, invalid requests, export of a report main no longer has).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvent, type CommandResult, type EventName } from '../../../shared/contract';
import type { AgencyReportView, ReportProgressEvent } from '../../../shared/contract-report';
import { DiskCacheFile } from '../../../electron/core/cache/disk-cache-file';
import type { CommandHandler } from '../../../electron/core/commands/command-handler';
import { openSettingsFile, type SettingsFile } from '../../../electron/core/commands/settings-file';
import type { ManagementPort } from '../../../electron/core/management';
import { managementDoor } from './contract-door';
import { T0, managementRig, managementWorld, simulatorCounts, type ManagementRig } from './harness';

const HOUR = 3_600_000;
const range = { from: T0 - 20 * HOUR, to: T0 - 2 * HOUR };
const LOGO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

let rig: ManagementRig;
let dir: string;
let settings: SettingsFile;
const events: { event: EventName; payload: unknown }[] = [];

function door(port: ManagementPort, onEvent?: (event: EventName, payload: unknown) => void): CommandHandler {
  return managementDoor(rig, port, {
    settings,
    emit: (event, payload) => {
      events.push({ event, payload: parseEvent(event, payload) });
      onEvent?.(event, payload);
    },
  });
}

function valueOf<T>(r: CommandResult): T {
  if (!r.ok) throw new Error(`command failed: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const groundTruth = (orgId: number) => simulatorCounts(rig, orgId, range);
type BuildReply = { report: AgencyReportView; cancelled: boolean; requests: number };

const progressOf = (requestId: string) =>
  events.filter((e) => e.event === 'report.progress' && (e.payload as ReportProgressEvent).requestId === requestId).map((e) => e.payload as ReportProgressEvent);

beforeAll(async () => {
  rig = await managementRig(managementWorld({ historyDays: 1 }));
  dir = await mkdtemp(join(tmpdir(), 'make-tray-report-contract-'));
  settings = await openSettingsFile(new DiskCacheFile(dir));
});
afterAll(async () => {
  await rig.close();
  await rm(dir, { recursive: true, force: true });
});

describe('report.build through the contract', () => {
  it('totals per organization match the simulator’s own records; progress is announced under the request id', async () => {
    const handler = door(rig.port);
    const reply = valueOf<BuildReply>(await handler.handle('report.build', { requestId: 'r1', orgKeys: rig.orgKeys, ...range }));
    expect(reply.cancelled).toBe(false);
    expect(reply.report.incomplete).toBe(false);
    expect(reply.report.orgs.map((o) => o.key)).toEqual(rig.orgKeys);
    for (const section of reply.report.orgs) {
      const truth = groundTruth(rig.store.getState().orgs[section.key]!.id);
      expect(truth.runs).toBeGreaterThan(20);
      expect(section.totals).toEqual(truth);
      // The organization's totals are the sum of its rows.
      expect(section.scenarios.reduce((n, s) => n + s.operations, 0)).toBe(section.totals.operations);
    }
    const all = rig.orgKeys.map((k) => groundTruth(rig.store.getState().orgs[k]!.id));
    expect(reply.report.totals.runs).toBe(all.reduce((n, c) => n + c.runs, 0));
    expect(reply.report.totals.transfer).toBe(all.reduce((n, c) => n + c.transfer, 0));

    const progress = progressOf('r1');
    expect(progress.length).toBeGreaterThan(1);
    const last = progress[progress.length - 1]!;
    expect(last.scenariosDone).toBe(last.scenariosTotal);
    expect(last.requests).toBe(reply.requests);
    expect(reply.requests).toBeGreaterThanOrEqual(last.scenariosTotal);
  });

  it('exports the report it built as CSV and as a printable page with the agency’s name and logo from settings', async () => {
    const handler = door(rig.port);
    const built = valueOf<BuildReply>(await handler.handle('report.build', { requestId: 'r2', orgKeys: [rig.orgKeys[1]!], ...range }));
    const csv = valueOf<{ mimeType: string; text: string }>(await handler.handle('report.export', { requestId: 'r2', format: 'csv' }));
    expect(csv.mimeType).toMatch(/^text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Organization,Team,Scenario,Scenario ID,Runs,Successes,Warnings,Failures,Operations,Data transfer (bytes),Complete');
    const t = built.report.totals;
    expect(lines).toContain(`All organizations,,Total,,${[t.runs, t.successes, t.warnings, t.failures, t.operations, t.transfer].join(',')},yes`);

    // Settings carry the agency; an unsafe logo is refused at the door and nothing is saved.
    const bad = await handler.handle('settings.set', { agency: { logo: 'data:text/html;base64,PHNjcmlwdD4=' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'agency.logo' } });
    const tooBig = await handler.handle('settings.set', { agency: { logo: `data:image/png;base64,${'A'.repeat(400_000)}` } });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'agency.logo' } });
    expect(settings.get().agency).toEqual({ name: '', logo: null });
    valueOf(await handler.handle('settings.set', { agency: { name: '  Northwind <Digital>  ', logo: LOGO } }));
    expect((await openSettingsFile(new DiskCacheFile(dir))).get().agency).toEqual({ name: 'Northwind <Digital>', logo: LOGO });

    const html = valueOf<{ mimeType: string; text: string }>(
      await handler.handle('report.export', { requestId: 'r2', format: 'html', locale: 'ja', timeZone: 'Asia/Tokyo' }),
    );
    expect(html.mimeType).toMatch(/^text\/html/);
    expect(html.text).toContain('<h1>Northwind &lt;Digital&gt;</h1>');
    expect(html.text).toContain(`<img src="${LOGO}"`);
    expect(html.text).toContain('さくらフーズ株式会社');
    expect(html.text).toContain('(Asia/Tokyo)');
    expect(html.text).not.toMatch(/<script/i);
  });

  it('marks the numbers partial when the budget runs out, and answers a cancel with what it has', async () => {
    const handler = door(rig.port);
    const capped = valueOf<BuildReply>(
      await handler.handle('report.build', { requestId: 'cap', orgKeys: rig.orgKeys, from: range.from - 4 * HOUR, to: range.to, maxRequests: 2 }),
    );
    expect(capped.report.incomplete).toBe(true);
    expect(capped.requests).toBeLessThanOrEqual(2);
    expect(capped.report.orgs.some((o) => o.incomplete && o.scenarios.some((s) => s.incomplete))).toBe(true);

    // The user cancels as soon as the first progress event arrives, before anything was fetched.
    let cancelled: Promise<CommandResult> | null = null;
    const stopper: CommandHandler = door(rig.port, (event, payload) => {
      if (event === 'report.progress' && (payload as ReportProgressEvent).requestId === 'stop') {
        cancelled ??= stopper.handle('report.cancel', { requestId: 'stop' });
      }
    });
    const stopped = valueOf<BuildReply>(await stopper.handle('report.build', { requestId: 'stop', orgKeys: rig.orgKeys, ...range }));
    expect(valueOf(await cancelled!)).toBeNull();
    expect(stopped.cancelled).toBe(true);
    expect(stopped.report.incomplete).toBe(true);
    expect(stopped.requests).toBe(0);
  });

  it('a token without scenarios:read gets missing-scope naming the scope', async () => {
    const r = await door(rig.limited(['hooks:read'])).handle('report.build', { requestId: 'scope', orgKeys: rig.orgKeys, ...range });
    expect(r).toMatchObject({ ok: false, error: { code: 'missing-scope', scope: 'scenarios:read' } });
  });

  it('refuses invalid requests, an unknown organization, and an export of a report it does not have', async () => {
    const handler = door(rig.port);
    const orgKeys = rig.orgKeys;
    expect(await handler.handle('report.build', { requestId: 'x', orgKeys, from: range.to, to: range.from })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'from' },
    });
    expect(await handler.handle('report.build', { requestId: 'x', orgKeys: [], ...range })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'orgKeys' },
    });
    expect(await handler.handle('report.build', { requestId: 'has space', orgKeys, ...range })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'requestId' },
    });
    expect(await handler.handle('report.build', { requestId: 'x', orgKeys, ...range, maxRequests: 10_000_000 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'maxRequests' },
    });
    const host = rig.orgKeys[0]!.split('/')[0]!;
    expect(await handler.handle('report.build', { requestId: 'x', orgKeys: [`${host}/o999999`], ...range })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await handler.handle('report.export', { requestId: 'never-built', format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/Build it again/) },
    });
    expect(await handler.handle('report.export', { requestId: 'x', format: 'pdf' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'format' },
    });
  });
});
