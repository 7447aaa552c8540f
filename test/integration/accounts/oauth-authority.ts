// The simulator's OAuth authorization server on its own loopback HTTP server, for the sign-in tests.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { VirtualClock } from '../../../shared/clock';
import { createOAuthAuthority, type OAuthAuthority } from '../../../electron/sim/oauth/authority';

export const START = Date.UTC(2026, 0, 5, 9, 0, 0);
export const OAUTH_USER = { id: 7, name: 'Ada Maker', email: 'ada@example.com' };

export interface AuthorityHarness {
  origin: string;
  clock: VirtualClock;
  authority: OAuthAuthority;
  close(): Promise<void>;
}

export async function startAuthority(clock = new VirtualClock(START)): Promise<AuthorityHarness> {
  const authority = createOAuthAuthority({ clock, users: () => [OAUTH_USER] });
  let origin = '';
  const server: Server = createServer((req, res) => authority.handle(req, res, origin));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    clock,
    authority,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
