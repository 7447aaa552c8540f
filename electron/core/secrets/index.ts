export { SECRET_SERVICE_NAME, KeychainUnavailableError, classifyKeychainError } from './secret-store';
export type { SecretStore, SecretStoreKind, KeychainProblem } from './secret-store';
export { KeychainSecretStore } from './keychain-secret-store';
export type { KeychainSecretStoreOptions } from './keychain-secret-store';
export { SessionSecretStore } from './session-secret-store';
export { probeKeychain } from './keychain-probe';
export type { KeychainStatus, KeychainProbeOptions } from './keychain-probe';
export { openSecretStore } from './open-secret-store';
export type { OpenedSecretStore } from './open-secret-store';
