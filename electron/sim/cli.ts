// `npm run sim [-- --port 8787 --seed 1 --json]`: starts the demo world and prints where it listens.
import { startSimulator } from './simulator';

function parseArgs(argv: string[]): { port: number; seed: number; json: boolean } {
  const out = { port: 8787, seed: 1, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined || !/^\d+$/.test(v)) throw new Error(`${a} needs a non-negative integer`);
      return Number(v);
    };
    if (a === '--port') out.port = next();
    else if (a === '--seed') out.seed = next();
    else if (a === '--json') out.json = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: sim [--port N] [--seed N] [--json]\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return out;
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`sim: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const sim = await startSimulator({ basePort: args.port, seed: args.seed, mode: 'demo' });
  if (args.json) {
    const facts = {
      zones: sim.zones.map((z) => ({ name: z.name, host: z.host, baseUrl: z.baseUrl })),
      oauthOrigin: sim.oauthOrigin,
      tokens: sim.tokens,
      demoToken: sim.demoToken,
      seed: args.seed,
    };
    process.stdout.write(`${JSON.stringify(facts)}\n`);
  } else {
    for (const z of sim.zones) process.stdout.write(`${z.name} ${z.baseUrl}\n`);
    process.stdout.write(`oauth ${sim.oauthOrigin}\n`);
    for (const [zone, token] of Object.entries(sim.tokens)) process.stdout.write(`token ${zone} ${token}\n`);
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`sim: ${(e as Error).message}\n`);
  process.exit(1);
});
