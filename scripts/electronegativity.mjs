#!/usr/bin/env node
// Electronegativity over the Electron code (electron/ by default). Its CLI exits 0 even with findings,
// so this runs its scanner and fails on any HIGH or MEDIUM finding that isn't listed, with a one-line
// reason, in .electronegativity-allowlist.json. Two quirks of Electronegativity 1.10 are worked around:
// its CSV writer races two asynchronous writes (the header can truncate the findings; SARIF drops the
// severity), so the gate reads the findings the scanner returns and writes the CSV report itself; and
// it fetches translations and Electron's release list with `got` (crashing on a dead network), so `got`
// is replaced by one that always fails, which it treats as "no connectivity". Its own CLI is unusable
// besides: it requires the hoisted commander, whose current major no longer has that API.
//   node scripts/electronegativity.mjs [--input DIR] [--allowlist FILE] [--report FILE]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const GATED_SEVERITIES = ['HIGH', 'MEDIUM'];

/** One finding as the gate sees it, from a scanner issue. */
export function toFinding(issue) {
  return {
    id: String(issue.id ?? ''),
    severity: String(issue.severity?.name ?? '').toUpperCase(),
    confidence: String(issue.confidence?.name ?? '').toUpperCase(),
    file: String(issue.file ?? '').replaceAll('\\', '/'),
    location: `${issue.location?.line ?? 0}:${issue.location?.column ?? 0}`,
    sample: String(issue.sample ?? '').replace(/\s+/g, ' ').slice(0, 200),
  };
}

const csvField = (v) => `"${String(v).replaceAll('"', '""')}"`;
export const toCsv = (findings) =>
  ['issue,severity,confidence,filename,location,sample', ...findings.map((f) => [f.id, f.severity, f.confidence, f.file, f.location, f.sample].map(csvField).join(','))].join('\n') + '\n';

/** Checks the allowlist's shape: `{ allow: [{ id, file, reason }] }`, each reason one non-empty line. */
export function readAllowlist(json) {
  const allow = json?.allow;
  if (!Array.isArray(allow)) throw new Error('the allowlist must be {"allow": [{"id", "file", "reason"}]}');
  for (const [i, e] of allow.entries()) {
    if (typeof e?.id !== 'string' || typeof e?.file !== 'string') throw new Error(`allowlist entry ${i} needs "id" and "file"`);
    if (typeof e.reason !== 'string' || !e.reason.trim() || /\n/.test(e.reason)) throw new Error(`allowlist entry ${i} (${e.id} in ${e.file}) needs a one-line "reason"`);
  }
  return allow;
}

const matches = (entry, f) => entry.id === f.id && entry.file === f.file;

/** The gated findings no entry allows, and the entries that allowed nothing (stale). */
export function gate(findings, allow) {
  const gated = findings.filter((f) => GATED_SEVERITIES.includes(f.severity));
  return {
    unlisted: gated.filter((f) => !allow.some((e) => matches(e, f))),
    stale: allow.filter((e) => !findings.some((f) => matches(e, f))),
  };
}

/** Runs Electronegativity's scanner (in this process, offline) and returns its findings. */
export async function scan(input) {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = require.resolve('got', { paths: [pkgDir] });
  const offline = () => Promise.reject(new Error('offline: Make Tray runs Electronegativity without the network'));
  offline.head = offline;
  offline.get = offline;
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };
  const run = require(join(pkgDir, 'dist', 'runner.js'));
  process.env.LANG = 'en-US';
  const log = console.log;
  // Its "no connectivity" lines are expected here.
  console.log = (...a) => {
    if (!/translations|No connectivity|Fetching Electron/.test(String(a[0]))) log(...a);
  };
  try {
    const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
    const result = await run(
      { input, output: undefined, isSarif: false, customScan: [], excludeFromScan: [], isRelative: true, isVerbose: false, electronVersionOverride: electronVersion, parserPlugins: [] },
      false,
    );
    for (const e of result.errors ?? []) log(`electronegativity: could not parse ${e.file ?? '?'}: ${e.message ?? e}`);
    return result.issues.map(toFinding);
  } finally {
    console.log = log;
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      input: { type: 'string', default: join(root, 'electron') },
      allowlist: { type: 'string', default: join(root, '.electronegativity-allowlist.json') },
      report: { type: 'string', default: join(root, 'test-results', 'electronegativity.csv') },
    },
  });
  const allow = readAllowlist(JSON.parse(readFileSync(values.allowlist, 'utf8')));
  mkdirSync(dirname(resolve(values.report)), { recursive: true });
  const findings = await scan(resolve(values.input));
  writeFileSync(resolve(values.report), toCsv(findings));
  const { unlisted, stale } = gate(findings, allow);
  for (const e of stale) console.log(`electronegativity: allowlist entry ${e.id} in ${e.file} matches nothing any more; remove it`);
  for (const f of unlisted) console.log(`electronegativity: ${f.severity} ${f.id} in ${f.file}:${f.location}: ${f.sample}`);
  const gated = findings.filter((f) => GATED_SEVERITIES.includes(f.severity)).length;
  console.log(`electronegativity: ${findings.length} findings, ${gated} HIGH/MEDIUM, ${unlisted.length} not in the allowlist`);
  return unlisted.length === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(`electronegativity: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(2);
    },
  );
}
