import { describe, expect, it } from 'vitest';
import { MAKE_ZONES, resolveZoneInput } from '../../../electron/core/accounts';

describe('resolveZoneInput', () => {
  it.each([
    ['eu1', 'https://eu1.make.com/api/v2', 'eu1.make.com'],
    ['US2', 'https://us2.make.com/api/v2', 'us2.make.com'],
    ['eu2.make.com', 'https://eu2.make.com/api/v2', 'eu2.make.com'],
    ['eu1.make.celonis.com', 'https://eu1.make.celonis.com/api/v2', 'eu1.make.celonis.com'],
    ['https://make.example.org/', 'https://make.example.org/api/v2', 'make.example.org'],
    ['https://make.example.org:8443/api/v2/', 'https://make.example.org:8443/api/v2', 'make.example.org:8443'],
    ['http://127.0.0.1:43210/api/v2', 'http://127.0.0.1:43210/api/v2', '127.0.0.1:43210'],
    ['http://localhost:9000', 'http://localhost:9000/api/v2', 'localhost:9000'],
    // A bare loopback zone host (what the app shows for the simulator) means plain HTTP.
    ['127.0.0.1:8787', 'http://127.0.0.1:8787/api/v2', '127.0.0.1:8787'],
  ])('%s → %s', (input, baseUrl, zone) => {
    expect(resolveZoneInput(input)).toMatchObject({ ok: true, baseUrl, zone });
  });

  it('every listed public zone is known', () => {
    for (const z of MAKE_ZONES) expect(resolveZoneInput(z.host)).toMatchObject({ ok: true, known: true });
    expect(resolveZoneInput('make.example.org')).toMatchObject({ ok: true, known: false });
  });

  it('refuses plain HTTP to anything but loopback', () => {
    const r = resolveZoneInput('http://make.example.org/api/v2');
    expect(r).toMatchObject({ ok: false, problem: 'not-https' });
    expect(r.ok ? '' : r.message).toMatch(/HTTPS/);
    expect(resolveZoneInput('ftp://make.example.org')).toMatchObject({ ok: false, problem: 'not-https' });
  });

  it.each(['', '   ', 'eu 1', 'https://user:pw@eu1.make.com', 'https://eu1.make.com/api/v2?x=1', 'intranet', 'https://'])('rejects %j', (input) => {
    expect(resolveZoneInput(input).ok).toBe(false);
  });
});
