import { describe, expect, it } from 'vitest';
import { accountIdFor, isOrgMonitored, toAccountState, type AccountRecord } from '../../../electron/core/accounts';
import { decodeAccountsFile, encodeAccountsFile } from '../../../electron/core/accounts/account-record';
import { decodeSecret, encodeSecret } from '../../../electron/core/accounts/stored-secret';

const record: AccountRecord = {
  id: accountIdFor('token', '127.0.0.1:8080', 7),
  kind: 'token',
  baseUrl: 'http://127.0.0.1:8080/api/v2',
  zone: '127.0.0.1:8080',
  userId: 7,
  userName: 'Ann',
  email: 'ann@example.com',
  scopes: ['scenarios:read'],
  demo: false,
  createdAt: 1,
  status: 'ok',
  statusMessage: null,
  oauth: null,
  monitoredOrgs: { '5': false },
};

describe('account records', () => {
  it('ids are file-name safe and stable', () => {
    expect(record.id).toBe('token-127.0.0.1_8080-u7');
    expect(accountIdFor('oauth', 'eu1.make.com', 12)).toBe('oauth-eu1.make.com-u12');
  });

  it('round-trips through the accounts file and rejects a damaged one', () => {
    expect(decodeAccountsFile(encodeAccountsFile([record]))).toEqual([record]);
    expect(decodeAccountsFile('{"version":1,"accounts":[{"id":1}]}')).toBeNull();
    expect(decodeAccountsFile('{not json')).toBeNull();
    expect(decodeAccountsFile('{"version":2,"accounts":[]}')).toBeNull();
  });

  it('organizations are monitored unless switched off', () => {
    expect(isOrgMonitored(record, 5)).toBe(false);
    expect(isOrgMonitored(record, 6)).toBe(true);
  });

  it('the engine view carries no secret fields', () => {
    expect(Object.keys(toAccountState(record)).sort()).toEqual(
      ['baseUrl', 'demo', 'email', 'id', 'kind', 'scopes', 'status', 'statusMessage', 'userName', 'zone'].sort(),
    );
  });

  it('stored secrets round-trip and unreadable ones decode to null', () => {
    const s = { v: 1 as const, kind: 'oauth' as const, accessToken: 'a', refreshToken: null, expiresAt: 5 };
    expect(decodeSecret(encodeSecret(s))).toEqual(s);
    expect(decodeSecret(null)).toBeNull();
    expect(decodeSecret('plain-token')).toBeNull();
    expect(decodeSecret('{"v":1,"kind":"token","token":""}')).toBeNull();
  });
});
