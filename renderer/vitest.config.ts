// Runs only the renderer's component and store tests (jsdom). The root vitest.config.ts has the same
// project for `npm test`; this file is for iterating on the renderer alone.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: `${import.meta.dirname}/..`,
  plugins: [react()],
  test: {
    name: 'renderer',
    include: ['test/renderer/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
