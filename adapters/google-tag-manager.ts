/**
 * Google Tag Manager with Consent Mode v2. The container loads after the Consent Mode `default`
 * (and the `update` for a stored choice), so the tags inside it see consent from their first
 * trigger; every change pushes `update`, and the element pushes its `consent_update` event for
 * triggers. Basic mode (default) loads the container only once its category is allowed; with
 * `consentMode: 'advanced'` it loads at once with everything denied.
 */

import type { AdapterConsent, AdapterContext, AdapterInfo, AdapterUpdateResult, ConsentAdapter } from '../src/core/adapter.js';
import { GoogleConsent, type GoogleConsentOptions, googleRules, layerOf } from './shared/google-consent.js';
import { checkOptions, isCategory, matches } from './shared/options.js';

export interface GoogleTagManagerOptions extends GoogleConsentOptions {
  /** The container ID, `GTM-…`. */
  readonly containerId: string;
  /** The category that allows the container to load; `analytics` by default. */
  readonly category?: string;
}

const GTM_URL = 'https://www.googletagmanager.com/gtm.js';

export function googleTagManager(options: GoogleTagManagerOptions): ConsentAdapter & { readonly loaded: boolean } {
  const category = options.category ?? 'analytics';
  const advanced = options.consentMode === 'advanced';
  let context: AdapterContext | null = null;
  let consentMode: GoogleConsent | null = null;
  let loaded = false;

  function load(): void {
    loaded = true;
    const name = context!.dataLayerName;
    const layer = layerOf(context!);
    // What Google's container snippet pushes before it inserts gtm.js.
    layer.push({ 'gtm.start': Date.now(), event: 'gtm.js' });
    void context!.loadScript(`${GTM_URL}?id=${options.containerId}${name === 'dataLayer' ? '' : `&l=${name}`}`);
  }

  return {
    id: 'google-tag-manager',
    // The container sets no cookie itself; its tags do, and the site declares those in its categories.
    cookies: [],
    get loaded(): boolean {
      return loaded;
    },
    start(given: AdapterContext, consent: AdapterConsent): void {
      const rules = googleRules({ containerId: [matches(/^GTM-[A-Z0-9]{4,12}$/), 'container-id', true], category: [isCategory, 'category'] });
      if (!checkOptions(options, rules, given, category)) return;
      context = given;
      // The container's category stands in for `analytics` when the site has none by that name.
      consentMode = new GoogleConsent(given, options, { category, fallback: ['analytics_storage'] });
      consentMode.begin(consent);
      if (advanced || consent.categories[category] === true) load();
    },
    update(consent: AdapterConsent): AdapterUpdateResult | void {
      if (!consentMode) return;
      consentMode.tell(consent);
      const allowed = consent.categories[category] === true;
      if (allowed && !loaded) load();
      return { reloadRecommended: loaded && !advanced && !allowed && consent.changed.includes(category) };
    },
  };
}

/** Read by the build without loading this module (scripts/adapter-manifest.mjs): it states Google Consent Mode itself. */
export const adapterInfo = { company: 'Google', statesConsentMode: true } satisfies AdapterInfo;

export default googleTagManager;
