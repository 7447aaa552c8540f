// The built-in demo world (the one starter, for the app and the dashboard): the simulator in demo mode,
// in this process, on ephemeral ports, with one demo account per zone.
import type { Clock } from '../../shared/clock';
import { DEMO_OAUTH_CLIENT_ID } from '../sim/oauth/authority';
import { startSimulator, type SimulatorHandle } from '../sim/simulator';
import type { DemoWorld } from '../core/app/compose';

/** The demo accounts for a running simulator: the demo user's token on every zone; OAuth with its demo client. */
export function demoWorldOf(sim: Pick<SimulatorHandle, 'zones' | 'tokens' | 'oauthOrigin'>): DemoWorld {
  return {
    oauth: { authorizationServer: sim.oauthOrigin, clientId: DEMO_OAUTH_CLIENT_ID },
    accounts: sim.zones.flatMap((z) => {
      const token = sim.tokens[z.name];
      return token ? [{ id: `demo-${z.name}`, baseUrl: z.baseUrl, token }] : [];
    }),
  };
}

export async function startDemoWorld(options: { seed: number; clock?: Clock }): Promise<DemoWorld & { close: () => Promise<void> }> {
  const sim = await startSimulator({ basePort: 0, mode: 'demo', seed: options.seed, ...(options.clock ? { clock: options.clock } : {}) });
  return { ...demoWorldOf(sim), close: () => sim.close() };
}
