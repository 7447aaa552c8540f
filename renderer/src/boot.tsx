// Starts a window: picks the bridge (Electron preload or the dashboard's WebSocket), creates the
// stores, connects them, and renders the view.
import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { BRIDGE_GLOBAL } from '../../shared/bridge';
import { addressWithoutSecret, createWsBridge, dashboardSocketUrl } from '../../shared/ws-bridge-client';
import type { MakeTrayBridge } from './bridge/contract-types';
import { createApi } from './bridge/api';
import type { AppServices } from './app-context';
import { AppRoot } from './app-root';
import { createI18n, resolveLang, systemLanguages } from './i18n';
import { warmFormatters } from './i18n/format';
import { warmCollator } from './model/scenario-query';
import { connectEngineStore, createEngineStore } from './store/engine-store';
import { createUiStore } from './store/ui-store';
import { connectToasts } from './store/toasts';
import { connectSettingsStore, createSettingsStore } from './settings-store';
import { useTranslation } from 'react-i18next';
import './styles.css';

const SOCKET_URL_KEY = 'make-tray.dashboard-socket';

export function pickBridge(): MakeTrayBridge | null {
  const fromPreload = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  if (fromPreload && typeof fromPreload === 'object') return fromPreload as MakeTrayBridge;
  // The launch secret comes in the address fragment once; it then lives only in this tab's session
  // storage (so going from the popover to the main page keeps the connection) and leaves the address
  // bar and the history right away.
  const fromAddress = dashboardSocketUrl(window.location);
  if (fromAddress) window.sessionStorage.setItem(SOCKET_URL_KEY, fromAddress);
  const url = fromAddress ?? window.sessionStorage.getItem(SOCKET_URL_KEY);
  if (!url) return null;
  const clean = addressWithoutSecret(window.location);
  if (clean !== null) window.history.replaceState(window.history.state, '', clean);
  return createWsBridge({ url });
}

export function createServices(bridge: MakeTrayBridge): { services: AppServices; disconnect: () => void } {
  const api = createApi(bridge);
  const services: AppServices = {
    api,
    engine: createEngineStore(),
    ui: createUiStore(),
    settings: createSettingsStore(),
    now: () => Date.now(),
  };
  const offs = [
    connectEngineStore(services.engine, bridge, api),
    connectSettingsStore(services.settings, bridge, api),
    connectToasts(services.ui, bridge),
  ];
  return { services, disconnect: () => offs.forEach((off) => off()) };
}

function NoBridge() {
  const { t } = useTranslation();
  return (
    <main className="no-bridge">
      <h1>{t('app.title')}</h1>
      <p role="alert">{t('app.noBridge')}</p>
    </main>
  );
}

/** Scenario key asked for in the address (`#…&scenario=` or `?scenario=`), e.g. from `window.openMain`. */
export function requestedScenario(): string | null {
  const fromHash = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('scenario');
  return fromHash ?? new URLSearchParams(window.location.search).get('scenario');
}

export function boot(View: ComponentType) {
  const el = document.getElementById('root');
  if (!el) return;
  const i18n = createI18n(resolveLang(null, systemLanguages()));
  const bridge = pickBridge();
  const root = createRoot(el);
  if (!bridge) {
    root.render(
      <AppRoot services={createServices(nullBridge).services} i18n={i18n}>
        <NoBridge />
      </AppRoot>,
    );
    return;
  }
  const { services } = createServices(bridge);
  const wanted = requestedScenario();
  if (wanted) services.ui.getState().select(wanted);
  whenIdle(() => {
    // While the state is on its way: the first render of the list then finds these ready (date
    // formats, collation, and the plural rules behind the counts).
    warmFormatters(i18n.language);
    warmCollator();
    i18n.t('list.count', { count: 2 });
  });
  void linkOpen(bridge, FIRST_RENDER_WAIT_MS).then(() =>
    root.render(
      <StrictMode>
        <AppRoot services={services} i18n={i18n}>
          <View />
        </AppRoot>
      </StrictMode>,
    ),
  );
}

function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 1000 });
  else setTimeout(fn, 0);
}

/** How long the first render waits for the dashboard's socket to open. */
const FIRST_RENDER_WAIT_MS = 100;

/**
 * Resolves when the bridge's link is open (at once for Electron IPC), or after `maxMs`. The window's
 * first render takes the main thread for a while; started after the socket's open event, the state
 * request is already on its way and main prepares and sends the snapshot while the page renders.
 */
function linkOpen(bridge: MakeTrayBridge, maxMs: number): Promise<void> {
  const state = (bridge as { connectionState?: string }).connectionState;
  if (!bridge.onConnectionChange || state === undefined || state === 'open') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      off();
      resolve();
    };
    const timer = setTimeout(done, maxMs);
    const off =
      bridge.onConnectionChange?.((s) => {
        if (s === 'open') done();
      }) ?? (() => undefined);
  });
}

/** A bridge that is never connected (only for the "no bridge" page). */
const nullBridge: MakeTrayBridge = {
  invoke: () => Promise.reject({ code: 'offline', message: 'No connection to Make Tray.' }),
  on: () => () => undefined,
};
