// The accounts commands on top of H6's AccountRegistry: its result objects become replies or typed
// contract errors, and organization keys become (account, org id) pairs.
import { CommandError, contractError, type ErrorCode } from '../../../shared/contract';
import type { AccountState, EngineState, OrgKey } from '../../../shared/domain';
import type { AccountRegistry, ConnectProblem, OAuthClientSettings } from '../accounts';
import { toAccountState } from '../accounts';
import type { AccountsCommandPort } from './ports';

const CODE_FOR: Partial<Record<ConnectProblem, ErrorCode>> = {
  'invalid-zone': 'invalid-input',
  'not-https': 'invalid-input',
  'empty-token': 'invalid-input',
  'insufficient-scopes': 'missing-scope',
  'rate-limited': 'rate-limited',
  unreachable: 'offline',
  timeout: 'offline',
  'server-error': 'offline',
  unexpected: 'internal',
  malformed: 'internal',
};

const failure = (problem: ConnectProblem | string, message: string, field?: string) =>
  new CommandError(contractError(CODE_FOR[problem as ConnectProblem] ?? 'refused', message, field ? { field } : {}));

export interface AccountsAdapterOptions {
  registry: AccountRegistry;
  state: () => EngineState;
  /** Marks an organization watched or not in the engine's state. */
  setOrgMonitoredInState?: (orgKey: OrgKey, monitored: boolean) => void;
  /** OAuth client settings per zone host; absent = browser sign-in not offered. */
  oauthSettings?: (zone: string) => OAuthClientSettings | null;
  openExternal?: (url: string) => Promise<void>;
}

export function accountsCommandPort(opts: AccountsAdapterOptions): AccountsCommandPort {
  const { registry } = opts;
  const port: AccountsCommandPort = {
    list: (): AccountState[] => registry.list().map(toAccountState),
    async connectToken({ zone, baseUrl, token }) {
      const r = await registry.connectToken({ zone: zone ?? baseUrl ?? '', token });
      if (!r.ok) throw failure(r.problem, r.message, r.problem === 'empty-token' || r.problem === 'wrong-token' ? 'token' : r.problem === 'invalid-zone' ? 'zone' : undefined);
      return toAccountState(r.account);
    },
    async signOut(accountId) {
      const r = await registry.signOut(accountId);
      if (!r.ok) throw new CommandError(contractError(r.problem === 'unknown-account' ? 'not-found' : 'internal', r.message));
    },
    async setOrgMonitored(orgKey, monitored) {
      const org = opts.state().orgs[orgKey];
      if (!org) throw new CommandError(contractError('not-found', 'Make Tray does not know this organization.'));
      for (const accountId of org.accountIds) {
        if (registry.get(accountId)) await registry.setOrganizationMonitored(accountId, org.id, monitored);
      }
      opts.setOrgMonitoredInState?.(orgKey, monitored);
    },
  };
  if (opts.oauthSettings && opts.openExternal) {
    const settingsFor = opts.oauthSettings;
    const openExternal = opts.openExternal;
    port.startOAuth = async ({ zone, baseUrl }) => {
      const target = zone ?? baseUrl ?? '';
      const settings = settingsFor(target);
      if (!settings) throw new CommandError(contractError('refused', 'Signing in through the browser is not set up for this zone. Use an API token instead.'));
      // The flow waits for the browser; the account shows up in the state when it completes.
      void registry.connectOAuth({ zone: target, settings, openExternal }).catch(() => undefined);
    };
  }
  return port;
}
