// i18next set up with the two bundled languages. One instance per app root (tests make their own).
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { ja } from './locales/ja';
import type { LanguagePref } from '../bridge/contract-types';

export type Lang = 'en' | 'ja';
export const LANGS: readonly Lang[] = ['en', 'ja'];

/** The language to show: the user's choice, else the OS/browser language, else English. */
export function resolveLang(pref: LanguagePref | null | undefined, navigatorLanguages: readonly string[]): Lang {
  if (pref === 'en' || pref === 'ja') return pref;
  for (const l of navigatorLanguages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'ja' || base === 'en') return base;
  }
  return 'en';
}

export function systemLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

export function createI18n(lang: Lang): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'en',
    resources: { en: { translation: en }, ja: { translation: ja } },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
