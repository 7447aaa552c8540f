// `npm run bench -- <name…> [--json]`: runs the named benchmarks (all when none is named).
// With --json: one JSON line per workload on stdout; otherwise a readable table.
type Row = Record<string, unknown>;
type Bench = (opts: { json: boolean; log: (line: string) => void }) => Promise<Row[]>;

const BENCHES: Record<string, () => Promise<Bench>> = {
  poll: async () => {
    const { benchPoll } = await import('./poll');
    return (opts) => benchPoll({ log: opts.log }) as unknown as Promise<Row[]>;
  },
  cache: async () => {
    const { benchCache } = await import('./cache');
    return async () => [{ workload: 'cache', ...(await benchCache()) }];
  },
  renderer: async () => {
    const { benchRenderer } = await import('./renderer');
    return async (opts) => [{ workload: 'renderer', ...(await benchRenderer({ log: opts.log })) }];
  },
};

function table(rows: Row[]): string {
  const flat = rows.map((r) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(r)) {
      if (v !== null && typeof v === 'object') {
        for (const [k2, v2] of Object.entries(v as Row)) out[`${k}.${k2}`] = fmt(v2);
      } else out[k] = fmt(v);
    }
    return out;
  });
  const cols = [...new Set(flat.flatMap((r) => Object.keys(r)))];
  // One workload per column reads better than very wide rows.
  const width = Math.max(...cols.map((c) => c.length));
  const colW = flat.map((r) => Math.max(8, ...cols.map((c) => (r[c] ?? '').length)));
  return cols.map((c) => `${c.padEnd(width)}  ${flat.map((r, i) => (r[c] ?? '').padStart(colW[i] ?? 8)).join('  ')}`).join('\n');
}

function fmt(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
  return v === undefined || v === null ? '' : String(v);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const names = args.filter((a) => !a.startsWith('--'));
  const selected = names.length ? names : Object.keys(BENCHES);
  let failed = false;
  for (const name of selected) {
    const load = BENCHES[name];
    if (!load) {
      console.error(`unknown benchmark "${name}" (known: ${Object.keys(BENCHES).join(', ')})`);
      failed = true;
      continue;
    }
    const bench = await load();
    const log = (line: string) => process.stderr.write(`[${name}] ${line}\n`);
    const rows = await bench({ json, log });
    if (json) for (const r of rows) console.log(JSON.stringify({ bench: name, ...r }));
    else console.log(`\n== ${name} ==\n${table(rows)}`);
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
