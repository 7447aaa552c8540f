// Wraps a window's view with its services, i18n, and applies language and theme preferences.
import { useEffect, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { ServicesProvider, useSettings, type AppServices } from './app-context';
import { resolveLang, systemLanguages } from './i18n';

function Preferences({ i18n }: { i18n: I18n }) {
  const settings = useSettings();
  const loaded = settings !== null;
  const langPref = settings?.language ?? 'system';
  const theme = settings?.theme ?? 'system';
  useEffect(() => {
    // Until settings arrive, the language chosen at boot (the OS's) stays.
    if (!loaded) return;
    const apply = () => {
      const lang = resolveLang(langPref, systemLanguages());
      if (i18n.language !== lang) void i18n.changeLanguage(lang);
      document.documentElement.lang = lang;
    };
    apply();
    window.addEventListener('languagechange', apply);
    return () => window.removeEventListener('languagechange', apply);
  }, [i18n, langPref, loaded]);
  useEffect(() => {
    const el = document.documentElement;
    if (theme === 'system') delete el.dataset.theme;
    else el.dataset.theme = theme;
  }, [theme]);
  return null;
}

export function AppRoot({ services, i18n, children }: { services: AppServices; i18n: I18n; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <ServicesProvider services={services}>
        <Preferences i18n={i18n} />
        {children}
      </ServicesProvider>
    </I18nextProvider>
  );
}
