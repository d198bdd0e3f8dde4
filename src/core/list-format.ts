/**
 * "A, B and C" in a language, the same in every engine and on the server. `Intl.ListFormat`
 * gives it, except where an engine lacks the language's list patterns: Chromium's trimmed ICU data
 * has none for Irish or Maltese and falls back to English ("Google and Meta"), while Node,
 * Firefox and Safari say "Google agus Meta". A server-rendered banner would then differ from the
 * element's own and be replaced, not adopted. For those languages the patterns are written out
 * here as CLDR gives them (test/core/list-format.test.ts checks them against Node's ICU).
 */

/**
 * The separators of languages some engine lacks patterns for: between two items, and before the
 * last of three or more (the others are joined by ", ").
 */
const WRITTEN_OUT = new Map([
  ['ga', [' agus ', ' agus ']],
  ['mt', [' u ', ', u ']],
]);

/** `items` joined as a conjunction list ("A, B and C") in `language`. */
export function conjunctionList(language: string, items: readonly string[]): string {
  const separators = WRITTEN_OUT.get(language.split('-')[0]!.toLowerCase());
  if (!separators) return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
  return items.length > 2 ? items.slice(0, -1).join(', ') + separators[1] + items.at(-1) : items.join(separators[0]);
}
