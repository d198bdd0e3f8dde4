/**
 * Google Analytics 4 through gtag.js, with Consent Mode v2.
 *
 * Basic mode (default): `gtag('consent', 'default', …)` with all seven types comes first; gtag.js,
 * `gtag('js')` and `gtag('config')` follow only once the category is allowed, so nothing reaches
 * Google before consent. A stored choice is applied again with `update` on every page load.
 * Advanced mode (`consentMode: 'advanced'`): gtag.js loads at once with everything denied.
 * On withdrawal: `update` with the denied types, `window['ga-disable-<id>']`, and the `_ga`,
 * `_ga_<id>`, `_gid` (and, with ad storage denied, `_gcl_*`) cookies expired.
 */

import type { AdapterConsent, AdapterContext, AdapterCookie, AdapterInfo, AdapterUpdateResult, ConsentAdapter } from '../src/core/adapter.js';
import { GoogleConsent, type GoogleConsentOptions, googleRules, loadGtag } from './shared/google-consent.js';
import { checkOptions, isCategory, isObject, matches } from './shared/options.js';

export interface GoogleAnalyticsOptions extends GoogleConsentOptions {
  /** The GA4 measurement ID, `G-…`. */
  readonly measurementId: string;
  /** The category that allows Google Analytics; `analytics` by default. */
  readonly category?: string;
  /** Parameters for `gtag('config', measurementId, …)`, for instance `{ send_page_view: false }`. */
  readonly config?: Readonly<Record<string, unknown>>;
}

const ANALYTICS_COOKIES = ['_ga', /^_ga_/, '_gid', /^_gat/];
const ADS_COOKIES = [/^_gcl_/];

/**
 * The cookies gtag.js sets on the site's registrable domain (https://support.google.com/analytics/answer/11397207);
 * `_gid`, which older tags and Universal Analytics properties still set, with its lifetime from the
 * Open Cookie Database. Every cookie the adapter expires is declared, so visitors see it listed.
 */
function cookiesFor(category: string, adsCategory: string | boolean): AdapterCookie[] {
  const provider = 'Google Analytics';
  const cookies: AdapterCookie[] = [
    { name: '_ga', party: 'third', provider, category, purpose: 'Distinguishes visitors', lifetime: '2 years' },
    { pattern: '^_ga_', party: 'third', provider, category, purpose: 'Keeps the session state', lifetime: '2 years' },
    { name: '_gid', party: 'third', provider, category, purpose: 'Distinguishes visitors for a day', lifetime: '24 hours' },
    { pattern: '^_gat', party: 'third', provider, category, purpose: 'Throttles the rate of requests (older tags)', lifetime: '1 minute' },
  ];
  if (typeof adsCategory === 'string') {
    cookies.push({ pattern: '^_gcl_', party: 'third', provider: 'Google Ads', category: adsCategory, purpose: 'Measures ad clicks and conversions when Google Ads is linked', lifetime: '90 days' });
  }
  return cookies;
}

export function googleAnalytics(options: GoogleAnalyticsOptions): ConsentAdapter & { readonly loaded: boolean } {
  const category = options.category ?? 'analytics';
  const advanced = options.consentMode === 'advanced';
  const disableKey = `ga-disable-${options.measurementId}`;
  let context: AdapterContext | null = null;
  let consentMode: GoogleConsent | null = null;
  let loaded = false;

  function globals(): Record<string, unknown> {
    return context!.window as unknown as Record<string, unknown>;
  }

  function load(): void {
    loaded = true;
    const { gtag } = consentMode!;
    delete globals()[disableKey];
    // Shared with the Google Ads adapter: one gtag.js per page.
    loadGtag(context!, gtag, options.measurementId);
    gtag('config', options.measurementId, ...(options.config ? [{ ...options.config }] : []));
  }

  /** Applies the state: loads when allowed; when not, switches gtag.js off and removes its cookies. */
  function apply(consent: AdapterConsent): void {
    const allowed = consent.categories[category] === true;
    if (allowed || advanced) {
      if (!loaded) load();
      else if (allowed) delete globals()[disableKey];
    }
    if (!allowed) {
      // Checked by gtag.js before every cookie write and hit (https://developers.google.com/analytics/devguides/collection/gtagjs/user-opt-out).
      if (!advanced) globals()[disableKey] = true;
      context!.forget(ANALYTICS_COOKIES);
    }
    if (consentMode!.state(consent).ad_storage === 'denied') context!.forget(ADS_COOKIES);
  }

  const adapter = {
    id: 'google-analytics',
    get cookies(): readonly AdapterCookie[] {
      return cookiesFor(category, consentMode?.map.ad_storage ?? 'marketing');
    },
    get loaded(): boolean {
      return loaded;
    },
    start(given: AdapterContext, consent: AdapterConsent): void {
      const rules = googleRules({
        measurementId: [matches(/^G-[A-Z0-9]{4,16}$/), 'measurement-id', true],
        category: [isCategory, 'category'],
        config: [isObject, 'object'],
      });
      if (!checkOptions(options, rules, given, category)) return;
      context = given;
      // Whatever the category is called, it is the one Analytics' storage needs.
      consentMode = new GoogleConsent(given, options, { category, own: ['analytics_storage'] });
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
  return adapter;
}

/** Read by the build without loading this module (scripts/adapter-manifest.mjs): it states Google Consent Mode itself. */
export const adapterInfo = { company: 'Google', statesConsentMode: true } satisfies AdapterInfo;

export default googleAnalytics;
