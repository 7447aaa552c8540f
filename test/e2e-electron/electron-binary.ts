// Finds the Electron binary the way scripts/start.mjs does: resolving the package in a bounded child
// process (resolution may try to download it), never hanging the test run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function electronBinary(): { path: string } | { reason: string } {
  const root = new URL('../..', import.meta.url).pathname;
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 20_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.error || r.status !== 0 || !r.stdout) {
    const why = r.error?.message ?? (r.stderr ?? '').split('\n').find((l) => l.trim()) ?? `exit ${r.status}`;
    return { reason: `the Electron binary is not installed on this machine (${why.trim().slice(0, 120)})` };
  }
  if (!existsSync(r.stdout)) return { reason: `the Electron binary is missing at ${r.stdout}` };
  return { path: r.stdout };
}
