#!/usr/bin/env node
// Bundles Electron's main process (ESM, dist/electron/main.js) and the preload (CommonJS, as a sandboxed
// preload must be: dist/electron/preload.cjs) with esbuild, and copies the tray and app icons beside
// them. `electron` and native modules stay external; everything else is bundled, so the packaged app
// needs no node_modules but the native keyring.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Native modules (and their platform packages) can't be bundled. */
export const MAIN_EXTERNALS = ['electron', '@napi-rs/keyring', '@napi-rs/keyring-*', '*.node'];

/** Builds into `outDir` (default dist/electron of this checkout). */
export async function buildElectron({ quiet = false, outDir = join(root, 'dist', 'electron') } = {}) {
  const out = outDir;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const common = { bundle: true, sourcemap: 'linked', legalComments: 'none', logLevel: quiet ? 'silent' : 'warning', absWorkingDir: root };
  const main = await build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: join(out, 'main.js'),
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: MAIN_EXTERNALS,
    // Bundled CommonJS dependencies call require() for Node built-ins; ESM has none of its own.
    banner: { js: "import { createRequire as __makeTrayRequire } from 'node:module'; const require = __makeTrayRequire(import.meta.url);" },
    metafile: true,
  });
  const preload = await build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: join(out, 'preload.cjs'),
    // A sandboxed preload has no Node: only `require('electron')` (and a few polyfills) exist.
    platform: 'browser',
    format: 'cjs',
    target: 'chrome140',
    external: ['electron'],
    metafile: true,
  });
  cpSync(join(root, 'build', 'icons', 'tray'), join(out, 'tray-icons'), { recursive: true });
  cpSync(join(root, 'build', 'icons', '512x512.png'), join(out, 'icon.png'));
  return { main: main.metafile, preload: preload.metafile };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildElectron().then(
    () => console.log('build:electron: dist/electron/main.js, preload.cjs, tray-icons/'),
    (err) => {
      console.error(`build:electron failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
