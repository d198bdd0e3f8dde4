/**
 * Choosing, from a text the site gave once or per language, the wording for one visitor. Keys
 * are lowercase language tags (the config reader lowercases them).
 */

import type { LocalizedText } from './config.js';

/**
 * The text for `language`: the text itself when it was given once for every language, else the
 * entry for the exact tag (`pt-br`), else for its primary language (`pt`). `undefined` when the
 * site gave none for that language, so a built-in translation can take over.
 */
export function textFor(text: LocalizedText | undefined, language: string): string | undefined {
  if (typeof text !== 'object') return text;
  const tag = language.toLowerCase();
  return text[tag] ?? text[tag.split('-')[0]!];
}

/**
 * Like `textFor`, but never gives up while the site gave anything: then the site's default
 * language, English, and finally the first language listed.
 */
export function anyTextFor(text: LocalizedText | undefined, language: string, defaultLanguage: string): string | undefined {
  return textFor(text, language) ?? textFor(text, defaultLanguage) ?? textFor(text, 'en') ?? (text && Object.values(text)[0]);
}
