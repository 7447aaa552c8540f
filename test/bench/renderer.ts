// Renderer benchmarks in Chromium, with 5,000 scenarios in the state: first render of the main window,
// a filter keystroke to the next painted frame, opening a detail, cold start of the dashboard from its
// cache to the first rows, and the size of the renderer bundle. Figures only, no assertions (the
// targets are in the output, next to each figure, so a reader can compare).
//
// "First render" is the render of the main window once the state is in its store: from the page's
// `state-loaded` mark (the snapshot reached the store) to `first-rows` (the list's first rows were
// committed and their frame painted). The navigation-inclusive figure (bundle loading, the 4.4 MB
// snapshot on the wire and its parse) is `first_rows_since_navigation_ms`; the dashboard's start up
// to the same paint is the cold start.
//
// The state is written as a real offline cache (EngineCache) for a token account whose zone does not
// answer, and the real dashboard (`startDashboard`) is started on it: the engine loads the cache, the
// page gets it over the WebSocket, and nothing else moves. Times are taken in the page with the marks
// the renderer sets (renderer/src/perf-marks.ts) and requestAnimationFrame, so Playwright's own
// round trips are not counted. The machine's load average is reported with the figures: on a busy
// machine every figure grows.
//
//   npm exec -- tsx test/bench/renderer.ts [--scenarios N] [--reps N] [--no-build]
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { DiskCacheFile, EngineCache } from '../../electron/core/cache';
import { defaultStaticDir, startDashboard, type Dashboard } from '../../electron/dashboard/host';
import { makeWorld } from '../renderer/support/world';

export interface RendererBenchOptions {
  /** Scenarios in the state (default 5,000). */
  scenarios?: number;
  /** Repetitions of each measurement; the median is reported (default 5). */
  reps?: number;
  /** Build the renderer first (default true), so the figures are for the code as it is. */
  build?: boolean;
  log?: (line: string) => void;
}

/** A zone where nothing listens: the engine goes offline and the page shows the cache. */
const DEAD_ZONE = '127.0.0.1:9';
const ACCOUNT = { id: 'a1', baseUrl: `http://${DEAD_ZONE}/api/v2`, token: 'bench-token-not-used-anywhere' };

export const TARGETS = { firstRenderMs: 150, keystrokeMs: 16, detailOpenMs: 50, coldStartMs: 1000 } as const;

const median = (xs: number[]): number => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const p95 = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] ?? Number.NaN;
};
const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Raw and gzip bytes of the renderer build: everything, and the JavaScript alone. */
export async function bundleSize(dir = defaultStaticDir()): Promise<{ raw: number; gzip: number; jsRaw: number; jsGzip: number; files: number }> {
  const out = { raw: 0, gzip: 0, jsRaw: 0, jsGzip: 0, files: 0 };
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (!e.name.endsWith('.map')) {
        const body = await readFile(p);
        const gz = gzipSync(body).length;
        out.files += 1;
        out.raw += body.length;
        out.gzip += gz;
        if (e.name.endsWith('.js')) {
          out.jsRaw += body.length;
          out.jsGzip += gz;
        }
      }
    }
  };
  await walk(dir);
  return out;
}

/** Epoch ms of a mark in the page, once it exists. (Polled: waitForFunction evaluates its predicate
 * with eval, which the page's CSP rightly forbids.) */
async function markEpoch(page: Page, name: string, timeoutMs = 60_000): Promise<{ epoch: number; sinceNavigation: number }> {
  const expr = `(() => { const m = performance.getEntriesByName(${JSON.stringify(name)}, 'mark')[0]; return m ? { epoch: performance.timeOrigin + m.startTime, sinceNavigation: m.startTime } : null })()`;
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = (await page.evaluate(expr)) as { epoch: number; sinceNavigation: number } | null;
    if (found) return found;
    if (Date.now() > until) throw new Error(`the page never set the "${name}" mark`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function firstRender(browser: Browser, url: string): Promise<{ firstRows: number; stateLoaded: number }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(url);
    const rows = await markEpoch(page, 'first-rows');
    const state = await markEpoch(page, 'state-loaded');
    return { firstRows: rows.sinceNavigation, stateLoaded: state.sinceNavigation };
  } finally {
    await page.close();
  }
}

/** keydown → the frame after the list re-rendered has been painted, for every key typed. */
async function keystrokes(page: Page, queries: string[]): Promise<number[]> {
  await page.evaluate(`(() => {
    window.__benchKeys = [];
    const input = document.querySelector('[data-testid="scenario-search"]');
    input.addEventListener('keydown', (e) => {
      const t0 = e.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__benchKeys.push(performance.now() - t0), 0));
    });
  })()`);
  const search = page.getByTestId('scenario-search');
  for (const q of queries) {
    await search.click();
    await page.keyboard.type(q, { delay: 60 });
    await page.waitForTimeout(100);
    await search.fill('');
    await page.waitForTimeout(100);
  }
  return (await page.evaluate('window.__benchKeys')) as number[];
}

/** Click on a row → the detail panel is in the DOM and its frame painted; `n` different rows. */
async function detailOpens(page: Page, n: number): Promise<number[]> {
  return (await page.evaluate(`(async (n) => {
    const out = [];
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    for (let i = 0; i < n; i++) {
      const rows = document.querySelectorAll('[data-testid="scenario-row"]');
      const row = rows[(i * 3) % rows.length];
      const name = row.querySelector('.name');
      const t0 = performance.now();
      name.click();
      await frame();
      if (!document.querySelector('[data-testid="scenario-detail"]')) throw new Error('the detail did not open');
      out.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 150));
      document.querySelector('[data-testid="detail-close"]').click();
      await new Promise((r) => setTimeout(r, 150));
    }
    return out;
  })(${n})`)) as number[];
}

export async function benchRenderer(opts: RendererBenchOptions = {}): Promise<Record<string, number | string | Record<string, string>>> {
  const log = opts.log ?? (() => undefined);
  const n = opts.scenarios ?? 5_000;
  const reps = Math.max(1, opts.reps ?? 5);
  const root = new URL('../..', import.meta.url).pathname;
  if (opts.build !== false) {
    log('building the renderer…');
    const r = spawnSync('npm', ['run', '--silent', 'build:renderer'], { cwd: root, stdio: 'ignore', timeout: 300_000 });
    if (r.status !== 0) throw new Error('npm run build:renderer failed');
  }
  await stat(join(defaultStaticDir(), 'index.html'));
  const bundle = await bundleSize();

  const loadStart = loadavg()[0] ?? Number.NaN;
  const dir = await mkdtemp(join(tmpdir(), 'make-tray-bench-renderer-'));
  const cacheDir = join(dir, 'cache');
  let browser: Browser | null = null;
  let dashboard: Dashboard | null = null;
  try {
    const state = makeWorld(n, 7, { zone: DEAD_ZONE, baseUrl: ACCOUNT.baseUrl, now: Date.now() });
    await new EngineCache(new DiskCacheFile(cacheDir)).saveAll(state);
    log(`cache written: ${n} scenarios`);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });

    const start = () =>
      startDashboard({
        port: 0,
        demoWorld: { accounts: [ACCOUNT] },
        forceDemo: true,
        sessionSecrets: true,
        dataDir: join(dir, 'data'),
        cacheDir,
        log: () => undefined,
      });

    // Cold start: the dashboard starts (engine loads the cache, server listens), the page opens, rows paint.
    const cold: number[] = [];
    const coldServer: number[] = [];
    for (let i = 0; i < reps; i++) {
      const t0 = Date.now();
      const d = await start();
      coldServer.push(Date.now() - t0);
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(d.url);
      const rows = await markEpoch(page, 'first-rows');
      cold.push(rows.epoch - t0);
      const count = Number(await page.getByTestId('scenario-count').textContent().then((t) => t?.replace(/\D/g, '') ?? '0'));
      if (count !== n) log(`warning: the page shows ${count} scenarios, expected ${n}`);
      await page.close();
      if (i < reps - 1) await d.close();
      else dashboard = d;
    }
    log(`cold start: ${cold.map((x) => round(x, 0)).join(', ')} ms`);

    const url = (dashboard as Dashboard).url;
    const renders: { firstRows: number; stateLoaded: number }[] = [];
    for (let i = 0; i < reps; i++) renders.push(await firstRender(browser, url));
    log(`first render (state in store → rows painted): ${renders.map((r) => round(r.firstRows - r.stateLoaded, 0)).join(', ')} ms`);
    log(`first rows since navigation: ${renders.map((r) => round(r.firstRows, 0)).join(', ')} ms`);

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await markEpoch(page, 'first-rows');
    const keys = await keystrokes(page, ['sync orders', 'invoices 12', 'report', 'notify leads #4'].slice(0, Math.max(2, Math.min(4, reps))));
    log(`keystrokes: ${keys.length}, median ${round(median(keys))} ms`);
    const details = await detailOpens(page, Math.max(5, reps * 2));
    log(`detail opens: ${details.map((x) => round(x, 0)).join(', ')} ms`);
    await page.close();

    const afterState = renders.map((r) => r.firstRows - r.stateLoaded);
    const figures = {
      first_render_ms: round(median(afterState)),
      keystroke_ms: round(median(keys)),
      detail_open_ms: round(median(details)),
      cold_start_ms: round(median(cold)),
    };
    const vs = (figure: number, target: number) => `${figure} / ${target} ms ${figure <= target ? 'ok' : 'OVER'}`;
    const versus = {
      first_render: vs(figures.first_render_ms, TARGETS.firstRenderMs),
      keystroke: vs(figures.keystroke_ms, TARGETS.keystrokeMs),
      detail_open: vs(figures.detail_open_ms, TARGETS.detailOpenMs),
      cold_start: vs(figures.cold_start_ms, TARGETS.coldStartMs),
    };
    for (const [name, line] of Object.entries(versus)) log(`${name}: ${line} (median / target)`);

    return {
      scenarios: n,
      reps,
      ...figures,
      first_render_max_ms: round(Math.max(...afterState)),
      first_rows_since_navigation_ms: round(median(renders.map((r) => r.firstRows))),
      state_loaded_since_navigation_ms: round(median(renders.map((r) => r.stateLoaded))),
      keystroke_p95_ms: round(p95(keys)),
      keystrokes: keys.length,
      cold_start_host_ms: round(median(coldServer)),
      bundle_raw_kb: round(bundle.raw / 1024),
      bundle_gzip_kb: round(bundle.gzip / 1024),
      bundle_js_raw_kb: round(bundle.jsRaw / 1024),
      bundle_js_gzip_kb: round(bundle.jsGzip / 1024),
      load_avg_1m: `${round(loadStart, 2)} → ${round(loadavg()[0] ?? Number.NaN, 2)}`,
      targets: `first render (state in store → rows painted) <=${TARGETS.firstRenderMs} ms, keystroke <=${TARGETS.keystrokeMs} ms, detail <=${TARGETS.detailOpenMs} ms, cold start <=${TARGETS.coldStartMs} ms`,
      vs_targets: versus,
    };
  } finally {
    await dashboard?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const num = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  const scenarios = num('--scenarios');
  const reps = num('--reps');
  benchRenderer({
    ...(scenarios !== undefined ? { scenarios } : {}),
    ...(reps !== undefined ? { reps } : {}),
    build: !args.includes('--no-build'),
    log: (line) => process.stderr.write(`[renderer] ${line}\n`),
  }).then(
    (r) => {
      console.log(JSON.stringify({ bench: 'renderer', workload: 'renderer', ...r }));
      process.exit(0);
    },
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exit(1);
    },
  );
}
