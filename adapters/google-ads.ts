/**
 * Google Ads (conversion tracking, the conversion linker, remarketing) through gtag.js, with
 * Consent Mode v2. It shares the data layer's one Consent Mode default and one `update` per
 * change with the other Google adapters, and one gtag.js with Google Analytics: each adapter adds
 * only its `config`. Basic mode (default): the default comes first and gtag.js with
 * `gtag('config', 'AW-…')` only once the category is allowed; a stored choice is stated again with
 * `update` on every page. On withdrawal: `update` with the ad types denied, which gtag.js obeys
 * (no ad cookies read or written, cookieless pings), and the conversion linker's `_gcl_*`
 * cookies and key expired. https://support.google.com/google-ads/answer/13802165
 */

import type { AdapterConsent, AdapterContext, AdapterCookie, AdapterInfo, AdapterUpdateResult, ConsentAdapter } from '../src/core/adapter.js';
import { GoogleConsent, type GoogleConsentOptions, googleRules, loadGtag } from './shared/google-consent.js';
import { checkOptions, isCategory, isObject } from './shared/options.js';

export interface GoogleAdsOptions extends GoogleConsentOptions {
  /** The Google Ads tag id, `AW-…`, or several: each gets its own `config`. */
  readonly conversionId: string | readonly string[];
  /** The category that allows Google Ads; `marketing` by default. */
  readonly category?: string;
  /** Parameters for every `gtag('config', conversionId, …)`, for instance `{ allow_enhanced_conversions: true }`. */
  readonly config?: Readonly<Record<string, unknown>>;
}

/** `_gcl_au` (conversion id), `_gcl_aw`/`_gcl_dc` (click ids), `_gcl_gs`/`_gcl_gb`, and the `_gcl_ls` key. */
const ADS_COOKIES = [/^_gcl_/];
const CONVERSION_ID = /^AW-\d{5,15}$/;

export function googleAds(options: GoogleAdsOptions): ConsentAdapter & { readonly loaded: boolean } {
  const category = options.category ?? 'marketing';
  const advanced = options.consentMode === 'advanced';
  const conversionIds = typeof options.conversionId === 'string' ? [options.conversionId] : [...(options.conversionId ?? [])];
  let context: AdapterContext | null = null;
  let consentMode: GoogleConsent | null = null;
  let loaded = false;

  function load(): void {
    loaded = true;
    const { gtag } = consentMode!;
    loadGtag(context!, gtag, conversionIds[0]!);
    for (const id of conversionIds) gtag('config', id, ...(options.config ? [{ ...options.config }] : []));
  }

  /** Loads when allowed (at once in advanced mode); while ad storage is denied, removes the linker's cookies. */
  function apply(consent: AdapterConsent): void {
    const allowed = consent.categories[category] === true;
    if ((allowed || advanced) && !loaded) load();
    if (!allowed || consentMode!.state(consent).ad_storage === 'denied') context!.forget(ADS_COOKIES);
  }

  return {
    id: 'google-ads',
    get cookies(): readonly AdapterCookie[] {
      // The same declaration as Google Analytics', so a table lists it once.
      return [{ pattern: '^_gcl_', party: 'third', provider: 'Google Ads', category, purpose: 'Measures ad clicks and conversions when Google Ads is linked', lifetime: '90 days' }];
    },
    get loaded(): boolean {
      return loaded;
    },
    start(given: AdapterContext, consent: AdapterConsent): void {
      const rules = googleRules({
        conversionId: [(value) => (Array.isArray(value) ? value.length > 0 && value.every((id) => CONVERSION_ID.test(id as string)) : CONVERSION_ID.test(value as string)), 'conversion-id', true],
        category: [isCategory, 'category'],
        config: [isObject, 'object'],
      });
      if (!checkOptions(options, rules, given, category)) return;
      context = given;
      // Whatever its category is called, it is the one Google's ad types need.
      consentMode = new GoogleConsent(given, options, { category, own: ['ad_storage', 'ad_user_data', 'ad_personalization'] });
      consentMode.begin(consent);
      apply(consent);
    },
    update(consent: AdapterConsent): AdapterUpdateResult | void {
      if (!consentMode) return;
      consentMode.tell(consent);
      apply(consent);
      return { reloadRecommended: loaded && !advanced && consent.categories[category] !== true && consent.changed.includes(category) };
    },
  };
}

/** Read by the build without loading this module (scripts/adapter-manifest.mjs): it states Google Consent Mode itself. */
export const adapterInfo = { company: 'Google', statesConsentMode: true } satisfies AdapterInfo;

export default googleAds;
