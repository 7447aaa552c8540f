// Picks the secret store at startup: the OS keychain when the probe says it works, otherwise the
// session-only memory store, together with the reason so the UI can say why secrets won't be kept.
import { KeychainSecretStore } from './keychain-secret-store';
import { probeKeychain, type KeychainProbeOptions, type KeychainStatus } from './keychain-probe';
import type { SecretStore } from './secret-store';
import { SessionSecretStore } from './session-secret-store';

export interface OpenedSecretStore {
  store: SecretStore;
  keychain: KeychainStatus;
}

export async function openSecretStore(options: KeychainProbeOptions & { callTimeoutMs?: number } = {}): Promise<OpenedSecretStore> {
  const keychain = await probeKeychain(options);
  if (keychain.available) {
    const store = new KeychainSecretStore({
      ...(options.service !== undefined && { service: options.service }),
      ...(options.callTimeoutMs !== undefined && { callTimeoutMs: options.callTimeoutMs }),
    });
    return { store, keychain };
  }
  return { store: new SessionSecretStore(), keychain };
}
