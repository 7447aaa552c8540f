import { describe, expect, test } from 'vitest';
import {
  classifyFailure,
  initialZoneHealth,
  worstConnectivity,
  zoneFailed,
  zoneSucceeded,
} from '../../../electron/core/poller/connectivity';

describe('classifyFailure', () => {
  test.each([
    [{ kind: 'network' }, 'offline'],
    [{ kind: 'timeout' }, 'degraded'],
    [{ kind: 'invalid-response' }, 'degraded'],
    [{ kind: 'http', status: 503 }, 'degraded'],
    [{ kind: 'http', status: 500 }, 'degraded'],
    [{ kind: 'http', status: 429 }, 'rate-limited'],
    [{ kind: 'http', status: 401 }, 'auth'],
    [{ kind: 'http', status: 403, code: 'IM102' }, 'auth'],
    [{ kind: 'http', status: 403, code: 'SC403' }, 'forbidden'],
    [{ kind: 'http', status: 404 }, 'not-found'],
    [{ kind: 'http', status: 400 }, 'other'],
    [new Error('boom'), 'other'],
    [null, 'other'],
  ])('%j → %s', (err, cls) => expect(classifyFailure(err)).toBe(cls));
});

describe('zone health', () => {
  test('fails to offline with a plain message, keeps lastOkAt, recovers on the first success', () => {
    let h = zoneSucceeded(initialZoneHealth(), 100);
    h = zoneFailed(h, 'offline', 'eu1.make.com');
    expect(h.connectivity).toMatchObject({ state: 'offline', lastOkAt: 100 });
    expect(h.connectivity.message).toContain('eu1.make.com');
    h = zoneFailed(h, 'degraded', 'eu1.make.com');
    expect(h).toMatchObject({ failures: 2, connectivity: { state: 'degraded' } });
    h = zoneSucceeded(h, 200);
    expect(h).toEqual({ connectivity: { state: 'online', lastOkAt: 200, message: null }, failures: 0 });
  });

  test('entity and auth failures leave connectivity alone', () => {
    const h = zoneSucceeded(initialZoneHealth(), 1);
    for (const c of ['not-found', 'auth', 'rate-limited', 'forbidden', 'other'] as const) expect(zoneFailed(h, c, 'z')).toBe(h);
  });

  test('worst of zones', () => {
    expect(worstConnectivity([]).state).toBe('unknown');
    const w = worstConnectivity([
      { state: 'online', lastOkAt: 5, message: null },
      { state: 'offline', lastOkAt: 3, message: 'x' },
      { state: 'degraded', lastOkAt: 4, message: 'y' },
    ]);
    expect(w).toEqual({ state: 'offline', lastOkAt: 3, message: 'x' });
  });
});
