/**
 * Which of the shipped languages a visitor gets. The first load only checks whether the most
 * wanted tag is English; for any other, this module (loaded with the localization) decides.
 */

import { allLocales, sourceLocale } from './generated/locale-codes.js';

/** A language the component ships translations for (`en` is the source language). */
export type Language = (typeof allLocales)[number];

export { allLocales as LANGUAGES, sourceLocale as SOURCE_LANGUAGE };

/**
 * The shipped language for a BCP 47 tag, or `undefined`. Regional variants fall back to their
 * language (`de-AT` → `de`, `en-GB` → `en`), except that Brazilian Portuguese has its own
 * translation and that Traditional Chinese (`zh-TW`, `zh-Hant`) is not served Simplified.
 */
export function matchLanguage(tag: string): Language | undefined {
  const subtags = tag.toLowerCase().split('-');
  // `iw` is the withdrawn code for Hebrew that some systems still send.
  const primary = subtags[0] === 'iw' ? 'he' : subtags[0];
  if (primary === 'zh') return subtags.some((subtag) => /^(hant|tw|hk|mo)$/.test(subtag)) ? undefined : 'zh-Hans';
  if (primary === 'pt' && subtags.includes('br')) return 'pt-BR';
  return allLocales.find((language) => language === primary);
}

/** The first of `tags` (most wanted first) that is shipped, else English. */
export function pickLanguage(tags: readonly (string | null | undefined)[]): Language {
  for (const tag of tags) {
    const language = tag && matchLanguage(tag);
    if (language) return language;
  }
  return sourceLocale;
}
