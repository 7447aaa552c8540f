// The OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on Linux).
// @napi-rs/keyring rather than keytar: keytar has been archived since Dec 2022; @napi-rs/keyring offers the same API on the maintained Rust keyring crate with prebuilt N-API binaries.
// We call its AsyncEntry directly (what its keytar shim does) so that on Linux the entry can be pinned
// to the Secret Service: the default would silently fall back to the kernel keyring, which forgets
// everything at reboot while the user believes the token was saved.
import { AsyncEntry, findCredentialsAsync, type EntryOptions } from '@napi-rs/keyring';
import { KeychainUnavailableError, SECRET_SERVICE_NAME, classifyKeychainError, type SecretStore } from './secret-store';

export interface KeychainSecretStoreOptions {
  service?: string;
  /** Longest a single keychain call may take before it counts as unavailable. */
  callTimeoutMs?: number;
}

const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

/** The `detail` of every call refused because an earlier one did not answer in time. */
export const KEYCHAIN_STALLED_DETAIL = 'An earlier keychain call did not answer in time; the keychain is not used again until the app restarts.';

export class KeychainSecretStore implements SecretStore {
  readonly kind = 'keychain' as const;
  private readonly service: string;
  private readonly callTimeoutMs: number;
  /**
   * Set when a call times out. The native call cannot be cancelled: a write that timed out may still
   * land later and undo whatever the caller did after the failure (the registry's rollback), and a
   * stuck keychain would make every later call wait out the deadline again. So from then on every
   * call fails at once with the same typed error.
   */
  private stalled = false;

  constructor(options: KeychainSecretStoreOptions = {}) {
    this.service = options.service ?? SECRET_SERVICE_NAME;
    this.callTimeoutMs = options.callTimeoutMs ?? 10_000;
  }

  get(account: string): Promise<string | null> {
    return this.call((signal) => this.entry(account).getPassword(signal));
  }

  async set(account: string, secret: string): Promise<void> {
    await this.call((signal) => this.entry(account).setPassword(secret, signal));
  }

  delete(account: string): Promise<boolean> {
    return this.call((signal) => this.entry(account).deleteCredential(signal));
  }

  async list(): Promise<string[]> {
    const found = await this.call((signal) => findCredentialsAsync(this.service, null, signal));
    return found.map((c) => c.account);
  }

  async isAvailable(): Promise<boolean> {
    try {
      await this.get('__availability-check__');
      return true;
    } catch {
      return false;
    }
  }

  private entry(account: string): AsyncEntry {
    return new AsyncEntry(this.service, account, ENTRY_OPTIONS);
  }

  /** Runs one keychain call with a deadline; every failure becomes a KeychainUnavailableError. */
  private async call<T>(op: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.stalled) throw new KeychainUnavailableError('timeout', KEYCHAIN_STALLED_DETAIL);
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.stalled = true;
        controller.abort();
        reject(new KeychainUnavailableError('timeout'));
      }, this.callTimeoutMs);
    });
    try {
      return await Promise.race([Promise.resolve().then(() => op(controller.signal)), deadline]);
    } catch (err) {
      if (err instanceof KeychainUnavailableError) throw err;
      const detail = err instanceof Error ? err.message : String(err);
      throw new KeychainUnavailableError(classifyKeychainError(detail), detail);
    } finally {
      clearTimeout(timer);
    }
  }
}
