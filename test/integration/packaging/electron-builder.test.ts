// Runs the real packaging config (`electron-builder --linux dir`) with a stand-in Electron and checks
// what lands in app.asar: main, preload, renderer; no sources, tests, maps or dev dependencies; the
// native keyring unpacked; the fuses flipped in the binary.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../../scripts/build-electron.mjs';
import { makeStandInElectron, readFuses } from './stand-in-electron';

const root = new URL('../../../', import.meta.url).pathname;
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
};
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;

const missingTool = existsSync(bin('electron-builder')) ? null : 'electron-builder is not installed (npm install -D electron-builder)';
if (missingTool) console.log(`packaging check skipped: ${missingTool}`);

/** Runs a command with a deadline; never hangs the suite. */
function run(cmd: string, args: string[], timeoutMs: number, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, timedOut });
    });
  });
}

const NETWORK = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|getaddrinfo|unable to download|download failed|socket hang up/i;

describe.skipIf(missingTool !== null)('packaging (electron-builder --linux dir with a stand-in Electron)', () => {
  let work = '';
  let appOut = '';
  let asar = '';
  let skipped: string | null = null;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'make-tray-pack-'));
    await buildElectron({ quiet: true });
    if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
      const r = await run(bin('vite'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], 180_000);
      if (r.code !== 0) throw new Error(`the renderer build failed:\n${r.out.slice(-2000)}`);
    }
    const standIn = join(work, 'electron-dist');
    makeStandInElectron(standIn, electronVersion);
    const r = await run(
      bin('electron-builder'),
      [
        '--linux',
        'dir',
        '--publish',
        'never',
        `-c.electronDist=${standIn}`,
        `-c.electronVersion=${electronVersion}`,
        `-c.directories.output=${join(work, 'out')}`,
        // Prebuilt N-API binaries need no rebuild; a rebuild would reach for the network.
        '-c.npmRebuild=false',
      ],
      240_000,
      { ELECTRON_BUILDER_CACHE: join(work, 'cache'), CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
    );
    if (r.timedOut || (r.code !== 0 && NETWORK.test(r.out))) {
      skipped = r.timedOut ? 'electron-builder did not finish within 4 minutes (it may be trying to download a tool)' : 'electron-builder tried to download something';
      console.log(`packaging check skipped: ${skipped}`);
      return;
    }
    if (r.code !== 0) throw new Error(`electron-builder failed (exit ${r.code}):\n${r.out.slice(-3000)}`);
    appOut = join(work, 'out', 'linux-unpacked');
    asar = join(appOut, 'resources', 'app.asar');
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const files = () => listPackage(asar, { isPack: false }).map((f) => f.replaceAll('\\', '/').replace(/^\//, ''));

  it('packs main, preload, the renderer pages and the tray icons', (ctx) => {
    if (skipped) return ctx.skip();
    const list = files();
    for (const f of [
      'package.json',
      'dist/electron/main.js',
      'dist/electron/preload.cjs',
      'dist/electron/icon.png',
      'dist/electron/tray-icons/failingTemplate.png',
      'dist/electron/tray-icons/ok-dark-32.png',
      'dist/renderer/index.html',
      'dist/renderer/popover.html',
    ]) {
      expect(list, f).toContain(f);
    }
    expect(list.some((f) => /^dist\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
    // Electron starts what package.json names, and it is in the archive.
    const packed = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { main: string };
    expect(packed.main).toBe(pkg.main);
    expect(list).toContain(packed.main);
  });

  it('leaves out sources, tests, scripts, source maps and dev dependencies', (ctx) => {
    if (skipped) return ctx.skip();
    const list = files();
    const bad = list.filter(
      (f) =>
        /\.(ts|tsx|map)$/.test(f) ||
        /^(test|tests|electron|renderer|shared|scripts|build|out|coverage|test-results)\//.test(f) ||
        /(^|\/)\.(env|git|ci)/.test(f),
    );
    expect(bad).toEqual([]);
    const moduleOf = (f: string) => {
      const [, first, second] = f.split('/');
      return first?.startsWith('@') ? (second ? `${first}/${second}` : null) : (first ?? null);
    };
    const modules = new Set(list.filter((f) => f.startsWith('node_modules/')).flatMap((f) => moduleOf(f) ?? []));
    for (const dev of Object.keys(pkg.devDependencies)) expect(modules.has(dev), `dev dependency ${dev} packed`).toBe(false);
    // Only the native keyring is left outside the bundles.
    expect([...modules].every((m) => m.startsWith('@napi-rs/keyring'))).toBe(true);
    expect([...modules]).toContain('@napi-rs/keyring');
  });

  it('unpacks native modules from the archive', (ctx) => {
    if (skipped) return ctx.skip();
    const unpacked = join(appOut, 'resources', 'app.asar.unpacked', 'node_modules', '@napi-rs');
    const natives = readdirSync(unpacked, { recursive: true }).map(String).filter((f) => f.endsWith('.node'));
    expect(natives.length).toBeGreaterThan(0);
  });

  it('flips the fuses in the packaged binary', (ctx) => {
    if (skipped) return ctx.skip();
    expect(readFuses(join(appOut, 'make-tray'))).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
