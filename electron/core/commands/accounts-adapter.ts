// The accounts commands on top of the AccountRegistry: its result objects become replies or typed
// contract errors, and organization keys become (account, org id) pairs.
import { CommandError, contractError, type ContractError, type ErrorCode } from '../../../shared/contract';
import type { AccountState, EngineState, OrgKey } from '../../../shared/domain';
import type { AccountRecord, AccountRegistry, ConnectProblem, ConnectResult, OAuthClientSettings } from '../accounts';
import { resolveZoneInput, toAccountState } from '../accounts';
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

const errorFor = (problem: ConnectProblem | string, message: string, field?: string): ContractError =>
  contractError(CODE_FOR[problem as ConnectProblem] ?? 'refused', message, field ? { field } : {});
const failure = (problem: ConnectProblem | string, message: string, field?: string) => new CommandError(errorFor(problem, message, field));

/** A zone or base URL the user chose, resolved. */
export interface AccountTarget {
  /** Zone host, e.g. `eu1.make.com` or `127.0.0.1:8787`. */
  zone: string;
  baseUrl: string;
}

export interface AccountsAdapterOptions {
  registry: AccountRegistry;
  state: () => EngineState;
  /** Marks an organization watched or not in the engine's state. */
  setOrgMonitoredInState?: (orgKey: OrgKey, monitored: boolean) => void;
  /** The OAuth client for a zone; null (or absent) = browser sign-in not offered there. */
  oauthSettings?: (target: AccountTarget) => OAuthClientSettings | null;
  /** Opens the sign-in page in the system browser (never an embedded window). */
  openExternal?: (url: string) => Promise<void>;
  /** How long a browser sign-in may take (default: the flow's 5 minutes). */
  oauthTimeoutMs?: number;
  /** Connections to these zones are demo accounts: kept in memory only, never in the keychain or on disk. */
  isDemoTarget?: (target: AccountTarget) => boolean;
  /** How a browser sign-in ended (it finishes after `accounts.startOAuth` has replied); not called when cancelled. */
  onOAuthFinished?: (outcome: { ok: true; account: AccountState } | { ok: false; error: ContractError }) => void;
  /** Aborting it cancels a browser sign-in still waiting (on shutdown). */
  signal?: AbortSignal;
  /** After every successful connect (token or browser). */
  onConnected?: (account: AccountRecord) => void;
}

function resolveTarget(zone: string | undefined, baseUrl: string | undefined): AccountTarget {
  const resolved = resolveZoneInput(zone ?? baseUrl ?? '');
  if (!resolved.ok) throw failure(resolved.problem === 'not-https' ? 'not-https' : 'invalid-zone', resolved.message, zone !== undefined ? 'zone' : 'baseUrl');
  return { zone: resolved.zone, baseUrl: resolved.baseUrl };
}

export function accountsCommandPort(opts: AccountsAdapterOptions): AccountsCommandPort {
  const { registry } = opts;
  const isDemo = (t: AccountTarget) => opts.isDemoTarget?.(t) ?? false;
  const port: AccountsCommandPort = {
    list: (): AccountState[] => registry.list().map(toAccountState),
    async connectToken({ zone, baseUrl, token }) {
      const target = resolveTarget(zone, baseUrl);
      const r = await registry.connectToken({ zone: target.baseUrl, token, demo: isDemo(target) });
      if (!r.ok) throw failure(r.problem, r.message, r.problem === 'empty-token' || r.problem === 'wrong-token' ? 'token' : r.problem === 'invalid-zone' ? 'zone' : undefined);
      opts.onConnected?.(r.account);
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
    // One sign-in at a time: starting another cancels the one still waiting for its browser.
    let current: AbortController | null = null;
    opts.signal?.addEventListener('abort', () => current?.abort(), { once: true });
    port.startOAuth = async ({ zone, baseUrl }) => {
      const target = resolveTarget(zone, baseUrl);
      const settings = settingsFor(target);
      if (!settings) throw new CommandError(contractError('refused', 'Signing in through the browser is not set up for this zone. Use an API token instead.'));
      if (opts.signal?.aborted) throw new CommandError(contractError('refused', 'Make Tray is shutting down.'));
      current?.abort();
      const controller = new AbortController();
      current = controller;
      // The flow waits for the browser; the account shows up in the state when it completes.
      void registry
        .connectOAuth({
          zone: target.baseUrl,
          settings,
          openExternal,
          signal: controller.signal,
          demo: isDemo(target),
          ...(opts.oauthTimeoutMs !== undefined && { timeoutMs: opts.oauthTimeoutMs }),
        })
        .then(
          (result) => result,
          (): ConnectResult => ({ ok: false, problem: 'unexpected', message: 'Sign-in failed unexpectedly.' }),
        )
        .then((result) => {
          if (current === controller) current = null;
          if (result.ok) {
            opts.onConnected?.(result.account);
            opts.onOAuthFinished?.({ ok: true, account: toAccountState(result.account) });
          } else if (result.problem !== 'cancelled') {
            opts.onOAuthFinished?.({ ok: false, error: errorFor(result.problem, result.message) });
          }
        });
    };
  }
  return port;
}
