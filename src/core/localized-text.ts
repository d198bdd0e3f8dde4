/**
 * Choosing, from a text the site gave once or per language, the wording for one visitor. Keys
 * are lowercase language tags (the config reader lowercases them).
 */

import type { LocalizedText } from './config.js';

/**
 * `text` as an HTML parser leaves it in a served page's text: line breaks as "\n", no NUL, and
 * U+FFFD for a lone surrogate (a page's UTF-8 cannot carry one). The element builds its nodes
 * from the same text, so a server-rendered banner with a site text edited on Windows ("\r\n") is
 * still the banner the element would build, and is adopted rather than replaced.
 */
export function asParsedText(text: string): string {
  const parsed = text.replace(/\r\n?/g, '\n').replaceAll('\0', '');
  // Where the engine has no toWellFormed (before 2023), a lone surrogate stays: the banner is then replaced rather than adopted.
  return (parsed as { toWellFormed?: () => string }).toWellFormed?.() ?? parsed;
}

/**
 * The text for `language`: the text itself when it was given once for every language, else the
 * entry for the exact tag (`pt-br`), else for its primary language (`pt`). `undefined` when the
 * site gave none for that language, so a built-in translation can take over.
 */
export function textFor(text: LocalizedText | undefined, language: string): string | undefined {
  if (typeof text !== 'object') return text === undefined ? undefined : asParsedText(text);
  const tag = language.toLowerCase();
  const found = text[tag] ?? text[tag.split('-')[0]!];
  return found === undefined ? undefined : asParsedText(found);
}

/**
 * Like `textFor`, but never gives up while the site gave anything: then the site's default
 * language, English, and finally the first language listed.
 */
export function anyTextFor(text: LocalizedText | undefined, language: string, defaultLanguage: string): string | undefined {
  const first = text && Object.values(text)[0];
  return textFor(text, language) ?? textFor(text, defaultLanguage) ?? textFor(text, 'en') ?? (first === undefined ? undefined : asParsedText(first));
}
