/**
 * The entry of `dist/consent-defaults.js`: a tiny classic script for a page's `<head>`, before an
 * existing Google Tag Manager or gtag.js snippet. It reads the stored choice synchronously and
 * pushes the Consent Mode `default` (all seven types, denied unless always granted) and, for a
 * valid stored choice, an `update`, so tags that run before `<consent-manager>` upgrades see the
 * right state. A choice is valid by exactly the element's rules (`readStoredChoice`): a record
 * the element would refuse (another revision, expired, dated ahead, a category it does not
 * answer) pushes no `update`. Its settings are data attributes on its own script tag, matching the element's
 * config:
 *
 *     <script src="/dist/consent-defaults.js" data-cookie-name="consent" data-revision="1"></script>
 *
 * | attribute | default | meaning |
 * |---|---|---|
 * | `data-cookie-name` | `consent` | `storage.cookieName` |
 * | `data-revision` | `0` | `revision` |
 * | `data-categories` | `preferences analytics marketing` | the ids of the optional categories, space-separated |
 * | `data-expires-days` | `182` | `storage.expiresDays` |
 * | `data-gpc-denies` | `marketing` | `gpcDenies`, space-separated |
 * | `data-consent-types` | the default map | JSON: Consent Mode type to category id, `true` or `false` |
 * | `data-data-layer` | `dataLayer` | the data layer's name |
 * | `data-wait-for-update` | `500` | `wait_for_update` in the default while the visitor has not chosen |
 * | `data-url-passthrough`, `data-ads-data-redaction` | absent | `gtag('set', …, true)` |
 */

import { CONSENT_DEFAULTS_KEY, type ConsentDefaultsSettings } from './core/consent-defaults-settings.js';
import { consentModeMap, consentModeState } from './core/consent-mode.js';
import { readCookieValues } from './core/storage.js';
import { readStoredChoice } from './core/stored-choice.js';

const script = document.currentScript as HTMLScriptElement | null;
const settings = script?.dataset ?? {};
const cookieName = settings.cookieName ?? 'consent';
const dataLayerName = settings.dataLayer ?? 'dataLayer';
const globals = window as unknown as Record<string | symbol, unknown>;
const layer = (globals[dataLayerName] ??= []) as unknown[];
function gtag(..._args: unknown[]): void {
  // gtag.js and Tag Manager only process `arguments` objects as commands, never arrays.
  // eslint-disable-next-line prefer-rest-params
  layer.push(arguments);
}

/** The stored values: every copy of the cookie, and localStorage's. */
function storedValues(): string[] {
  try {
    const values = readCookieValues(document.cookie, cookieName);
    const local = localStorage.getItem(cookieName);
    return local === null ? values : [...values, local];
  } catch {
    // Storage blocked: no stored choice.
    return [];
  }
}

try {
  const map = consentModeMap(settings.consentTypes ? (JSON.parse(settings.consentTypes) as object) : {});
  // The element's own rules (src/core/stored-choice.ts), from the attributes that mirror its config.
  const { record } = readStoredChoice(
    storedValues(),
    {
      revision: Number(settings.revision ?? 0),
      expiresDays: Number(settings.expiresDays ?? 182),
      optionalCategories: (settings.categories ?? 'preferences analytics marketing').split(' ').filter(Boolean),
    },
    Math.floor(Date.now() / 1000),
  );
  const waitForUpdate = Number(settings.waitForUpdate ?? 500);
  gtag('consent', 'default', { ...consentModeState({}, map), ...(record ? {} : { wait_for_update: waitForUpdate }) });
  // The element states its own state with `update` when it starts, and with this map.
  globals[CONSENT_DEFAULTS_KEY] = { dataLayer: dataLayerName, consentTypes: map } satisfies ConsentDefaultsSettings;
  if (settings.urlPassthrough !== undefined) gtag('set', 'url_passthrough', true);
  if (settings.adsDataRedaction !== undefined) gtag('set', 'ads_data_redaction', true);
  if (record) {
    const categories: Record<string, boolean> = Object.create(null) as Record<string, boolean>;
    for (const id of record.granted) categories[id] = true;
    // Global Privacy Control turned on after the choice wins, as in the element.
    if ((navigator as Navigator & { globalPrivacyControl?: unknown }).globalPrivacyControl === true && !record.gpc) {
      for (const id of (settings.gpcDenies ?? 'marketing').split(' ')) categories[id] = false;
    }
    gtag('consent', 'update', consentModeState(categories, map));
  }
} catch {
  // A malformed data-consent-types: the element still states its state when it starts.
}
