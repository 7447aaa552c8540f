export { SECRET_SERVICE_NAME, KeychainUnavailableError, classifyKeychainError } from './secret-store';
export type { SecretStore, SecretStoreKind, KeychainProblem } from './secret-store';
export { KEYCHAIN_STALLED_DETAIL, KeychainSecretStore } from './keychain-secret-store';
export type { KeychainSecretStoreOptions } from './keychain-secret-store';
export { SessionSecretStore } from './session-secret-store';
export { KEYCHAIN_PROBE_SOURCE, forkProbeRunner, nodeProbeRunner, probeKeychain } from './keychain-probe';
export type { ForkLike, KeychainProbeExit, KeychainProbeJob, KeychainProbeOptions, KeychainProbeRunner, KeychainStatus } from './keychain-probe';
export { openSecretStore } from './open-secret-store';
export type { OpenedSecretStore } from './open-secret-store';
