// Builds the renderer for both hosts (Electron windows and the browser dashboard).
// Two pages: the main window and the tray popover. No inline scripts, so a strict
// `script-src 'self'` CSP holds; relative base so the build works from file:// and any path.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

// import.meta.dirname rather than node:path/url: the layer rules keep Node built-ins out of renderer/.
const here = (p: string) => `${import.meta.dirname}/${p}`;

/** The policy the built pages carry themselves (hosts may send a stricter header too). Build only:
 * the dev server's React refresh needs an inline script. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

const cspMeta = (): Plugin => ({
  name: 'make-tray-csp',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head' }],
});

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: here('../dist/renderer'),
    emptyOutDir: true,
    target: 'es2023',
    // The polyfill would be injected as a script; evergreen Chromium does not need it.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rollupOptions: {
      input: {
        index: here('index.html'),
        popover: here('popover.html'),
      },
    },
  },
  server: { host: '127.0.0.1' },
});
