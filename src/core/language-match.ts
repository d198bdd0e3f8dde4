/**
 * Which shipped language a BCP 47 tag gets, shared by the element's localization and the
 * server-side renderer, so that both pick the same language for the same tags.
 */

/**
 * The language of `languages` for `tag`, or `undefined`. Regional variants fall back to their
 * language (`de-AT` → `de`, `en-GB` → `en`), except that Brazilian Portuguese has its own
 * translation and that Traditional Chinese (`zh-TW`, `zh-Hant`) is not served Simplified.
 */
export function matchLanguageIn<Language extends string>(tag: string, languages: readonly Language[]): Language | undefined {
  const subtags = tag.toLowerCase().split('-');
  // `iw` is the withdrawn code for Hebrew that some systems still send.
  const primary = subtags[0] === 'iw' ? 'he' : subtags[0];
  const shipped = (language: string): Language | undefined => languages.find((candidate) => candidate === language);
  if (primary === 'zh') return subtags.some((subtag) => /^(hant|tw|hk|mo)$/.test(subtag)) ? undefined : shipped('zh-Hans');
  if (primary === 'pt' && subtags.includes('br')) return shipped('pt-BR');
  return shipped(primary!);
}

/** The first of `tags` (most wanted first) that gets one of `languages`, else `fallback`. */
export function pickLanguageIn<Language extends string>(tags: readonly (string | null | undefined)[], languages: readonly Language[], fallback: Language): Language {
  for (const tag of tags) {
    const language = tag ? matchLanguageIn(tag, languages) : undefined;
    if (language) return language;
  }
  return fallback;
}
