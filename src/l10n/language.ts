/**
 * Which of the shipped languages a visitor gets. The first load only checks whether the most
 * wanted tag is English; for any other, this module (loaded with the localization) decides.
 */

import { matchLanguageIn, pickLanguageIn } from '../core/language-match.js';
import { allLocales, sourceLocale } from './generated/locale-codes.js';

/** A language the component ships translations for (`en` is the source language). */
export type Language = (typeof allLocales)[number];

export { allLocales as LANGUAGES, sourceLocale as SOURCE_LANGUAGE };

/** The shipped language for a BCP 47 tag, or `undefined` (the rules are in `matchLanguageIn`). */
export function matchLanguage(tag: string): Language | undefined {
  return matchLanguageIn(tag, allLocales);
}

/** The first of `tags` (most wanted first) that is shipped, else English. */
export function pickLanguage(tags: readonly (string | null | undefined)[]): Language {
  return pickLanguageIn(tags, allLocales, sourceLocale);
}
