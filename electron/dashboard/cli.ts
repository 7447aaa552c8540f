// `npm run dashboard`: Make Tray in the browser. Starts the engine on the user's accounts (or on the
// built-in demo world when there are none, or with --demo), serves the window on 127.0.0.1 and prints
// the page's URL, which carries this launch's secret.
import { parseArgs } from 'node:util';
import { openInBrowser, startDashboard, type DemoWorld } from './host';
import { startDemoWorld } from './demo-world';

const USAGE = `Usage: npm run dashboard -- [options]
  --port N         listen on this port (default: any free port)
  --no-open        don't open a browser
  --json           print {"url", "port", "demo"} as one JSON line
  --demo           watch the built-in demo world even if you have accounts
  --cache-dir DIR  offline cache folder
  --data-dir DIR   where accounts and settings are kept
  --seed N         demo world seed (default 1)

Accounts are read from the data dir, their secrets from the OS keychain (without a working keychain
they are kept in memory until the dashboard stops). Browser sign-in to Make uses the OAuth client in
<data-dir>/oauth.json: {"authorizationServer": "https://www.make.com", "clientId": "..."}; on the demo
world it uses the simulator's own sign-in server.`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string' },
        'no-open': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        demo: { type: 'boolean', default: false },
        'cache-dir': { type: 'string' },
        'data-dir': { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const port = args.port === undefined ? 0 : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a port number, not "${args.port}".`);
    return 2;
  }
  const seed = args.seed === undefined ? 1 : Number(args.seed);

  const demoWorld = (): Promise<DemoWorld & { close: () => Promise<void> }> => startDemoWorld({ seed });
  const dashboard = await startDashboard({
    port,
    demoWorld,
    forceDemo: args.demo,
    ...(args['cache-dir'] ? { cacheDir: args['cache-dir'] } : {}),
    ...(args['data-dir'] ? { dataDir: args['data-dir'] } : {}),
  });

  if (args.json) console.log(JSON.stringify({ url: dashboard.url, port: dashboard.server.port, demo: dashboard.demo }));
  else console.log(`Make Tray${dashboard.demo ? ' (demo data)' : ''} is running at\n  ${dashboard.url}\nPress Ctrl+C to stop.`);
  if (!args['no-open']) {
    await openInBrowser(dashboard.url).catch(() => console.error('Could not open a browser; open the address above yourself.'));
  }

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await dashboard.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`Make Tray dashboard could not start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
