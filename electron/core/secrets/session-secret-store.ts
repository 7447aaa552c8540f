// Session-only mode for machines without a usable keychain: secrets stay in this process's memory
// and are gone when the app quits. Never written anywhere.
import type { SecretStore } from './secret-store';

export class SessionSecretStore implements SecretStore {
  readonly kind = 'session' as const;
  private readonly secrets = new Map<string, string>();

  async get(account: string): Promise<string | null> {
    return this.secrets.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.secrets.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    return this.secrets.delete(account);
  }

  async list(): Promise<string[]> {
    return [...this.secrets.keys()];
  }

  async isAvailable(): Promise<boolean> {
    return true;
  }

  /** Forgets everything (on quit or when leaving session mode). */
  clear(): void {
    this.secrets.clear();
  }
}
