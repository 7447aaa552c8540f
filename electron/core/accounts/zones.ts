// What the user typed as "zone" → the API base URL the account talks to. Pure.
// Accepted: a short public zone name (`eu1`), a zone host (`eu2.make.com`, `eu1.make.celonis.com`,
// a private instance's host), or a full URL (`https://make.example.com/api/v2`, or plain HTTP on a
// loopback address for the simulator).
import { isLoopbackHost } from '../make/base-url';

export interface KnownZone {
  /** What the picker shows. */
  label: string;
  host: string;
}

export const MAKE_ZONES: readonly KnownZone[] = [
  { label: 'EU1', host: 'eu1.make.com' },
  { label: 'EU2', host: 'eu2.make.com' },
  { label: 'US1', host: 'us1.make.com' },
  { label: 'US2', host: 'us2.make.com' },
  { label: 'EU1 (Celonis)', host: 'eu1.make.celonis.com' },
  { label: 'US1 (Celonis)', host: 'us1.make.celonis.com' },
];

const SHORT_ZONE = /^(eu|us)\d$/i;
const HOST_LIKE = /^[a-z0-9.-]+(:\d{1,5})?$/i;

export type ZoneInputProblem = 'empty' | 'invalid' | 'not-https';

export type ResolvedZone =
  | { ok: true; baseUrl: string; zone: string; known: boolean }
  | { ok: false; problem: ZoneInputProblem; message: string };

const fail = (problem: ZoneInputProblem, message: string): ResolvedZone => ({ ok: false, problem, message });

export function resolveZoneInput(input: string): ResolvedZone {
  const raw = input.trim();
  if (raw === '') return fail('empty', 'Choose a zone (for example eu1) or enter the address of your Make instance.');
  if (SHORT_ZONE.test(raw)) return resolveZoneInput(`${raw.toLowerCase()}.make.com`);

  let url: URL;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    try {
      url = new URL(raw);
    } catch {
      return fail('invalid', `"${raw}" is not a valid address.`);
    }
  } else if (HOST_LIKE.test(raw)) {
    // A bare loopback host is the local simulator (the zone hosts the app shows for it), which speaks HTTP.
    const hostname = raw.replace(/:\d+$/, '');
    url = new URL(`${isLoopbackHost(hostname) ? 'http' : 'https'}://${raw}`);
  } else {
    return fail('invalid', `"${raw}" is not a valid zone or address.`);
  }

  if (url.username || url.password || url.search || url.hash) {
    return fail('invalid', 'The address must not contain a user name, password, query or fragment.');
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return fail('not-https', `${url.host} must be reached over HTTPS: the token would otherwise travel unencrypted. Use https://${url.host}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail('not-https', `Unsupported address type ${url.protocol}; use https://.`);
  }
  if (!url.hostname.includes('.') && !isLoopbackHost(url.hostname)) {
    return fail('invalid', `"${url.hostname}" is not a full host name (for example eu1.make.com).`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  const basePath = path === '' ? '/api/v2' : path;
  return {
    ok: true,
    baseUrl: `${url.origin}${basePath}`,
    zone: url.host,
    known: MAKE_ZONES.some((z) => z.host === url.host),
  };
}
