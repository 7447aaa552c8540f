// The page's launch secret: read from the fragment only, and removed from the address once read.
import { expect, it } from 'vitest';
import { addressWithoutSecret, dashboardSocketUrl } from '../../../shared/ws-bridge-client';

const page = (hash: string, search = '') => ({ protocol: 'http:', host: '127.0.0.1:4000', pathname: '/', search, hash });

it('reads the secret from the fragment, never from the query', () => {
  expect(dashboardSocketUrl(page('#k=abc'))).toBe('ws://127.0.0.1:4000/ws?k=abc');
  expect(dashboardSocketUrl(page('#view=settings&k=a%2Fb'))).toBe('ws://127.0.0.1:4000/ws?k=a%2Fb');
  expect(dashboardSocketUrl(page('', '?k=abc'))).toBeNull();
  expect(dashboardSocketUrl(page('#scenario=x'))).toBeNull();
});

it('removes only the secret from the address', () => {
  expect(addressWithoutSecret(page('#k=abc'))).toBe('/');
  expect(addressWithoutSecret(page('#k=abc&scenario=127.0.0.1%3A9%2Fs7&view=settings', '?x=1'))).toBe('/?x=1#scenario=127.0.0.1%3A9%2Fs7&view=settings');
  expect(addressWithoutSecret(page('#scenario=s1'))).toBeNull();
});
