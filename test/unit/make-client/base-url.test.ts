import { describe, expect, it } from 'vitest';
import { MakeApiError, baseUrlForZone, isLoopbackHost, parseBaseUrl } from '../../../electron/core/make';

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.255.0.9', 'localhost', 'LOCALHOST', 'app.localhost', '::1', '[::1]', '::ffff:127.0.0.1'])('%s is loopback', (h) =>
    expect(isLoopbackHost(h)).toBe(true),
  );
  it.each(['128.0.0.1', '10.0.0.1', 'eu1.make.com', '127.0.0.1.evil.com', 'localhost.evil.com', '0.0.0.0', '::2', '127.0.0.256'])(
    '%s is not loopback',
    (h) => expect(isLoopbackHost(h)).toBe(false),
  );
});

describe('parseBaseUrl', () => {
  it('splits origin, zone and base path', () => {
    expect(parseBaseUrl('https://eu1.make.com/api/v2/')).toEqual({ origin: 'https://eu1.make.com', zone: 'eu1.make.com', basePath: '/api/v2' });
    expect(parseBaseUrl('https://eu2.make.com')).toMatchObject({ basePath: '/api/v2' });
    expect(parseBaseUrl('http://127.0.0.1:8787/api/v2')).toMatchObject({ zone: '127.0.0.1:8787', origin: 'http://127.0.0.1:8787' });
    expect(parseBaseUrl(baseUrlForZone('us1.make.celonis.com')).origin).toBe('https://us1.make.celonis.com');
  });

  it.each([
    ['http://eu1.make.com/api/v2', /plain HTTP/],
    ['http://10.0.0.5:8080/api/v2', /plain HTTP/],
    ['ftp://eu1.make.com', /protocol/],
    ['not a url', /not a valid URL/],
    ['https://user:pw@eu1.make.com/api/v2', /user name/],
    ['https://eu1.make.com/api/v2?x=1', /query/],
  ])('%s is refused as insecure', (url, msg) => {
    let err: unknown;
    try {
      parseBaseUrl(url);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MakeApiError);
    expect(err).toMatchObject({ kind: 'insecure', retryable: false });
    expect((err as Error).message).toMatch(msg);
  });
});
