// Launches the Electron app in demo mode and checks the window shows the demo world.
import { existsSync } from 'node:fs';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from './electron-binary';

const binary = electronBinary();
const root = new URL('../..', import.meta.url).pathname;
const main = `${root}dist/electron/main.js`;
const skipReason =
  'reason' in binary ? binary.reason : !existsSync(main) ? `the app is not built (${main} is missing; run npm run build)` : null;
if (skipReason) console.log(`electron e2e skipped: ${skipReason}`);

test.describe('Electron app', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  test('launches in demo mode and shows the demo world', async () => {
    const app = await electron.launch({
      executablePath: (binary as { path: string }).path,
      args: [root, '--no-sandbox'],
      env: { ...process.env, MAKE_TRAY_DEMO: '1' },
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('demo-badge')).toBeVisible({ timeout: 30_000 });
    } finally {
      await app.close();
    }
  });
});
