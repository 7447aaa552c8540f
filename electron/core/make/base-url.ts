// Validates the base URL a client talks to: HTTPS always, plain HTTP only on loopback (simulator/tests).
import { MakeApiError } from './errors';

export interface ParsedBaseUrl {
  /** `https://eu1.make.com` */
  origin: string;
  /** Host with port when not default, e.g. `eu1.make.com` or `127.0.0.1:8787` (the domain's ZoneHost). */
  zone: string;
  /** Path prefix without trailing slash, e.g. `/api/v2`. */
  basePath: string;
}

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  if (/^::ffff:127\./.test(h)) return true;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return m !== null && m[1] === '127' && m.slice(1).every((o) => Number(o) <= 255);
}

const CONFIG = '(client configuration)';

/** `https://eu1.make.com/api/v2` for a zone host such as `eu1.make.com`. */
export const baseUrlForZone = (zone: string): string => `https://${zone}/api/v2`;

export function parseBaseUrl(baseUrl: string): ParsedBaseUrl {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new MakeApiError({ kind: 'insecure', endpoint: CONFIG, message: 'The Make base URL is not a valid URL.' });
  }
  if (url.username || url.password) {
    throw new MakeApiError({ kind: 'insecure', endpoint: CONFIG, message: 'The Make base URL must not contain a user name or password.' });
  }
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      throw new MakeApiError({
        kind: 'insecure',
        endpoint: CONFIG,
        message: `Refusing to send credentials over plain HTTP to ${url.host}; use https:// (plain HTTP is allowed only for loopback hosts).`,
      });
    }
  } else if (url.protocol !== 'https:') {
    throw new MakeApiError({ kind: 'insecure', endpoint: CONFIG, message: `Unsupported protocol ${url.protocol} in the Make base URL; use https://.` });
  }
  if (url.search || url.hash) {
    throw new MakeApiError({ kind: 'insecure', endpoint: CONFIG, message: 'The Make base URL must not contain a query or fragment.' });
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { origin: url.origin, zone: url.host, basePath: path === '' ? '/api/v2' : path };
}
