// "Open Make Tray" from the popover. Electron opens (or focuses) its main window; the browser dashboard
// has no separate window to open (main answers `refused`), so the page itself goes to the main view,
// keeping the launch secret in the address and asking for the scenario the user clicked.
import type { ScenarioKey } from '../../shared/domain';
import type { Api } from './bridge/api';
import { toContractError } from './bridge/api';
import { errorPlace, type UiStore } from './store/ui-store';

/** The main page's address for a page at `location` (same folder, same fragment + the scenario). */
export function mainPageUrl(location: { href: string; hash: string }, key?: ScenarioKey): string {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (key) params.set('scenario', key);
  else params.delete('scenario');
  const url = new URL('index.html', location.href);
  url.hash = params.toString();
  return url.toString();
}

export async function openMainWindow(api: Api, ui: UiStore, key: ScenarioKey | undefined, navigate: (url: string) => void): Promise<void> {
  const place = errorPlace('app', 'openMain');
  ui.getState().setError(place, null);
  try {
    await api.openMain(key);
  } catch (e) {
    const err = toContractError(e);
    if (err.code === 'refused') navigate(mainPageUrl(window.location, key));
    else ui.getState().setError(place, err);
  }
}
