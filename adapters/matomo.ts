/**
 * Matomo, self-hosted (or Matomo Cloud), through its own consent API.
 *
 * Default (`requireConsent`): nothing before consent. On grant, and on every page with a stored
 * grant: `requireConsent` then `setConsentGiven` are queued before `trackPageView` and before
 * `matomo.js` loads. Matomo's own `rememberConsentGiven` cookie is not used: the element keeps
 * the choice and tells Matomo again on each page, so the two records cannot disagree. On
 * withdrawal: `forgetConsentGiven`, which stops the loaded tracker and deletes its cookies, and
 * the `_pk_*` cookies expired. With `cookieConsent: true`, Matomo's `requireCookieConsent`
 * mode: the tracker loads at once and tracks without cookies until `setCookieConsentGiven`.
 * API: https://developer.matomo.org/guides/tracking-consent
 */

import type { AdapterConsent, AdapterContext, AdapterCookie, AdapterInfo, AdapterUpdateResult, ConsentAdapter } from '../src/core/adapter.js';
import { hasMethods, vendorGlobal } from './shared/globals.js';
import { checkOptions, isBoolean, isCategory, isHttpsUrl, type OptionRule } from './shared/options.js';

export interface MatomoOptions {
  /** Where Matomo is installed, without a trailing slash: `https://analytics.example.com` (`matomo.js` and `matomo.php` live there). */
  readonly url: string;
  /** The site's ID in Matomo. */
  readonly siteId: number | string;
  /** The category that allows Matomo; `analytics` by default. */
  readonly category?: string;
  /**
   * `true`: Matomo's cookie consent mode. The tracker loads before consent and sends requests
   * without cookies; consent only allows its cookies. `false` (default): nothing before consent.
   */
  readonly cookieConsent?: boolean;
  /** Sends `trackPageView` (and `enableLinkTracking`) when the tracker starts; `true` by default. */
  readonly trackPageView?: boolean;
}

// mtm_consent_removed is what Matomo sets when consent is withdrawn (forgetConsentGiven): the
// element's record keeps that, and Matomo does not load without consent, so it goes with the rest.
const COOKIES = [/^_pk_/, 'mtm_consent', 'mtm_cookie_consent', 'mtm_consent_removed'];

export function matomo(options: MatomoOptions): ConsentAdapter {
  const category = options.category ?? 'analytics';
  const cookieMode = options.cookieConsent === true;
  let context: AdapterContext | null = null;
  let started = false;

  /** Matomo's queue: an array until `matomo.js` takes it over with an object whose `push` runs each command. */
  function paq(): { push(command: unknown[]): unknown } | null {
    const win = context!.window as unknown as Record<string, unknown>;
    const existing = vendorGlobal(context!.window, '_paq');
    if (existing === undefined) win._paq = [];
    else if (!hasMethods(existing, ['push'])) return null;
    return win._paq as { push(command: unknown[]): unknown };
  }

  function begin(allowed: boolean): void {
    const queue = paq();
    if (!queue) {
      context!.conflict('_paq');
      context = null;
      return;
    }
    started = true;
    queue.push([cookieMode ? 'requireCookieConsent' : 'requireConsent']);
    if (allowed) queue.push([cookieMode ? 'setCookieConsentGiven' : 'setConsentGiven']);
    queue.push(['setTrackerUrl', `${options.url}/matomo.php`]);
    queue.push(['setSiteId', String(options.siteId)]);
    if (options.trackPageView !== false) {
      queue.push(['trackPageView']);
      queue.push(['enableLinkTracking']);
    }
    void context!.loadScript(`${options.url}/matomo.js`);
  }

  const rules: Readonly<Record<string, OptionRule>> = {
    url: [isHttpsUrl, 'https-url', true],
    siteId: [(value) => (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) || (typeof value === 'string' && /^[1-9]\d{0,9}$/.test(value)), 'site-id', true],
    category: [isCategory, 'category'],
    cookieConsent: [isBoolean, 'boolean'],
    trackPageView: [isBoolean, 'boolean'],
  };

  const cookie = (pattern: string, purpose: string, lifetime: string): AdapterCookie => ({ pattern, party: 'first', provider: 'Matomo', category, purpose, lifetime });
  return {
    id: 'matomo',
    cookies: [
      cookie('^_pk_id\\.', 'Distinguishes visitors', '13 months'),
      cookie('^_pk_ref\\.', 'Keeps the referrer of the first visit', '6 months'),
      cookie('^_pk_(ses|cvar|hsr)\\.', 'Keeps the visit together', '30 minutes'),
    ],
    start(given: AdapterContext, consent: AdapterConsent): void {
      if (!checkOptions(options, rules, given, category)) return;
      context = given;
      const allowed = consent.categories[category] === true;
      if (!allowed) given.forget(COOKIES);
      if (allowed || cookieMode) begin(allowed);
    },
    update(consent: AdapterConsent): AdapterUpdateResult | void {
      if (!context) return;
      const allowed = consent.categories[category] === true;
      if (!started) {
        if (allowed) begin(true);
        return;
      }
      if (!consent.changed.includes(category)) return;
      const queue = paq();
      if (allowed) queue?.push([cookieMode ? 'setCookieConsentGiven' : 'setConsentGiven']);
      else {
        queue?.push([cookieMode ? 'forgetCookieConsentGiven' : 'forgetConsentGiven']);
        context.forget(COOKIES);
      }
    },
  };
}

/** Read by the build without loading this module (scripts/adapter-manifest.mjs): self-hosted, so no partner company. */
export const adapterInfo = { company: null } satisfies AdapterInfo;

export default matomo;
