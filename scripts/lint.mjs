#!/usr/bin/env node
// ESLint over the code, then the layer rules (dependency-cruiser). Later checks (Electronegativity) join here.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const dirs = ['electron', 'renderer', 'shared'].filter((d) => existsSync(join(root, d)));

const steps = [
  ['eslint', [bin('eslint'), '--max-warnings=0', '.']],
  ['layer rules', [bin('depcruise'), '--config', '.dependency-cruiser.cjs', '--output-type', 'err', ...dirs]],
  ['electronegativity', [process.execPath, join(root, 'scripts', 'electronegativity.mjs')]],
];

let failed = 0;
for (const [name, [cmd, ...args]] of steps) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`lint: ${name} failed`);
  }
}
process.exit(failed ? 1 : 0);
