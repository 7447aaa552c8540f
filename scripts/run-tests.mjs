#!/usr/bin/env node
// Runs every suite (vitest for node and component tests, Playwright for the dashboard and Electron
// end-to-end tests) and closes with one line: `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const results = join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const only = process.argv.slice(2); // e.g. `npm test -- vitest` runs one suite
const totals = { passed: 0, failed: 0, skipped: 0 };
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function suite(name, fn) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n=== ${name} ===`);
  fn();
}

// Type checking and the layer rules count as one test each: a tree that doesn't compile doesn't pass.
suite('checks', () => {
  for (const [name, script] of [['typecheck', 'typecheck'], ['lint', 'lint']]) {
    const code = run('npm', ['run', '--silent', script]);
    console.log(`${code === 0 ? 'ok' : 'FAILED'}: ${name}`);
    if (code === 0) totals.passed += 1;
    else totals.failed += 1;
  }
});

suite('vitest', () => {
  const out = join(results, 'vitest.json');
  const code = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (!existsSync(out)) {
    console.log(`vitest exited ${code} without a report`);
    totals.failed += 1;
    return;
  }
  const r = JSON.parse(readFileSync(out, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  // A suite that fails to load has no failed test but a failed file.
  const brokenFiles = (r.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  totals.failed += brokenFiles;
  if (code !== 0 && r.numFailedTests === 0 && brokenFiles === 0) totals.failed += 1;
});

for (const [name, config] of [
  ['e2e', 'playwright.config.ts'],
  ['electron', 'playwright.electron.config.ts'],
]) {
  suite(name, () => {
    if (!existsSync(join(root, config))) return;
    const out = join(results, `${name}.json`);
    const code = run(bin('playwright'), ['test', '-c', config, '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
    if (!existsSync(out)) {
      console.log(`playwright (${name}) exited ${code} without a report`);
      totals.failed += 1;
      return;
    }
    const { stats, errors } = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected + (errors?.length ?? 0);
    totals.skipped += stats.skipped;
    if (code !== 0 && stats.unexpected === 0 && !errors?.length) totals.failed += 1;
  });
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
