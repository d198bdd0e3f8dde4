/**
 * The first layer's sentences about partners and about changing one's mind later, in the
 * language active in @lit/localize. DOM-free, so a server renderer can word them as the banner does.
 */

import { msg, str } from '../l10n/msg.js';
import { summarizePartners } from '../core/partners.js';

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

const list = (language: string, items: readonly string[]): string => new Intl.ListFormat(language, { type: 'conjunction' }).format(items);

/**
 * The partner sentence for `names` in `language` ("We work with these partners: Google, Meta
 * and 2 others."), and, when some are counted rather than named, every name as a list; both
 * empty when there are no partners, so that no empty sentence is shown.
 */
export function partnerTexts(names: readonly string[], language: string): { readonly partners: string; readonly partnerList: string } {
  if (names.length === 0) return { partners: '', partnerList: '' };
  const { named, others } = summarizePartners(names);
  const counted = others ? [OTHERS[new Intl.PluralRules(language).select(others)](new Intl.NumberFormat(language).format(others))] : [];
  const companies = list(language, [...named, ...counted]);
  return {
    partners: msg(str`We work with these partners: ${companies}.`, {
      id: 'cm.banner.partners',
      desc: 'First layer of the banner: the companies whose cookies or scripts the site uses, as a list such as "Google, Meta and 2 others".',
    }),
    partnerList: others ? list(language, names) : '',
  };
}

/** How to change one's choice later, naming the page's own settings link (`data-consent-open`) by its `label`. */
export function settingsHint(label: string): string {
  return msg(str`To change your choice later, use “${label}” on this page.`, {
    id: 'cm.banner.change',
    desc: 'The value is the text of the link or button that reopens the cookie settings, such as "Cookie settings".',
  });
}
