/**
 * "A, B and C" in a language, the same in every engine and on the server. `Intl.ListFormat`
 * gives it, except where an engine lacks the language's list patterns: Chromium's trimmed ICU data
 * has none for Irish or Maltese and falls back to English ("Google and Meta"), while Node,
 * Firefox and Safari say "Google agus Meta". A server-rendered banner would then differ from the
 * element's own and be replaced, not adopted. For those languages the patterns are written out
 * here as CLDR gives them (test/core/list-format.test.ts checks them against Node's ICU).
 */

/** The conjunction patterns of languages some engine lacks: the word before the last item, and whether a comma comes before it too. */
const WRITTEN_OUT: Readonly<Record<string, { readonly word: string; readonly serialComma: boolean }>> = {
  ga: { word: 'agus', serialComma: false },
  mt: { word: 'u', serialComma: true },
};

/** `items` joined as a conjunction list ("A, B and C") in `language`. */
export function conjunctionList(language: string, items: readonly string[]): string {
  const base = language.split('-')[0]!.toLowerCase();
  const pattern = Object.hasOwn(WRITTEN_OUT, base) ? WRITTEN_OUT[base] : undefined;
  if (!pattern) return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} ${pattern.word} ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}${pattern.serialComma ? ',' : ''} ${pattern.word} ${items.at(-1)}`;
}
