// Where credentials live. The engine and the account registry only see this interface; the OS
// keychain and the session-only memory store implement it. There is deliberately no file-backed
// implementation: secrets never touch the disk in plain text.

/** The keychain "service" every entry of the app is filed under. */
export const SECRET_SERVICE_NAME = 'make-tray';

export type SecretStoreKind = 'keychain' | 'session';

export interface SecretStore {
  readonly kind: SecretStoreKind;
  /** The secret saved for `account`, or null when there is none. */
  get(account: string): Promise<string | null>;
  /** Saves `secret` for `account`, replacing any previous one. */
  set(account: string, secret: string): Promise<void>;
  /** Removes the secret; true if there was one. */
  delete(account: string): Promise<boolean>;
  /** Names of the accounts that have a secret (never the secrets). */
  list?(): Promise<string[]>;
  /** Whether the store can be used right now. */
  isAvailable(): Promise<boolean>;
}

export type KeychainProblem =
  /** No Secret Service / keychain daemon reachable (Linux without gnome-keyring/KWallet, no D-Bus). */
  | 'no-keychain'
  /** The keychain is there but locked, and no unlock prompt could be answered. */
  | 'locked'
  /** The keychain did not answer in time (e.g. waiting on an unlock prompt nobody sees). */
  | 'timeout'
  /** Any other failure of the platform keychain. */
  | 'failed';

const PROBLEM_TEXT: Record<KeychainProblem, string> = {
  'no-keychain': 'No system keychain is available (on Linux: no Secret Service such as GNOME Keyring or KWallet is running).',
  locked: 'The system keychain is locked and could not be unlocked.',
  timeout: 'The system keychain did not answer in time (it may be waiting to be unlocked).',
  failed: 'The system keychain reported an error.',
};

/**
 * The keychain cannot be used. `message` is plain words for the user; `detail` is the platform's own
 * text for logs (it never contains a secret: secrets are never passed into error paths).
 */
export class KeychainUnavailableError extends Error {
  override readonly name = 'KeychainUnavailableError';
  readonly problem: KeychainProblem;
  readonly detail: string | null;

  constructor(problem: KeychainProblem, detail: string | null = null) {
    super(PROBLEM_TEXT[problem]);
    this.problem = problem;
    this.detail = detail;
  }
}

/** Maps a platform error text to the problem it most likely means. */
export function classifyKeychainError(detail: string): KeychainProblem {
  const text = detail.toLowerCase();
  if (/locked|unlock|prompt|dismissed|cancel/.test(text)) return 'locked';
  if (/dbus|d-bus|secret service|org\.freedesktop\.secrets|no such file|connect|autolaunch|not available|no storage|platform failure/.test(text)) {
    return 'no-keychain';
  }
  return 'failed';
}
