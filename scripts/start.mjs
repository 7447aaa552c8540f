#!/usr/bin/env node
// `npm start`: the Electron app. Where the Electron binary can't be had (it is downloaded from GitHub on
// first use, and some machines can't reach it) say so in one line and point to the browser dashboard.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function electronBinary() {
  // Resolving the package downloads the binary on first use; give that a bounded time in a child.
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return r.status === 0 && r.stdout ? r.stdout : null;
}

const binary = electronBinary();
if (!binary) {
  console.log('Make Tray: the Electron binary could not be downloaded on this machine; run `npm run dashboard` to use Make Tray in your browser.');
  process.exit(1);
}
const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const child = spawn(binary, [root], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
