// axe-core in the page under test. @axe-core/playwright's builder finishes every scan in a fresh page
// (seconds each on this machine); the same engine run in the page itself takes well under one, which
// keeps a scan of every screen affordable. Same rules, same results.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';

let source: string | null = null;
const axeSource = () => (source ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));

/** Runs every axe rule on the page as it is now. */
export async function runAxe(page: Page): Promise<AxeResults> {
  // evaluate() is not subject to the page's CSP, which (rightly) forbids inline scripts.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource());
  return (await page.evaluate('window.axe.run(document, { resultTypes: ["violations"] })')) as AxeResults;
}

/** Serious and critical violations, one line each, prefixed with the screen's name. */
export async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  const r = await runAxe(page);
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
