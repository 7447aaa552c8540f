// Connecting with an API token against the simulator: each way it can go wrong gets its own typed
// result and message, and nothing is saved until the check passes.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AccountRegistry, ACCOUNTS_FILE, type ConnectResult } from '../../../electron/core/accounts';
import type { SecretStore } from '../../../electron/core/secrets';
import { startHarness, tempDir, testSecretStore, zone, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

let tmp: Awaited<ReturnType<typeof tempDir>>;
let secrets: SecretStore;
let registry: AccountRegistry;
beforeEach(async () => {
  tmp = await tempDir();
  secrets = testSecretStore();
  registry = new AccountRegistry({ files: tmp.files, secrets, pools: h.pools, clock: h.clock, checkTimeoutMs: 2_000 });
  await registry.start();
});
afterEach(async () => {
  h.sim.control.clearFaults();
  try {
    for (const name of (await secrets.list?.()) ?? []) await secrets.delete(name);
  } finally {
    await tmp.remove();
  }
});

async function nothingSaved(): Promise<void> {
  expect(registry.list()).toEqual([]);
  expect(await tmp.files.read(ACCOUNTS_FILE)).toBeNull();
  expect(await secrets.list?.()).toEqual([]);
}

function failure(r: ConnectResult): { problem: string; message: string } {
  expect(r.ok).toBe(false);
  return r as { problem: string; message: string };
}

describe('connect with an API token', () => {
  it('a valid token is checked, then saved: metadata in the file, the token only in the secret store', async () => {
    const eu1 = zone(h, 'eu1');
    const token = h.sim.tokens.eu1!;
    const r = await registry.connectToken({ zone: eu1.baseUrl, token });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.account).toMatchObject({ kind: 'token', zone: eu1.host, baseUrl: eu1.baseUrl, userId: h.sim.demoUserId, status: 'ok' });
    expect(r.missing).toEqual([]);
    expect(r.features.every((f) => f.ok)).toBe(true);

    const file = new TextDecoder().decode((await tmp.files.read(ACCOUNTS_FILE))!);
    expect(file).toContain(r.account.id);
    expect(file).not.toContain(token);
    expect(await secrets.list?.()).toEqual([`account:${r.account.id}`]);
    expect(await registry.credentialsFor(r.account.id)!.authorization()).toBe(`Token ${token}`);
  });

  it('a wrong token → wrong-token, nothing saved', async () => {
    const f = failure(await registry.connectToken({ zone: zone(h, 'eu1').baseUrl, token: '00000000-0000-4000-8000-000000000000' }));
    expect(f.problem).toBe('wrong-token');
    expect(f.message).toMatch(/did not accept this API token/);
    await nothingSaved();
  });

  it("another zone's token → the message says it may belong to another zone", async () => {
    const f = failure(await registry.connectToken({ zone: zone(h, 'eu1').baseUrl, token: h.sim.tokens.us1! }));
    expect(f.problem).toBe('wrong-token');
    expect(f.message).toMatch(/may belong to another zone/);
    await nothingSaved();
  });

  it('a revoked token is refused', async () => {
    const token = h.sim.control.createToken({ zone: 'eu1' });
    h.sim.control.revokeToken(token);
    expect(failure(await registry.connectToken({ zone: zone(h, 'eu1').baseUrl, token })).problem).toBe('wrong-token');
    await nothingSaved();
  });

  it('a host that is not HTTPS (and not loopback) is refused before any request', async () => {
    const f = failure(await registry.connectToken({ zone: 'http://make.example.com/api/v2', token: h.sim.tokens.eu1! }));
    expect(f.problem).toBe('not-https');
    expect(f.message).toMatch(/HTTPS/);
    await nothingSaved();
  });

  it('an empty or mangled token is refused without a request', async () => {
    expect(failure(await registry.connectToken({ zone: 'eu1', token: '   ' })).problem).toBe('empty-token');
    expect(failure(await registry.connectToken({ zone: 'eu1', token: 'abc\ndef' })).problem).toBe('empty-token');
    await nothingSaved();
  });

  it('connection refused → unreachable', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    await new Promise((r) => server.close(r));
    const f = failure(await registry.connectToken({ zone: `http://127.0.0.1:${port}/api/v2`, token: h.sim.tokens.eu1! }));
    expect(f.problem).toBe('unreachable');
    expect(f.message).toMatch(/refused the connection/);
    await nothingSaved();
  });

  it('a host name that does not resolve → unreachable, "could not find"', async () => {
    const f = failure(await registry.connectToken({ zone: 'https://make-tray-test.invalid/api/v2', token: h.sim.tokens.eu1! }));
    expect(f.problem).toBe('unreachable');
    expect(f.message).toMatch(/Could not (find|connect)/);
    await nothingSaved();
  });

  it('a malformed answer (simulator fault) → malformed', async () => {
    h.sim.control.setFaults({ malformedRate: 1 });
    const f = failure(await registry.connectToken({ zone: zone(h, 'eu1').baseUrl, token: h.sim.tokens.eu1! }));
    expect(f.problem).toBe('malformed');
    expect(f.message).toMatch(/not the way the Make API does/);
    await nothingSaved();
  });

  it('no answer in time (simulator latency) → timeout', async () => {
    h.sim.control.setFaults({ latencyMs: 5_000 });
    const impatient = new AccountRegistry({ files: tmp.files, secrets, pools: h.pools, clock: h.clock, checkTimeoutMs: 300 });
    const f = failure(await impatient.connectToken({ zone: zone(h, 'eu1').baseUrl, token: h.sim.tokens.eu1! }));
    expect(f.problem).toBe('timeout');
    await nothingSaved();
  });

  it('server errors → server-error', async () => {
    h.sim.control.setFaults({ errorRate: 1 });
    expect(failure(await registry.connectToken({ zone: zone(h, 'eu1').baseUrl, token: h.sim.tokens.eu1! })).problem).toBe('server-error');
    await nothingSaved();
  });

  it('scopes → features in plain words; the account is saved with what it lacks', async () => {
    const token = h.sim.control.createToken({ zone: 'eu1', scopes: ['organizations:read', 'teams:read', 'scenarios:read', 'scenarios:write'] });
    const r = await registry.connectToken({ zone: zone(h, 'eu1').baseUrl, token });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.account.scopes.sort()).toEqual(['organizations:read', 'scenarios:read', 'scenarios:write', 'teams:read']);
    expect(r.missing).toContain("can't run scenarios: add scenarios:run");
    expect(r.missing).toContain("can't show incomplete executions: add dlqs:read");
    expect(r.features.find((f) => f.feature === 'toggle-scenarios')?.ok).toBe(true);
  });

  it('a token that cannot even watch scenarios is not saved', async () => {
    const token = h.sim.control.createToken({ zone: 'eu1', scopes: ['scenarios:read', 'scenarios:run'] });
    const f = failure(await registry.connectToken({ zone: zone(h, 'eu1').baseUrl, token }));
    expect(f.problem).toBe('insufficient-scopes');
    expect(f.message).toBe("This token can't watch scenarios: add organizations:read, teams:read. Create a token that includes them.");
    await nothingSaved();
  });

  it('no message of a failed check contains the token', async () => {
    const token = h.sim.tokens.us1!;
    const results = [
      await registry.connectToken({ zone: zone(h, 'eu1').baseUrl, token }),
      await registry.connectToken({ zone: 'http://make.example.com', token }),
    ];
    for (const r of results) expect(JSON.stringify(r)).not.toContain(token);
  });
});
