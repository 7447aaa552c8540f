// Which URLs may go to the OS browser. One rule for the whole app: the command handler's
// `checkExternalUrl` (https on Make's hosts and the user's zone hosts; http only for a loopback zone the
// user has, i.e. the demo simulator). The shell asks here before every `shell.openExternal`.
import { checkExternalUrl } from '../commands/external-url';

export function isAllowedExternalUrl(url: string, allowedHosts: readonly string[]): boolean {
  if (typeof url !== 'string' || url.length > 4096) return false;
  return checkExternalUrl(url, allowedHosts).ok;
}
