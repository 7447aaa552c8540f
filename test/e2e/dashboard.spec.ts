// The dashboard's transport end to end: a real Chromium against the server, the engine and the sim.
import WebSocket from 'ws';
import { expect, fileDashboard, screenshotPath, test } from './fixtures';

const file = fileDashboard();

/** Opens a raw socket; resolves with the socket, or with the HTTP status it was refused with. */
function rawSocket(url: string, origin?: string): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

test('the WebSocket refuses a wrong secret and a foreign Origin', async () => {
  const dash = file();
  const wrong = dash.socketUrl.replace(/k=[^&]+/, 'k=not-the-secret');
  expect(await rawSocket(wrong, dash.origin)).toBe(401);
  expect(await rawSocket(dash.socketUrl, 'http://attacker.example')).toBe(403);
  expect(await rawSocket(dash.socketUrl)).toBe(403);
  const ok = await rawSocket(dash.socketUrl, dash.origin);
  expect(ok).toBeInstanceOf(WebSocket);
  (ok as WebSocket).close();
});

test('a page from another origin cannot talk to the dashboard', async ({ page, consoleErrors }) => {
  const dash = file();
  // A foreign page knows the port but not the secret, and its Origin gives it away anyway.
  await page.route('http://attacker.example/', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>x</title>' }));
  await page.goto('http://attacker.example/');
  const outcome = await page.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(url);
        ws.onopen = () => resolve('open');
        ws.onerror = () => resolve('refused');
      }),
    dash.socketUrl,
  );
  expect(outcome).toBe('refused');
  consoleErrors.length = 0; // the refused socket is logged by Chromium on the attacker's page
});

test('the page loads with a strict CSP, no console errors, and the state arrives', async ({ page, consoleErrors }) => {
  const dash = file();
  const response = await page.goto(dash.url);
  expect(response?.status()).toBe(200);
  const csp = (await response?.allHeaders())?.['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  expect(await page.locator('script:not([src])').count()).toBe(0);

  // The snapshot arrives over the socket: the demo world's scenarios show up.
  await expect(page.getByTestId('main-window')).toBeVisible();
  await expect(page.getByTestId('demo-badge')).toBeVisible();
  const names = [...dash.sim.world.scenarios.values()].map((s) => s.name);
  expect(names.length).toBeGreaterThan(0);
  await expect(page.getByText(names[0]!, { exact: true }).first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: screenshotPath('main-window'), fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test('“Open Make Tray” in the popover opens the main window at the scenario clicked', async ({ page, consoleErrors }) => {
  const dash = file();
  await page.goto(dash.popoverUrl);
  const row = page.getByTestId('popover-row').first();
  await expect(row).toBeVisible({ timeout: 30_000 });
  const key = await row.getAttribute('data-scenario-key');
  await row.locator('.name').click();
  await expect(page.getByTestId('main-window')).toBeVisible();
  await expect(page.getByTestId('scenario-detail')).toHaveAttribute('data-scenario-key', key ?? 'missing');
  expect(consoleErrors).toEqual([]);
});
