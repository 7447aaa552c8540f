// The Make client's credential for an OAuth account. Sends the access token while it is valid; when
// it expires (or Make answers 401) it refreshes once with the refresh token, if there is one, and
// stores the rotated refresh token in place of the old one. Without a refresh token, or when the
// refresh is refused, the account needs a new sign-in: `onNeedsSignIn` fires exactly once and every
// later call fails with SignInRequiredError until a new sign-in replaces this source.
import type { Clock } from '../../../shared/clock';
import type { AccountId, Millis } from '../../../shared/domain';
import type { CredentialSource } from '../make/credentials';
import type { SecretStore } from '../secrets/secret-store';
import { OAuthError } from './oauth-errors';
import { refreshTokens, type OAuthHttpOptions } from './oauth-server';
import { encodeSecret, secretAccountName, type StoredOAuthSecret } from './stored-secret';

export class SignInRequiredError extends Error {
  override readonly name = 'SignInRequiredError';
  /**
   * The facts of an HTTP 401: a request that cannot be sent because the sign-in is no longer valid
   * means the same to whoever classifies failures by these fields (the poller: "the account needs
   * sign-in", not a passing error that the next good poll of the zone would clear).
   */
  readonly kind = 'http' as const;
  readonly status = 401;
  constructor(
    readonly accountId: AccountId,
    message: string,
  ) {
    super(message);
  }
}

export const isSignInRequired = (err: unknown): err is SignInRequiredError => err instanceof SignInRequiredError;

export interface OAuthCredentialSourceOptions {
  accountId: AccountId;
  /** Shown in messages, e.g. `eu1.make.com`. */
  zone: string;
  clientId: string;
  tokenEndpoint: string;
  tokens: Omit<StoredOAuthSecret, 'v' | 'kind'>;
  secrets: SecretStore;
  clock: Clock;
  onNeedsSignIn: (message: string) => void;
  /** Refresh this long before the stated expiry (default 60 s). */
  expirySkewMs?: number;
  http?: OAuthHttpOptions;
}

/** A 401 this soon after a refresh that a 401 triggered means the server rejects fresh tokens too. */
const REFRESH_LOOP_WINDOW_MS = 60_000;

export class OAuthCredentialSource implements CredentialSource {
  private accessToken: string;
  private refreshToken: string | null;
  private expiresAt: Millis | null;
  private signInMessage: string | null = null;
  private refreshing: Promise<boolean> | null = null;
  private lastRefreshAfter401At: Millis | null = null;
  private disposed = false;
  private saving: Promise<void> | null = null;
  private readonly opts: OAuthCredentialSourceOptions;

  constructor(opts: OAuthCredentialSourceOptions) {
    this.opts = opts;
    this.accessToken = opts.tokens.accessToken;
    this.refreshToken = opts.tokens.refreshToken;
    this.expiresAt = opts.tokens.expiresAt;
  }

  get needsSignIn(): boolean {
    return this.signInMessage !== null;
  }

  get hasRefreshToken(): boolean {
    return this.refreshToken !== null;
  }

  async authorization(): Promise<string> {
    if (this.signInMessage !== null) throw new SignInRequiredError(this.opts.accountId, this.signInMessage);
    if (this.isExpired()) {
      if (!(await this.refreshOnce())) throw new SignInRequiredError(this.opts.accountId, this.signInMessage ?? this.expiredMessage());
    }
    return `Bearer ${this.accessToken}`;
  }

  async onUnauthorized(): Promise<boolean> {
    if (this.signInMessage !== null) return false;
    const now = this.opts.clock.now();
    if (this.lastRefreshAfter401At !== null && now - this.lastRefreshAfter401At < REFRESH_LOOP_WINDOW_MS) {
      this.requireSignIn(`Make no longer accepts the sign-in for ${this.opts.zone}. Sign in again.`);
      return false;
    }
    const ok = await this.refreshOnce();
    if (ok) this.lastRefreshAfter401At = now;
    return ok;
  }

  /**
   * Called by the registry before it deletes or replaces this account's secret (sign-out, a new
   * sign-in). From then on a refresh still serves this session's requests but never writes the
   * keychain, and `onNeedsSignIn` never fires. Resolves once a save already under way has finished,
   * so the caller's delete or replace lands after it.
   */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.saving?.catch(() => undefined);
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Keeps `JSON.stringify(source)` free of tokens. */
  toJSON(): Record<string, unknown> {
    return { accountId: this.opts.accountId, needsSignIn: this.needsSignIn };
  }

  private isExpired(): boolean {
    if (this.expiresAt === null) return false;
    return this.opts.clock.now() >= this.expiresAt - (this.opts.expirySkewMs ?? 60_000);
  }

  private expiredMessage(): string {
    return `The sign-in for ${this.opts.zone} has expired. Sign in again.`;
  }

  /** One refresh at a time; concurrent callers share its outcome. */
  private refreshOnce(): Promise<boolean> {
    this.refreshing ??= this.refresh().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async refresh(): Promise<boolean> {
    const refreshToken = this.refreshToken;
    if (refreshToken === null) {
      this.requireSignIn(this.expiredMessage());
      return false;
    }
    let fresh;
    try {
      fresh = await refreshTokens(this.opts.tokenEndpoint, { clientId: this.opts.clientId, refreshToken }, this.opts.clock.now(), this.opts.http ?? {});
    } catch (err) {
      if (err instanceof OAuthError && err.problem === 'token-rejected') {
        this.requireSignIn(this.expiredMessage());
        return false;
      }
      throw err; // unreachable server and the like: transient, the account stays signed in
    }
    this.accessToken = fresh.accessToken;
    this.refreshToken = fresh.refreshToken ?? refreshToken;
    this.expiresAt = fresh.expiresAt;
    // Signed out or replaced while the refresh was under way: the keychain entry is no longer ours.
    if (this.disposed) return true;
    const save = this.opts.secrets.set(
      secretAccountName(this.opts.accountId),
      encodeSecret({ v: 1, kind: 'oauth', accessToken: this.accessToken, refreshToken: this.refreshToken, expiresAt: this.expiresAt }),
    );
    this.saving = save;
    try {
      await save;
    } catch {
      // The fresh tokens still work for this session; if the keychain stays unwritable the old
      // (rotated, now dead) refresh token leads to a normal "sign in again" after a restart.
    } finally {
      if (this.saving === save) this.saving = null;
    }
    return true;
  }

  private requireSignIn(message: string): void {
    if (this.signInMessage !== null) return;
    this.signInMessage = message;
    if (!this.disposed) this.opts.onNeedsSignIn(message);
  }
}
