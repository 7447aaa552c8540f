// Playwright `_electron` tests of the packaged-to-be app. Where no Electron binary exists (it is
// downloaded on first use and this machine may have no internet) they skip with one line saying why.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e-electron',
  outputDir: 'test-results/e2e-electron',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
});
