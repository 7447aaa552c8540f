// The real OS keychain. These run inside scripts/with-keyring.sh (a private D-Bus session with a
// throwaway gnome-keyring, which sets MAKE_TRAY_TEST_KEYRING=1) and there they must pass; run bare,
// they skip with the reason printed, so nobody's own keychain is written to by accident.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { forkProbeRunner, KeychainSecretStore, openSecretStore, probeKeychain } from '../../../electron/core/secrets';

const inKeyringSession = process.env.MAKE_TRAY_TEST_KEYRING === '1';
if (!inKeyringSession) {
  console.warn('[secrets] keychain tests skipped: not inside scripts/with-keyring.sh (MAKE_TRAY_TEST_KEYRING is not set)');
}

const SERVICE = 'make-tray-test';

describe.skipIf(!inKeyringSession)('KeychainSecretStore on a real Secret Service', () => {
  const store = new KeychainSecretStore({ service: SERVICE });
  const used: string[] = [];
  const account = () => {
    const name = `test-${randomUUID()}`;
    used.push(name);
    return name;
  };

  afterEach(async () => {
    for (const name of used.splice(0)) await store.delete(name);
  });

  it('the probe finds the keychain', async () => {
    const status = await probeKeychain({ service: SERVICE });
    expect(status).toEqual({ available: true });
    expect(await store.isAvailable()).toBe(true);
  });

  it('the probe finds the keychain through the fork runner (what the Electron shell uses)', async () => {
    expect(await probeKeychain({ service: SERVICE, runner: forkProbeRunner({ fork }) })).toEqual({ available: true });
  });

  it('sets, gets and deletes a secret', async () => {
    const name = account();
    const secret = `tok-${randomUUID()}`;
    expect(await store.get(name)).toBeNull();
    await store.set(name, secret);
    expect(await store.get(name)).toBe(secret);
    expect(await store.list()).toContain(name);
    expect(await store.delete(name)).toBe(true);
    expect(await store.get(name)).toBeNull();
    expect(await store.delete(name)).toBe(false);
    expect(await store.list()).not.toContain(name);
  });

  it('overwrites in place and keeps accounts apart', async () => {
    const a = account();
    const b = account();
    await store.set(a, 'first');
    await store.set(b, 'other');
    await store.set(a, '{"kind":"oauth","refreshToken":"r2 ü ✓"}');
    expect(await store.get(a)).toBe('{"kind":"oauth","refreshToken":"r2 ü ✓"}');
    expect(await store.get(b)).toBe('other');
    expect((await store.list()).filter((n) => n === a)).toHaveLength(1);
  });

  it('openSecretStore picks the keychain', async () => {
    const opened = await openSecretStore({ service: SERVICE });
    expect(opened.keychain.available).toBe(true);
    expect(opened.store.kind).toBe('keychain');
    const name = account();
    await opened.store.set(name, 'x');
    expect(await new KeychainSecretStore({ service: SERVICE }).get(name)).toBe('x');
  });
});
