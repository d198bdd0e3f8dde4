/**
 * The one module that configures @lit/localize, loaded only when a visitor needs a language
 * other than English. Each language's texts are a module of their own, fetched when chosen.
 *
 * @lit/localize can be configured once per page. The script-tag bundle (`dist/`) has its own
 * copy of it, so it never meets a page's. From npm, the copy is shared with the host app: if the
 * app has configured it already, this module does not try again (that would throw) and the UI
 * shows whatever the app's locale gives, which includes our texts when the app's `loadLocale`
 * merges `loadConsentTemplates(locale)` into its own (see the README). Apps that configure
 * @lit/localize must do so before the component needs a language, as @lit/localize expects
 * anyway: at start-up.
 */

import { configureLocalization, type LocaleModule } from '@lit/localize';
import { report } from '../diagnostics/report.js';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';
import { type Language, pickLanguage } from './language.js';

type TargetLanguage = (typeof targetLocales)[number];

// One import per language, written out so that bundlers make each its own chunk.
const LOADERS: Readonly<Record<TargetLanguage, () => Promise<LocaleModule>>> = {
  ar: () => import('./generated/ar.js'),
  bg: () => import('./generated/bg.js'),
  cs: () => import('./generated/cs.js'),
  da: () => import('./generated/da.js'),
  de: () => import('./generated/de.js'),
  el: () => import('./generated/el.js'),
  es: () => import('./generated/es.js'),
  et: () => import('./generated/et.js'),
  fi: () => import('./generated/fi.js'),
  fr: () => import('./generated/fr.js'),
  ga: () => import('./generated/ga.js'),
  he: () => import('./generated/he.js'),
  hr: () => import('./generated/hr.js'),
  hu: () => import('./generated/hu.js'),
  it: () => import('./generated/it.js'),
  ja: () => import('./generated/ja.js'),
  lt: () => import('./generated/lt.js'),
  lv: () => import('./generated/lv.js'),
  mt: () => import('./generated/mt.js'),
  nl: () => import('./generated/nl.js'),
  pl: () => import('./generated/pl.js'),
  pt: () => import('./generated/pt.js'),
  'pt-BR': () => import('./generated/pt-BR.js'),
  ro: () => import('./generated/ro.js'),
  sk: () => import('./generated/sk.js'),
  sl: () => import('./generated/sl.js'),
  sv: () => import('./generated/sv.js'),
  tr: () => import('./generated/tr.js'),
  'zh-Hans': () => import('./generated/zh-Hans.js'),
};

/**
 * The component's translations for `locale` (`{ [message id]: text }`), for an app that
 * configures @lit/localize itself and merges them into its own locale modules.
 */
export async function loadConsentTemplates(locale: string): Promise<LocaleModule['templates']> {
  return Object.hasOwn(LOADERS, locale) ? (await LOADERS[locale as TargetLanguage]()).templates : {};
}

let localization: ReturnType<typeof configureLocalization> | null | undefined;

function configure(): ReturnType<typeof configureLocalization> | null {
  if (localization !== undefined) return localization;
  try {
    localization = configureLocalization({ sourceLocale, targetLocales, loadLocale: (locale) => LOADERS[locale as TargetLanguage]() });
  } catch {
    // The host app configured @lit/localize first: it owns the locale.
    localization = null;
    report('warn', { code: 'localize-configured-by-page' });
  }
  return localization;
}

/**
 * Picks the shipped language for `tags` (most wanted first) and makes it the one the UI speaks;
 * resolves with it once its texts are loaded.
 */
export async function useLanguage(tags: readonly string[]): Promise<Language> {
  const language = pickLanguage(tags);
  await configure()?.setLocale(language);
  return language;
}
