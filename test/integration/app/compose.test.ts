// The shared composition under Node, on the simulator over real HTTP and a real temp folder: no
// accounts → the demo world; an account that needs a new sign-in reaches the state once, with one
// toast; close() finishes every step even when one of them throws.
import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/contract';
import { composeApp, type ComposedApp, type ComposeOptions } from '../../../electron/core/app/compose';
import { ACCOUNTS_FILE } from '../../../electron/core/accounts/account-registry';
import { SessionSecretStore } from '../../../electron/core/secrets';
import { demoWorldOf } from '../../../electron/dashboard/demo-world';
import { ControllableClock, startSimulator, type SimulatorHandle } from '../../../electron/sim/simulator';
import { answerConsent } from '../accounts/browser';
import { START, smallWorld } from '../accounts/harness';

let root: string;
let clock: ControllableClock;
let sim: SimulatorHandle;
const open: ComposedApp[] = [];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'make-tray-compose-'));
  clock = new ControllableClock(START);
  clock.freeze();
  sim = await startSimulator({ basePort: 0, mode: 'test', clock, world: smallWorld() });
});
afterEach(async () => {
  for (const app of open.splice(0)) await app.close();
  await sim.close();
  clock.dispose();
  await rm(root, { recursive: true, force: true });
});

const until = async (cond: () => boolean) => {
  while (!cond()) await new Promise((r) => setTimeout(r, 10));
};
const exists = (path: string) => access(path).then(() => true, () => false);

async function compose(over: Partial<ComposeOptions> = {}) {
  const visits: Promise<unknown>[] = [];
  const opened: string[] = [];
  const logs: string[] = [];
  const app = await composeApp({
    dataDir: join(root, 'data'),
    clock,
    secrets: new SessionSecretStore(),
    demoWorld: demoWorldOf(sim),
    openExternal: async (url) => void opened.push(url),
    openSignInPage: async (url) => void visits.push(answerConsent(url, 'approve')),
    log: (line) => logs.push(line),
    ...over,
  });
  open.push(app);
  const events: { event: EventName; payload: unknown }[] = [];
  app.contract.subscribe((event, payload) => events.push({ event, payload }));
  const toasts = () => events.filter((e) => e.event === 'toast').map((e) => e.payload as EventPayload<'toast'>);
  return { app, visits, opened, logs, events, toasts };
}

it('starts on the demo world when there are no accounts, with its cache in a temporary folder', async () => {
  const { app } = await compose();
  expect(app.demo).toBe(true);
  expect(app.cacheDir.startsWith(join(root, 'data'))).toBe(false);
  await app.start();
  const accounts = Object.values(app.engine.store.getState().accounts);
  expect(accounts.length).toBe(sim.zones.length);
  expect(accounts.every((a) => a.demo)).toBe(true);
  expect(app.engine.store.getState().demo).toBe(true);
  // Without a demo world there is no demo: an empty app waits for the user's first account.
  const plain = await compose({ demoWorld: undefined, dataDir: join(root, 'other') });
  expect(plain.app.demo).toBe(false);
});

it('a needs-sign-in event reaches the state once, with exactly one toast', async () => {
  const s = await compose();
  await s.app.start();
  const eu1 = sim.zones[0]!;
  expect(await s.app.contract.handle('accounts.startOAuth', { zone: eu1.host })).toMatchObject({ ok: true });
  await until(() => s.visits.length === 1);
  await Promise.all(s.visits);
  await until(() => s.toasts().some((t) => t.kind === 'success'));
  const account = s.app.registry.list().find((a) => a.kind === 'oauth')!;
  expect(account.demo).toBe(true);

  // Public clients get no refresh token: once the access token expires, the account needs a new sign-in.
  clock.advance(61 * 60_000);
  await s.app.engine.refresh().catch(() => undefined);
  await s.app.engine.quiescent();
  await until(() => s.app.engine.store.getState().accounts[account.id]?.status === 'needs-sign-in');
  clock.advance(5 * 60_000);
  await s.app.engine.refresh().catch(() => undefined);
  await s.app.engine.quiescent();
  const signIn = s.toasts().filter((t) => t.kind === 'warning');
  expect(signIn).toHaveLength(1);
  expect(signIn[0]!.message).toMatch(/sign in/i);
});

it('close() runs every step even when one throws, and only once', async () => {
  let worldClosed = 0;
  const world = { ...demoWorldOf(sim), close: () => (worldClosed++, Promise.reject(new Error('the demo world would not stop'))) };
  const s = await compose({ demoWorld: () => Promise.resolve(world) });
  await s.app.start();
  let firstRan = 0;
  s.app.beforeClose(() => {
    firstRan++;
    throw new Error('the server would not stop');
  });
  expect(await exists(s.app.cacheDir)).toBe(true);
  await s.app.close();
  await s.app.close();
  expect(firstRan).toBe(1);
  expect(worldClosed).toBe(1);
  // Steps after the failing ones still ran: the demo cache is gone.
  expect(await exists(s.app.cacheDir)).toBe(false);
  expect(s.logs.filter((l) => /failed while closing/.test(l))).toHaveLength(2);
});

/** An app whose accounts file was cut off mid-write: starting it finds a problem to tell the user. */
async function appWithDamagedAccounts(name: string) {
  const dataDir = join(root, name);
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, ACCOUNTS_FILE), '{"version":1,"accounts":[{"id":');
  const app = await composeApp({ dataDir, clock, secrets: new SessionSecretStore(), demoWorld: demoWorldOf(sim), openExternal: async () => undefined, log: () => undefined });
  open.push(app);
  return app;
}

it('a damaged accounts file is told to the first window that connects, not only to the log', async () => {
  const app = await appWithDamagedAccounts('damaged');
  // Nobody watches yet: the toast waits. The first observer gets it, a later one doesn't.
  const first: EventPayload<'toast'>[] = [];
  app.contract.subscribe((event, payload) => event === 'toast' && first.push(payload as EventPayload<'toast'>));
  expect(first).toEqual([{ kind: 'warning', message: expect.stringMatching(/damaged/), key: null }]);
  const second: unknown[] = [];
  app.contract.subscribe((event, payload) => event === 'toast' && second.push(payload));
  expect(second).toEqual([]);
});

it('in the desktop shell (one observer before any window), the toast waits for the first window to ask for its state', async () => {
  const app = await appWithDamagedAccounts('damaged-desktop');
  let windowOpen = false;
  const shown: EventPayload<'toast'>[] = [];
  app.contract.subscribe((event, payload) => void (event === 'toast' && windowOpen && shown.push(payload as EventPayload<'toast'>)), { watching: () => windowOpen });
  expect(shown).toEqual([]);
  windowOpen = true;
  expect((await app.contract.handle('state.get', {})).ok).toBe(true);
  expect(shown).toEqual([{ kind: 'warning', message: expect.stringMatching(/damaged/), key: null }]);
  await app.contract.handle('state.get', {});
  expect(shown).toHaveLength(1);
});
