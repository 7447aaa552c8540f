// Renders a window over a MemoryBridge with real stores, real i18n and the real API facade.
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createApi } from '../../../renderer/src/bridge/api';
import type { AppServices } from '../../../renderer/src/app-context';
import { AppRoot } from '../../../renderer/src/app-root';
import { createI18n, type Lang } from '../../../renderer/src/i18n';
import { connectEngineStore, createEngineStore } from '../../../renderer/src/store/engine-store';
import { createUiStore } from '../../../renderer/src/store/ui-store';
import { connectToasts } from '../../../renderer/src/store/toasts';
import { connectSettingsStore, createSettingsStore } from '../../../renderer/src/settings-store';
import type { MemoryBridge } from './memory-bridge';
import { NOW } from './world';

export function renderWith(ui: ReactElement, bridge: MemoryBridge, lang: Lang = 'en'): RenderResult & { services: AppServices } {
  const api = createApi(bridge);
  const services: AppServices = {
    api,
    engine: createEngineStore(),
    ui: createUiStore(),
    settings: createSettingsStore(),
    now: () => NOW,
  };
  connectEngineStore(services.engine, bridge, api);
  connectSettingsStore(services.settings, bridge, api);
  connectToasts(services.ui, bridge);
  const i18n = createI18n(lang);
  const result = render(
    <AppRoot services={services} i18n={i18n}>
      {ui}
    </AppRoot>,
  );
  return { ...result, services };
}
