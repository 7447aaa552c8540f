// Entry point: builds the world, starts one HTTP origin per zone plus the OAuth authority's origin, and
// hands back tokens, addresses, the control API and read access to the world.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../shared/clock';
import type { SimCore } from './context';
import { createControl, type SimControl } from './control';
import { Faults } from './faults';
import { createOAuthAuthority } from './oauth/authority';
import { OrgRateLimiter } from './rate-limit';
import { buildRouter } from './routes';
import { createZoneServer } from './server';
import { ControllableClock } from './world/clock';
import type { World } from './world/model';
import { buildWorld, demoWorldSpec, type WorldSpec } from './world/seed';

export type { WorldSpec, OrgSpec } from './world/seed';
export type { SimControl, ExecutionFilter, OutcomeName } from './control';
export type { FaultConfig } from './faults';
export type { World, ExecutionRecord } from './world/model';
export { ControllableClock } from './world/clock';
export { demoWorldSpec } from './world/seed';

export interface SimulatorOptions {
  /** Default 1. Overrides `world.seed`. */
  seed?: number;
  /** 0 = ephemeral ports for every origin (tests); the CLI uses 8787. Zones get basePort+i, OAuth the next. */
  basePort?: number;
  host?: string;
  /** The control API (/__sim/...) is served only in demo and test modes. */
  mode?: 'demo' | 'test' | 'plain';
  /** Default: a ControllableClock on real time. */
  clock?: Clock;
  /** Default: the demo world. */
  world?: WorldSpec;
}

export interface SimZone {
  name: string;
  /** e.g. '127.0.0.1:8787': what the app treats as the zone host. */
  host: string;
  origin: string;
  /** `${origin}/api/v2` */
  baseUrl: string;
}

export interface SimulatorHandle {
  zones: SimZone[];
  oauthOrigin: string;
  /** API token of the demo (agency) user for the first zone; tokens are zone-specific like Make's. */
  demoToken: string;
  /** Zone name → API token of the demo user (all scopes). */
  tokens: Record<string, string>;
  /** Id of the demo (agency) user, a member of every organization. */
  demoUserId: number;
  control: SimControl;
  /** Read access to the ground truth. It is brought up to date lazily: call `control.catchUp()` first. */
  world: World;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const host = opts.host ?? '127.0.0.1';
  const mode = opts.mode ?? 'test';
  const ownClock = opts.clock === undefined;
  const clock = opts.clock ?? new ControllableClock();
  const spec: WorldSpec = { ...(opts.world ?? demoWorldSpec()), seed: opts.seed ?? opts.world?.seed ?? 1 };
  const built = buildWorld(spec, clock.now());
  const { world, scheduler } = built;
  const core: SimCore = { world, scheduler, clock, limiter: new OrgRateLimiter(), catchUp: () => scheduler.advanceTo(clock.now()) };
  const faults = new Faults(world.seed);
  const oauth = createOAuthAuthority({
    clock,
    users: () => {
      const agency = world.users.get(built.agencyUserId);
      const rest = [...world.users.values()].filter((u) => u.id !== built.agencyUserId);
      return (agency ? [agency, ...rest] : rest).map((u) => ({ id: u.id, name: u.name, email: u.email }));
    },
  });
  const control = createControl({ core, faults, zones: world.zones, agencyUserId: built.agencyUserId, revokeOAuth: (id) => oauth.revokeAllForUser(id) });
  const router = buildRouter();

  const servers: Server[] = [];
  const zones: SimZone[] = [];
  let oauthOrigin = '';
  const info = () => ({ zones, oauthOrigin, tokens: built.tokens, demoUserId: built.agencyUserId, now: clock.now(), seed: world.seed });
  try {
    for (const [i, name] of world.zones.entries()) {
      const server = createZoneServer({ core, router, faults, oauth, control: mode === 'plain' ? null : control, info, zone: name });
      servers.push(server);
      const port = await listen(server, opts.basePort ? opts.basePort + i : 0, host);
      const zoneHost = `${host}:${port}`;
      const origin = `http://${zoneHost}`;
      world.zoneAddresses.set(name, { name, host: zoneHost, origin });
      zones.push({ name, host: zoneHost, origin, baseUrl: `${origin}/api/v2` });
    }
    const oauthServer = createServer((req, res) => {
      try {
        oauth.handle(req, res, oauthOrigin);
      } catch {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"server_error"}');
      }
    });
    servers.push(oauthServer);
    const oauthPort = await listen(oauthServer, opts.basePort ? opts.basePort + world.zones.length : 0, host);
    oauthOrigin = `http://${host}:${oauthPort}`;
  } catch (e) {
    await Promise.all(servers.map(closeServer));
    throw e;
  }

  // On our own real-time clock the world also moves between requests (light tick); a VirtualClock
  // passed in moves only when told, and the world catches up lazily on each request.
  let tick: ReturnType<typeof setInterval> | null = null;
  let unsubscribe: (() => void) | null = null;
  if (clock instanceof ControllableClock) {
    tick = setInterval(() => {
      if (!clock.frozen) core.catchUp();
    }, 1000);
    tick.unref();
    unsubscribe = clock.onChange(() => core.catchUp());
  }

  let closed = false;
  return {
    zones,
    oauthOrigin,
    demoToken: built.tokens[world.zones[0] as string] as string,
    tokens: { ...built.tokens },
    demoUserId: built.agencyUserId,
    control,
    world,
    async close() {
      if (closed) return;
      closed = true;
      if (tick) clearInterval(tick);
      unsubscribe?.();
      if (ownClock && clock instanceof ControllableClock) clock.dispose();
      await Promise.all(servers.map(closeServer));
    },
  };
}
