// Which URLs main may hand to the OS browser: https on Make's own hosts and on the zones the user has
// accounts for. Plain http only for a loopback zone the user has an account for (the demo simulator).
import type { EngineState } from '../../../shared/domain';
import { isLoopbackHost } from '../make/base-url';

/**
 * Make's own hosts: `make.com` and its subdomains (www, the zones, help), and the Make zones Celonis
 * runs (`eu1.make.celonis.com`, `us1.make.celonis.com`, …) — not the rest of celonis.com.
 */
const isMakeHost = (host: string): boolean => host === 'make.com' || host.endsWith('.make.com') || /^[a-z]{2}\d+\.make\.celonis\.com$/.test(host);

/** Zone hosts (`host[:port]`) of the accounts in the state. */
export const accountHosts = (state: EngineState): string[] =>
  Object.values(state.accounts).flatMap((a) => {
    try {
      return [new URL(a.baseUrl).host];
    } catch {
      return [];
    }
  });

export function checkExternalUrl(raw: string, allowedHosts: readonly string[]): { ok: true; url: string } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'That is not a web address.' };
  }
  if (url.username || url.password) return { ok: false, reason: 'Addresses with a user name or password are not opened.' };
  const host = url.hostname.toLowerCase();
  const onMake = isMakeHost(host);
  const onZone = allowedHosts.includes(url.host.toLowerCase());
  if (url.protocol === 'https:' && (onMake || onZone)) return { ok: true, url: url.href };
  if (url.protocol === 'http:' && onZone && isLoopbackHost(host)) return { ok: true, url: url.href };
  return { ok: false, reason: 'Make Tray only opens pages on Make.' };
}
