// The Electronegativity gate (`npm run lint` runs it over electron/ with the allowlist): it fails a
// window that drops the hardening, and gates only unlisted HIGH/MEDIUM findings.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gate, readAllowlist, scan, toCsv, type Finding } from '../../../scripts/electronegativity.mjs';

const root = new URL('../../../', import.meta.url).pathname;
const allow = readAllowlist(JSON.parse(readFileSync(join(root, '.electronegativity-allowlist.json'), 'utf8')));
const work = mkdtempSync(join(tmpdir(), 'make-tray-electronegativity-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const finding = (over: Partial<Finding>): Finding => ({ id: 'X', severity: 'HIGH', confidence: 'CERTAIN', file: 'main.ts', location: '1:1', sample: '', ...over });

describe('electronegativity gate', () => {
  it('fails a window with Node in the page and no isolation', async () => {
    const dir = join(work, 'bad');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'main.js'),
      `const { app, BrowserWindow } = require('electron');
app.whenReady().then(() => new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } }).loadURL('http://example.com'));`,
    );
    const { unlisted } = gate(await scan(dir), allow);
    expect(unlisted.map((f) => f.id)).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));
  }, 60_000);

  it('gates HIGH and MEDIUM only, matched by check and file', () => {
    const entries = [{ id: 'A', file: 'main.ts', reason: 'ok' }];
    const { unlisted, stale } = gate(
      [finding({ id: 'A' }), finding({ id: 'A', file: 'other.ts', severity: 'MEDIUM' }), finding({ id: 'B', severity: 'LOW' }), finding({ id: 'C', severity: 'INFORMATIONAL' })],
      [...entries, { id: 'Z', file: 'gone.ts', reason: 'old' }],
    );
    expect(unlisted.map((f) => `${f.id}@${f.file}`)).toEqual(['A@other.ts']);
    expect(stale.map((e) => e.id)).toEqual(['Z']);
  });

  it('requires a one-line reason for every allowlist entry', () => {
    expect(() => readAllowlist({ allow: [{ id: 'A', file: 'x' }] })).toThrow(/reason/);
    expect(() => readAllowlist({ allow: [{ id: 'A', file: 'x', reason: ' ' }] })).toThrow(/reason/);
    expect(() => readAllowlist({ allow: [{ id: 'A', file: 'x', reason: 'two\nlines' }] })).toThrow(/reason/);
    expect(() => readAllowlist({})).toThrow();
    expect(allow.length).toBeGreaterThan(0);
  });

  it('writes a CSV report with quoted fields', () => {
    expect(toCsv([finding({ sample: 'a "b", c' })])).toBe('issue,severity,confidence,filename,location,sample\n"X","HIGH","CERTAIN","main.ts","1:1","a ""b"", c"\n');
  });
});
