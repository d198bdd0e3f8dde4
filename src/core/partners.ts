/**
 * Who the site's partners are, for the banner's first layer: the companies behind the vendor
 * adapters a config names, behind adapters given from code, and behind the third-party cookies
 * the site declares. DOM-free, so that a server renderer names the same partners as the element.
 */

import type { AdapterCookie } from './adapter.js';
import type { ConsentConfig } from './config.js';
import { ADAPTER_COMPANIES } from './generated/adapter-companies.js';
import { conjunctionList } from './list-format.js';
import { asParsedText } from './localized-text.js';

// Companies by the first word of an adapter id or a provider name, lowercase: the adapter
// `google-ads` and a declared "Google Analytics" are both Google. The shipped adapters name their
// companies themselves (`adapterInfo`, gathered by `npm run adapters`); Matomo names none, as it is
// self-hosted and its cookies are the site's own. Here only other names the same companies go by.
const COMPANIES: Readonly<Record<string, string>> = { ...ADAPTER_COMPANIES, youtube: 'Google', facebook: 'Meta' };

/** The known company whose name `name` (an adapter id or a provider) starts with. */
function knownCompany(name: string): string | undefined {
  const word = name.trim().toLowerCase().split(/[^a-z0-9]/)[0]!;
  return Object.hasOwn(COMPANIES, word) ? COMPANIES[word] : undefined;
}

/** The company a provider name stands for: `Google Analytics` → `Google`; other names as given, trimmed. */
export function companyOf(provider: string): string {
  return knownCompany(provider) ?? provider.trim().replace(/\s+/g, ' ');
}

/** An adapter given from code, as far as its partner matters: its id and the cookies it declares. */
export interface PartnerSource {
  readonly id: string;
  readonly cookies?: readonly AdapterCookie[];
}

/**
 * The site's partners, each company once, in the order they first appear: the adapters the
 * config names, then the adapters given from code, then the providers of the third-party
 * cookies each category declares. An adapter id the element does not ship, and first-party
 * cookies (the site's own), name no partner.
 */
export function partnerNames(config: Pick<ConsentConfig, 'adapters' | 'categories'>, adapters: readonly PartnerSource[] = []): string[] {
  const providers = (cookies: readonly { readonly party: string; readonly provider?: string }[]): (string | undefined)[] =>
    cookies.map(({ party, provider }) => (party === 'third' && provider?.trim() ? companyOf(provider) : undefined));
  const names = [
    ...Object.keys(config.adapters ?? {}).map(knownCompany),
    ...adapters.flatMap(({ id, cookies = [] }) => [knownCompany(id), ...providers(cookies)]),
    ...config.categories.flatMap(({ cookies }) => providers(cookies)),
  ];
  const seen = new Set<string>();
  return names.filter((name): name is string => !!name && !seen.has(name.toLowerCase()) && !!seen.add(name.toLowerCase()));
}

/**
 * The names the first layer spells out and how many others it counts: every name when there are
 * at most `named + 1` (saying "1 other" would hide a name to save none), else the first `named`.
 */
export function summarizePartners(names: readonly string[], named = 2): { readonly named: readonly string[]; readonly others: number } {
  return names.length <= named + 1 ? { named: names, others: 0 } : { named: names.slice(0, named), others: names.length - named };
}

/**
 * The messages the partner sentence is made of, in one language: the element's translations
 * (src/ui/partner-texts.ts) or, on a server, the generated table (src/core/server-render.ts).
 */
export interface PartnerMessages {
  /** "N others" in the plural form `category` of the count, for the already formatted `count`. */
  others(category: Intl.LDMLPluralRule, count: string): string;
  /** "We work with these partners: …." around the formatted list `companies`. */
  partners(companies: string): string;
}

/**
 * The partner sentence for `names` in `language` ("We work with these partners: Google, Meta
 * and 2 others."), and, when some are counted rather than named, every name as a list; both
 * empty when there are no partners, so that no empty sentence is shown.
 */
export function partnerSentences(names: readonly string[], language: string, messages: PartnerMessages): { readonly partners: string; readonly partnerList: string } {
  if (names.length === 0) return { partners: '', partnerList: '' };
  const { named, others } = summarizePartners(names);
  const counted = others ? [messages.others(new Intl.PluralRules(language).select(others), new Intl.NumberFormat(language).format(others))] : [];
  return { partners: messages.partners(conjunctionList(language, [...named, ...counted])), partnerList: others ? conjunctionList(language, names) : '' };
}

/** The page's settings link text as the banner names it: whitespace collapsed, at most 80 characters; undefined when blank. */
export function settingsLinkText(text: string | null | undefined): string | undefined {
  const label = asParsedText(text ?? '').trim().replace(/\s+/g, ' ');
  // By code points: a cut between the halves of an emoji would leave a lone surrogate.
  return label ? [...label].slice(0, 80).join('') : undefined;
}
