// Do not modify this file by hand!
// Re-generate this file by running lit-localize.

/**
 * The locale code that templates in this source code are written in.
 */
export const sourceLocale = `en`;

/**
 * The other locale codes that this application is localized into. Sorted
 * lexicographically.
 */
export const targetLocales = [
  `ar`,
  `bg`,
  `cs`,
  `da`,
  `de`,
  `el`,
  `es`,
  `et`,
  `fi`,
  `fr`,
  `ga`,
  `he`,
  `hr`,
  `hu`,
  `it`,
  `ja`,
  `lt`,
  `lv`,
  `mt`,
  `nl`,
  `pl`,
  `pt`,
  `pt-BR`,
  `ro`,
  `sk`,
  `sl`,
  `sv`,
  `tr`,
  `zh-Hans`,
] as const;

/**
 * All valid project locale codes. Sorted lexicographically.
 */
export const allLocales = [
  `ar`,
  `bg`,
  `cs`,
  `da`,
  `de`,
  `el`,
  `en`,
  `es`,
  `et`,
  `fi`,
  `fr`,
  `ga`,
  `he`,
  `hr`,
  `hu`,
  `it`,
  `ja`,
  `lt`,
  `lv`,
  `mt`,
  `nl`,
  `pl`,
  `pt`,
  `pt-BR`,
  `ro`,
  `sk`,
  `sl`,
  `sv`,
  `tr`,
  `zh-Hans`,
] as const;
