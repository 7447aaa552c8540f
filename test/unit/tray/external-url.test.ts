import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../electron/core/tray';
import { zoneOrigin } from '../../../electron/core/tray/make-links';

const ZONES = ['eu1.make.com', 'make.example-agency.com', '127.0.0.1:8787'];

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://eu1.make.com/10/scenarios/42/edit',
    'https://us2.make.com/10/scenarios/42/logs/0123456789abcdef',
    'https://make.com/en/help',
    'https://www.make.com/',
    'https://eu1.make.celonis.com/1/scenarios/2/edit',
    'https://EU1.MAKE.COM/10/scenarios/42/edit',
    'https://eu1.make.com:443/x',
    'https://make.example-agency.com/1/scenarios/2/edit',
    'http://127.0.0.1:8787/3/scenarios/7/edit',
    'https://us1.make.celonis.com/1/scenarios/2/edit',
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url, ZONES)).toBe(true);
  });

  it.each([
    ['a look-alike host', 'https://make.com.evil.com/'],
    ['a host ending in make.com without a dot', 'https://evilmake.com/'],
    ['credentials that hide the host', 'https://make.com@evil.com/'],
    ['a user name on a Make host', 'https://user@eu1.make.com/'],
    ['a user and password', 'https://user:pw@eu1.make.com/'],
    ['a backslash trick', 'https://evil.com\\@eu1.make.com/'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: with a Make-looking tail', 'javascript://eu1.make.com/%0aalert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['file:', 'file:///etc/passwd'],
    ['plain http on Make', 'http://eu1.make.com/'],
    ['plain http on a non-loopback zone', 'http://make.example-agency.com/'],
    ['plain http on loopback that is not a zone', 'http://127.0.0.1:9999/'],
    ['a Cyrillic look-alike (IDN)', 'https://mаke.com/'],
    ['a punycode look-alike', 'https://xn--mke-8cd.com/'],
    ['a trailing-dot host', 'https://make.com./'],
    ['another scheme on a Make host', 'ftp://eu1.make.com/'],
    ['a custom app scheme', 'app://make-tray/index.html'],
    ['a relative path', '/scenarios/1'],
    ['garbage', 'not a url'],
    ['an empty string', ''],
    ['a zone host on another port', 'https://make.example-agency.com:8443/'],
    ['a very long URL', `https://eu1.make.com/${'a'.repeat(5000)}`],
    ['celonis.com outside the Make zones', 'https://www.celonis.com/'],
    ['a celonis.com subdomain that is not a Make zone', 'https://evil.celonis.com/'],
    ['make.celonis.com itself (no zone)', 'https://make.celonis.com/'],
    ['a look-alike under make.celonis.com', 'https://eu1.evil.make.celonis.com/'],
    ['integromat.com', 'https://www.integromat.com/'],
  ])('refuses %s', (_what, url) => {
    expect(isAllowedExternalUrl(url, ZONES)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isAllowedExternalUrl(undefined as unknown as string, ZONES)).toBe(false);
    expect(isAllowedExternalUrl({ toString: () => 'https://make.com/' } as unknown as string, ZONES)).toBe(false);
  });

  it('allows a zone host only while the user has it', () => {
    expect(isAllowedExternalUrl('https://make.example-agency.com/', [])).toBe(false);
  });
});

describe('loopback zones (one rule: isLoopbackHost)', () => {
  it.each(['http://localhost:8787/', 'http://[::1]:8787/', 'http://127.0.0.2:8787/'])('opens %s when it is a zone the user has', (url) => {
    expect(isAllowedExternalUrl(url, [new URL(url).host])).toBe(true);
    expect(isAllowedExternalUrl(url, [])).toBe(false);
  });

  it('links to a loopback zone use http, every other zone https', () => {
    expect(zoneOrigin('127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(zoneOrigin('localhost:8787')).toBe('http://localhost:8787');
    expect(zoneOrigin('[::1]:8787')).toBe('http://[::1]:8787');
    expect(zoneOrigin('127.0.0.2:8787')).toBe('http://127.0.0.2:8787');
    expect(zoneOrigin('eu1.make.com')).toBe('https://eu1.make.com');
    expect(zoneOrigin('127.0.0.1.evil.com')).toBe('https://127.0.0.1.evil.com');
  });
});
