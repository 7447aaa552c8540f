// Small helpers for the simulator's own integration tests: a JSON client over real HTTP.
import { startSimulator, type SimulatorHandle, type WorldSpec } from '../../../electron/sim/simulator';
import { VirtualClock } from '../../../shared/clock';

export const T0 = Date.UTC(2026, 3, 6, 9, 0, 0);

export const SMALL_WORLD: WorldSpec = {
  seed: 7,
  zones: ['eu1', 'us1'],
  historyDays: 1,
  errorShare: 0,
  warningShare: 0,
  orgs: [
    { zone: 'eu1', name: 'Alpha Core', plan: 'core', teams: 2, scenarios: 30 },
    { zone: 'us1', name: 'Beta Pro', plan: 'pro', teams: 1, scenarios: 8 },
  ],
};

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
}

export class Client {
  constructor(
    readonly baseUrl: string,
    public token: string | null,
  ) {}

  async call(method: string, path: string, body?: unknown, rawBody?: string): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Token ${this.token}`;
    if (body !== undefined || rawBody !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.baseUrl + path, { method, headers, body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // left as text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get = (p: string) => this.call('GET', p);
  post = (p: string, b?: unknown) => this.call('POST', p, b);
  patch = (p: string, b?: unknown) => this.call('PATCH', p, b);
  del = (p: string) => this.call('DELETE', p);
}

export async function startSmall(spec: WorldSpec = SMALL_WORLD): Promise<{ sim: SimulatorHandle; clock: VirtualClock; eu: Client; us: Client }> {
  const clock = new VirtualClock(T0);
  const sim = await startSimulator({ basePort: 0, mode: 'test', clock, world: spec });
  const eu = new Client(sim.zones[0]!.baseUrl, sim.tokens.eu1!);
  const us = new Client(sim.zones[1]!.baseUrl, sim.tokens.us1!);
  return { sim, clock, eu, us };
}

export const blueprint = (name: string, opts: { maxErrors?: number; dlq?: boolean; hookId?: number } = {}) =>
  JSON.stringify({
    name,
    flow: [
      opts.hookId !== undefined
        ? { id: 1, module: 'gateway:CustomWebHook', version: 1, parameters: { hook: opts.hookId } }
        : { id: 1, module: 'util:SetVariable', version: 1, parameters: {} },
      { id: 2, module: 'slack:CreateMessage', version: 1, parameters: {} },
    ],
    metadata: { version: 1, scenario: { maxErrors: opts.maxErrors ?? 3, dlq: opts.dlq ?? false } },
  });

/** First team id of the first organization in the client's zone. */
export async function firstTeam(c: Client, host: string): Promise<{ orgId: number; teamId: number }> {
  const orgs = (await c.get('/organizations?cols[]=id&cols[]=zone')).body.organizations as { id: number; zone: string }[];
  const org = orgs.find((o) => o.zone === host);
  if (!org) throw new Error('no org in zone');
  const teams = (await c.get(`/teams?organizationId=${org.id}`)).body.teams as { id: number }[];
  return { orgId: org.id, teamId: teams[0]!.id };
}
