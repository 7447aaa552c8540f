// Builds the renderer once for the whole run; every test's dashboard serves dist/renderer.
import { spawnSync } from 'node:child_process';

export default function globalSetup(): void {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  const root = new URL('../..', import.meta.url).pathname;
  const r = spawnSync('npm', ['run', '--silent', 'build:renderer'], { cwd: root, stdio: 'inherit', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`npm run build:renderer failed (exit ${r.status ?? r.signal}); the end-to-end tests need the built window.`);
}
