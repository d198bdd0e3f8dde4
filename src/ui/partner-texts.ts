/**
 * The first layer's sentences about partners and about changing one's mind later, in the
 * language active in @lit/localize. DOM-free, so a server renderer can word them as the banner does.
 */

import { msg, str } from '../l10n/msg.js';
import { partnerSentences } from '../core/partners.js';

// One message per plural category, as lit-localize has no plural syntax; Intl.PluralRules picks
// the one a language uses for the count. Languages without a category repeat their `other` form.
const OTHERS: Readonly<Record<Intl.LDMLPluralRule, (count: string) => string>> = {
  zero: (count) => msg(str`${count} others`, { id: 'cm.banner.others.zero', desc: 'Plural form "zero" (CLDR) of the number of further partners not named, as in "Google, Meta and 5 others".' }),
  one: (count) => msg(str`${count} other`, { id: 'cm.banner.others.one', desc: 'Plural form "one" (CLDR), as in "Google, Meta and 21 others" where the language uses "one" for 21.' }),
  two: (count) => msg(str`${count} others`, { id: 'cm.banner.others.two', desc: 'Plural form "two" (CLDR) of the number of further partners.' }),
  few: (count) => msg(str`${count} others`, { id: 'cm.banner.others.few', desc: 'Plural form "few" (CLDR) of the number of further partners.' }),
  many: (count) => msg(str`${count} others`, { id: 'cm.banner.others.many', desc: 'Plural form "many" (CLDR) of the number of further partners.' }),
  other: (count) => msg(str`${count} others`, { id: 'cm.banner.others.other', desc: 'Plural form "other" (CLDR) of the number of further partners.' }),
};

/**
 * The partner sentence for `names` in `language` and the full list when some are only counted
 * (src/core/partners.ts `partnerSentences`, which the server renderer shares), in the language
 * active in @lit/localize.
 */
export function partnerTexts(names: readonly string[], language: string): { readonly partners: string; readonly partnerList: string } {
  return partnerSentences(names, language, {
    others: (category, count) => OTHERS[category](count),
    partners: (companies) =>
      msg(str`We work with these partners: ${companies}.`, {
        id: 'cm.banner.partners',
        desc: 'First layer of the banner: the companies whose cookies or scripts the site uses, as a list such as "Google, Meta and 2 others".',
      }),
  });
}

/** How to change one's choice later, naming the page's own settings link (`data-consent-open`) by its `label`. */
export function settingsHint(label: string): string {
  return msg(str`To change your choice later, use “${label}” on this page.`, {
    id: 'cm.banner.change',
    desc: 'The value is the text of the link or button that reopens the cookie settings, such as "Cookie settings".',
  });
}
