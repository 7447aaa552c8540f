// Which URLs main may hand to the OS browser: https on Make's own hosts and on the zones the user has
// accounts for. Plain http only for a loopback zone the user has an account for (the demo simulator).
import type { EngineState } from '../../../shared/domain';

const MAKE_DOMAINS = ['make.com', 'make.celonis.com', 'celonis.com', 'integromat.com'];

const isLoopback = (hostname: string) => hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';

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
  const onMake = MAKE_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
  const onZone = allowedHosts.includes(url.host.toLowerCase());
  if (url.protocol === 'https:' && (onMake || onZone)) return { ok: true, url: url.href };
  if (url.protocol === 'http:' && onZone && isLoopback(host)) return { ok: true, url: url.href };
  return { ok: false, reason: 'Make Tray only opens pages on Make.' };
}
