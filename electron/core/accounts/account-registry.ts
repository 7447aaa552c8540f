// Every connected account: connecting (API token or OAuth sign-in, checked before anything is
// saved), the credential each one hands to the engine, per-organization monitoring, "sign in again",
// and sign-out. Metadata goes to a small JSON file written atomically; secrets only to the SecretStore.
// Demo accounts (on the built-in simulator, whose addresses and tokens change every launch) live in
// memory only: never in the keychain, never in the accounts file.
import { SystemClock, type Clock } from '../../../shared/clock';
import type { AccountId, AuthKind } from '../../../shared/domain';
import type { CacheFile } from '../cache/cache-file';
import { MakeClient } from '../make/client';
import type { CredentialSource } from '../make/credentials';
import type { MakeOrganizationSummary } from '../make/schemas/organizations';
import type { ZonePools } from '../make/zone-pools';
import type { SecretStore } from '../secrets/secret-store';
import { SessionSecretStore } from '../secrets/session-secret-store';
import {
  accountIdFor,
  decodeAccountsFile,
  encodeAccountsFile,
  isOrgMonitored,
  type AccountRecord,
  type OAuthAccountSettings,
} from './account-record';
import { checkCredential, type CheckProblem, type CredentialCheck } from './check-credential';
import type { FeatureAccess } from './features';
import { OAuthCredentialSource } from './oauth-credential-source';
import { OAuthError, type OAuthProblem } from './oauth-errors';
import { runOAuthFlow, type OAuthClientSettings } from './oauth-flow';
import { revokeToken } from './oauth-server';
import { decodeSecret, encodeSecret, secretAccountName, type StoredSecret } from './stored-secret';
import { resolveZoneInput } from './zones';

/** What the registry needs from the engine. */
export interface EngineAccountsPort {
  addAccount(account: { id: AccountId; baseUrl: string; credentials: CredentialSource; kind: AuthKind; demo: boolean }): unknown;
  removeAccount(id: AccountId): unknown;
}

/** What the registry needs from the offline cache (EngineCache has this method). */
export interface AccountCachePort {
  removeAccount(id: AccountId): Promise<void>;
}

export type AccountEvent =
  | { type: 'needs-sign-in'; accountId: AccountId; message: string }
  | { type: 'changed'; accountId: AccountId }
  | { type: 'removed'; accountId: AccountId };

export type ConnectProblem = CheckProblem | OAuthProblem | 'insufficient-scopes' | 'keychain' | 'storage';

export type ConnectResult =
  | { ok: true; account: AccountRecord; features: FeatureAccess[]; missing: string[] }
  | { ok: false; problem: ConnectProblem; message: string };

export type SignOutResult = { ok: true } | { ok: false; problem: 'unknown-account' | 'keychain' | 'storage'; message: string };

export interface AccountRegistryOptions {
  /** Where `accounts.json` lives (a DiskCacheFile on the app's data folder). */
  files: CacheFile;
  secrets: SecretStore;
  pools: ZonePools;
  clock?: Clock;
  engine?: EngineAccountsPort;
  cache?: AccountCachePort;
  /** Deadline for each check request (default 15 s). */
  checkTimeoutMs?: number;
}

export const ACCOUNTS_FILE = 'accounts.json';

export interface OrganizationChoice {
  id: number;
  name: string;
  zone: string | null;
  monitored: boolean;
}

export class AccountRegistry {
  private records = new Map<AccountId, AccountRecord>();
  private readonly credentials = new Map<AccountId, CredentialSource>();
  private readonly listeners = new Set<(event: AccountEvent) => void>();
  private chain: Promise<unknown> = Promise.resolve();
  private readonly clock: Clock;
  /** Where demo accounts keep their secrets: this process's memory. */
  private readonly demoSecrets = new SessionSecretStore();
  /**
   * Accounts shown as "needs sign-in" only because this launch keeps secrets in memory (no keychain,
   * or forced demo) and so cannot see the saved one: the file keeps them as they were, so a later
   * launch with the keychain uses them again.
   */
  private readonly needsSignInThisSessionOnly = new Set<AccountId>();

  constructor(private readonly opts: AccountRegistryOptions) {
    this.clock = opts.clock ?? new SystemClock();
  }

  /** Where secrets go: 'session' means they are forgotten when the app quits. */
  get secretStoreKind(): SecretStore['kind'] {
    return this.opts.secrets.kind;
  }

  onEvent(listener: (event: AccountEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  list(): AccountRecord[] {
    return [...this.records.values()].map(copy);
  }

  get(id: AccountId): AccountRecord | null {
    const r = this.records.get(id);
    return r ? copy(r) : null;
  }

  /**
   * Reads the accounts file and each account's secret, and hands every usable account to the engine.
   * A bad file is moved aside (the app starts with no accounts); an account whose secret is gone
   * (session mode after a restart, a wiped keychain) becomes "needs sign-in" — saved so only when the
   * keychain itself lost it. An account saved as "needs sign-in" whose secret is back is used again.
   */
  start(): Promise<{ problems: string[] }> {
    return this.serial(async () => {
      const problems: string[] = [];
      let text: string | null = null;
      try {
        const bytes = await this.opts.files.read(ACCOUNTS_FILE);
        text = bytes === null ? null : new TextDecoder().decode(bytes);
      } catch (err) {
        problems.push(err instanceof Error ? err.message : 'The accounts file could not be read.');
      }
      if (text !== null) {
        const decoded = decodeAccountsFile(text);
        if (decoded === null) {
          const aside = await this.opts.files.moveAside(ACCOUNTS_FILE, this.clock.now()).catch(() => null);
          problems.push(`The saved account list was damaged${aside ? ` and was moved to ${aside}` : ''}; connect your accounts again.`);
        } else {
          this.records = new Map(decoded.filter((r) => !r.demo).map((r) => [r.id, r]));
        }
      }
      let dirty = false;
      for (const record of this.records.values()) {
        let secret: StoredSecret | null;
        try {
          secret = decodeSecret(await this.secretsFor(record).get(secretAccountName(record.id)));
        } catch (err) {
          problems.push(`${record.userName} (${record.zone}): ${err instanceof Error ? err.message : 'the keychain failed'}`);
          continue;
        }
        if (secret === null || secret.kind !== record.kind) {
          if (record.status === 'needs-sign-in') continue;
          this.markNeedsSignIn(record, `The saved sign-in for ${record.zone} is no longer available. Connect again.`);
          if (this.opts.secrets.kind === 'session') this.needsSignInThisSessionOnly.add(record.id);
          else dirty = true;
          continue;
        }
        if (record.status !== 'ok') {
          record.status = 'ok';
          record.statusMessage = null;
          dirty = true;
        }
        const credentials = this.credentialFromSecret(record, secret);
        this.credentials.set(record.id, credentials);
        await this.tellEngine('add', record, credentials);
      }
      if (dirty) await this.persist().catch((err: unknown) => problems.push(err instanceof Error ? err.message : 'The accounts file could not be saved.'));
      return { problems };
    });
  }

  /** Connects with a pasted API token. Checks it first; saves nothing unless the check passes. */
  async connectToken(input: { zone: string; token: string; demo?: boolean; signal?: AbortSignal }): Promise<ConnectResult> {
    const zone = resolveZoneInput(input.zone);
    if (!zone.ok) return { ok: false, problem: zone.problem === 'not-https' ? 'not-https' : 'invalid-zone', message: zone.message };
    const token = input.token.trim();
    if (token === '' || /\s/.test(token) || [...token].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
      return {
        ok: false,
        problem: 'empty-token',
        message: token === '' ? 'Paste the API token from your Make profile (Profile → API).' : 'The token contains spaces or line breaks; paste it again exactly as Make shows it.',
      };
    }
    const header = `Token ${token}`;
    const credentials: CredentialSource = { authorization: () => Promise.resolve(header) };
    const check = await checkCredential({
      baseUrl: zone.baseUrl,
      zone: zone.zone,
      credentials,
      pools: this.opts.pools,
      kind: 'token',
      ...(this.opts.checkTimeoutMs !== undefined && { timeoutMs: this.opts.checkTimeoutMs }),
      ...(input.signal && { signal: input.signal }),
    });
    if (!check.ok) return check;
    return this.save(check, 'token', { v: 1, kind: 'token', token }, null, input.demo ?? false);
  }

  /**
   * Signs in through the system browser (RFC 8252), then checks the new access token on the zone.
   * Saves nothing unless both succeed.
   */
  async connectOAuth(input: {
    zone: string;
    settings: OAuthClientSettings;
    openExternal: (url: string) => Promise<void> | void;
    timeoutMs?: number;
    signal?: AbortSignal;
    demo?: boolean;
  }): Promise<ConnectResult> {
    const zone = resolveZoneInput(input.zone);
    if (!zone.ok) return { ok: false, problem: zone.problem === 'not-https' ? 'not-https' : 'invalid-zone', message: zone.message };
    let flow;
    try {
      flow = await runOAuthFlow({
        settings: input.settings,
        openExternal: input.openExternal,
        clock: this.clock,
        ...(input.timeoutMs !== undefined && { timeoutMs: input.timeoutMs }),
        ...(input.signal && { signal: input.signal }),
      });
    } catch (err) {
      if (err instanceof OAuthError) return { ok: false, problem: err.problem, message: err.message };
      return { ok: false, problem: 'unexpected', message: 'Sign-in failed unexpectedly.' };
    }
    const header = `Bearer ${flow.tokens.accessToken}`;
    const check = await checkCredential({
      baseUrl: zone.baseUrl,
      zone: zone.zone,
      credentials: { authorization: () => Promise.resolve(header) },
      pools: this.opts.pools,
      kind: 'oauth',
      ...(this.opts.checkTimeoutMs !== undefined && { timeoutMs: this.opts.checkTimeoutMs }),
      ...(input.signal && { signal: input.signal }),
    });
    if (!check.ok) return check;
    const oauth: OAuthAccountSettings = {
      authorizationServer: input.settings.authorizationServer,
      clientId: input.settings.clientId,
      tokenEndpoint: flow.endpoints.tokenEndpoint,
      revocationEndpoint: flow.endpoints.revocationEndpoint,
    };
    const secret: StoredSecret = {
      v: 1,
      kind: 'oauth',
      accessToken: flow.tokens.accessToken,
      refreshToken: flow.tokens.refreshToken,
      expiresAt: flow.tokens.expiresAt,
    };
    return this.save(check, 'oauth', secret, oauth, input.demo ?? false);
  }

  /** The credential the engine's client uses for this account (null when unknown or signed out). */
  credentialsFor(id: AccountId): CredentialSource | null {
    return this.credentials.get(id) ?? null;
  }

  /** The account's organizations (GET /organizations) with the monitoring switch of each. */
  async listOrganizations(id: AccountId, signal?: AbortSignal): Promise<OrganizationChoice[]> {
    const record = this.records.get(id);
    const credentials = this.credentials.get(id);
    if (!record || !credentials) throw new Error(`Account ${id} is not connected.`);
    const client = new MakeClient({ baseUrl: record.baseUrl, credentials, pools: this.opts.pools });
    const orgs: MakeOrganizationSummary[] = await client.listOrganizations({}, signal ? { signal } : undefined);
    return orgs.map((o) => ({ id: o.id, name: o.name, zone: o.zone ?? null, monitored: isOrgMonitored(record, o.id) }));
  }

  isOrganizationMonitored(id: AccountId, orgId: number): boolean {
    const record = this.records.get(id);
    return record ? isOrgMonitored(record, orgId) : false;
  }

  setOrganizationMonitored(id: AccountId, orgId: number, monitored: boolean): Promise<void> {
    return this.serial(async () => {
      const record = this.records.get(id);
      if (!record) throw new Error(`Account ${id} is not connected.`);
      const before = { ...record.monitoredOrgs };
      if (monitored) delete record.monitoredOrgs[String(orgId)];
      else record.monitoredOrgs[String(orgId)] = false;
      try {
        await this.persist();
      } catch (err) {
        record.monitoredOrgs = before;
        throw err;
      }
      this.emit({ type: 'changed', accountId: id });
    });
  }

  /**
   * Signs out: stops the engine using the account, revokes OAuth tokens (best effort), deletes the
   * secret from the keychain, deletes the account's offline cache, and forgets the account.
   * If the keychain refuses the delete, nothing else changes and the user can try again.
   */
  signOut(id: AccountId): Promise<SignOutResult> {
    return this.serial(async (): Promise<SignOutResult> => {
      const record = this.records.get(id);
      if (!record) return { ok: false, problem: 'unknown-account', message: 'This account is not connected.' };
      const name = secretAccountName(id);
      let secret: StoredSecret | null;
      const store = this.secretsFor(record);
      // No refresh may write the entry back once it is deleted. A failed delete below leaves the
      // account signed in with a source that no longer saves rotated tokens; the retry then works.
      await this.disposeCredential(id);
      try {
        secret = decodeSecret(await store.get(name));
        await store.delete(name);
      } catch (err) {
        return { ok: false, problem: 'keychain', message: `Could not remove the saved sign-in from the keychain: ${err instanceof Error ? err.message : 'unknown error'}` };
      }
      this.credentials.delete(id);
      this.needsSignInThisSessionOnly.delete(id);
      await this.tellEngine('remove', record);
      if (secret?.kind === 'oauth' && record.oauth?.revocationEndpoint) {
        const { revocationEndpoint, clientId } = record.oauth;
        if (secret.refreshToken) await revokeToken(revocationEndpoint, { clientId, token: secret.refreshToken, hint: 'refresh_token' });
        await revokeToken(revocationEndpoint, { clientId, token: secret.accessToken, hint: 'access_token' });
      }
      this.records.delete(id);
      const problems: string[] = [];
      await this.opts.cache?.removeAccount(id).catch(() => problems.push('its offline cache could not be deleted'));
      if (!record.demo) await this.persist().catch(() => problems.push('the account list could not be saved'));
      this.emit({ type: 'removed', accountId: id });
      if (problems.length > 0) return { ok: false, problem: 'storage', message: `Signed out, but ${problems.join(' and ')}.` };
      return { ok: true };
    });
  }

  // ── internals ─────────────────────────────────────────────────────────────────────────────────

  private save(
    check: CredentialCheck & { ok: true },
    kind: AccountRecord['kind'],
    secret: StoredSecret,
    oauth: OAuthAccountSettings | null,
    demo: boolean,
  ): Promise<ConnectResult> {
    const essential = check.features.filter((f) => f.essential && !f.ok);
    if (essential.length > 0) {
      const what = kind === 'token' ? 'This token' : 'This sign-in';
      const fix = kind === 'token' ? 'Create a token that includes them.' : 'Ask for them when signing in.';
      return Promise.resolve({ ok: false, problem: 'insufficient-scopes', message: `${what} ${essential.map((f) => f.message).join('; ')}. ${fix}` });
    }
    return this.serial(async (): Promise<ConnectResult> => {
      const id = accountIdFor(kind, check.zone, check.user.id);
      const previous = this.records.get(id);
      const record: AccountRecord = {
        id,
        kind,
        baseUrl: check.baseUrl,
        zone: check.zone,
        userId: check.user.id,
        userName: check.user.name,
        email: check.user.email,
        scopes: check.scopes,
        demo,
        createdAt: previous?.createdAt ?? this.clock.now(),
        status: 'ok',
        statusMessage: null,
        oauth,
        monitoredOrgs: previous?.monitoredOrgs ?? {},
      };
      const name = secretAccountName(id);
      const store = this.secretsFor(record);
      // The old sign-in's refresh must not overwrite (or, on rollback, outlive) the new secret.
      const previousCredentials = this.credentials.get(id);
      await this.disposeCredential(id);
      const previousSecret = previous ? await store.get(name).catch(() => null) : null;
      const restorePrevious = async () => {
        const old = previous && previousSecret !== null ? decodeSecret(previousSecret) : null;
        if (!previous || !(previousCredentials instanceof OAuthCredentialSource)) return;
        if (!old || old.kind !== previous.kind) return;
        const revived = this.credentialFromSecret(previous, old);
        this.credentials.set(id, revived);
        await this.tellEngine('remove', previous);
        await this.tellEngine('add', previous, revived);
      };
      try {
        await store.set(name, encodeSecret(secret));
      } catch (err) {
        await restorePrevious();
        return { ok: false, problem: 'keychain', message: `Could not save the credential in the keychain: ${err instanceof Error ? err.message : 'unknown error'}` };
      }
      this.records.set(id, record);
      try {
        if (!demo) await this.persist();
      } catch (err) {
        // Roll back so the keychain and the account list keep telling the same story.
        if (previous) this.records.set(id, previous);
        else this.records.delete(id);
        if (previousSecret !== null) await store.set(name, previousSecret).catch(() => undefined);
        else await store.delete(name).catch(() => undefined);
        await restorePrevious();
        return { ok: false, problem: 'storage', message: err instanceof Error ? err.message : 'The account list could not be saved.' };
      }
      const credentials = this.credentialFromSecret(record, secret);
      this.needsSignInThisSessionOnly.delete(id);
      if (previous) await this.tellEngine('remove', record);
      this.credentials.set(id, credentials);
      await this.tellEngine('add', record, credentials);
      this.emit({ type: 'changed', accountId: id });
      return { ok: true, account: copy(record), features: check.features, missing: check.missing };
    });
  }

  private credentialFromSecret(record: AccountRecord, secret: StoredSecret): CredentialSource {
    if (secret.kind === 'token') {
      const header = `Token ${secret.token}`;
      return { authorization: () => Promise.resolve(header) };
    }
    const oauth = record.oauth;
    const source = new OAuthCredentialSource({
      accountId: record.id,
      zone: record.zone,
      clientId: oauth?.clientId ?? '',
      tokenEndpoint: oauth?.tokenEndpoint ?? '',
      tokens: { accessToken: secret.accessToken, refreshToken: secret.refreshToken, expiresAt: secret.expiresAt },
      secrets: this.secretsFor(record),
      clock: this.clock,
      onNeedsSignIn: (message) => {
        const current = this.records.get(record.id);
        if (!current || this.credentials.get(record.id) !== source) return;
        this.markNeedsSignIn(current, message);
        if (!current.demo) void this.serial(() => this.persist()).catch(() => undefined);
      },
    });
    return source;
  }

  /** The engine reports its own trouble (discovery errors…) in its state; it never undoes a connect. */
  private async tellEngine(what: 'add' | 'remove', record: AccountRecord, credentials?: CredentialSource): Promise<void> {
    const engine = this.opts.engine;
    if (!engine) return;
    try {
      if (what === 'remove') await engine.removeAccount(record.id);
      else await engine.addAccount({ id: record.id, baseUrl: record.baseUrl, credentials: credentials!, kind: record.kind, demo: record.demo });
    } catch {
      // see above
    }
  }

  /** Stops the account's OAuth source from saving or signalling (see OAuthCredentialSource.dispose). */
  private async disposeCredential(id: AccountId): Promise<void> {
    const current = this.credentials.get(id);
    if (current instanceof OAuthCredentialSource) await current.dispose();
  }

  private markNeedsSignIn(record: AccountRecord, message: string): void {
    if (record.status === 'needs-sign-in') return;
    record.status = 'needs-sign-in';
    record.statusMessage = message;
    this.emit({ type: 'needs-sign-in', accountId: record.id, message });
  }

  private secretsFor(record: Pick<AccountRecord, 'demo'>): SecretStore {
    return record.demo ? this.demoSecrets : this.opts.secrets;
  }

  private persist(): Promise<void> {
    const saved = [...this.records.values()]
      .filter((r) => !r.demo)
      .map((r) => (r.status === 'needs-sign-in' && this.needsSignInThisSessionOnly.has(r.id) ? { ...r, status: 'ok' as const, statusMessage: null } : r));
    return this.opts.files.write(ACCOUNTS_FILE, new TextEncoder().encode(encodeAccountsFile(saved)));
  }

  private emit(event: AccountEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // A listener must not break the registry.
      }
    }
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
  }
}

const copy = (r: AccountRecord): AccountRecord => ({ ...r, scopes: [...r.scopes], monitoredOrgs: { ...r.monitoredOrgs }, oauth: r.oauth ? { ...r.oauth } : null });
