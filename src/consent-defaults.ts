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
import { DEFAULT_COOKIE_NAME, DEFAULT_EXPIRES_DAYS, DEFAULT_GPC_DENIES, DEFAULT_OPTIONAL_CATEGORY_IDS, DEFAULT_REVISION } from './core/defaults.js';
import { createGtag, dataLayerOf, DEFAULT_DATA_LAYER_NAME, DEFAULT_WAIT_FOR_UPDATE_MS } from './core/gtag.js';
import { copyKey, readCookieValues, withCopy } from './core/storage.js';
import { readStoredChoice } from './core/stored-choice.js';

const script = document.currentScript as HTMLScriptElement | null;
const settings = script?.dataset ?? {};
const cookieName = settings.cookieName ?? DEFAULT_COOKIE_NAME;
const dataLayerName = settings.dataLayer ?? DEFAULT_DATA_LAYER_NAME;

/** The stored values, as the element reads them: every copy of the cookie, localStorage's, and the cookie's copy there. */
function storedValues(): string[] {
  try {
    const values = readCookieValues(document.cookie, cookieName);
    const local = localStorage.getItem(cookieName);
    const copy = localStorage.getItem(copyKey(cookieName));
    return withCopy(local === null ? values : [...values, local], copy === null ? [] : [copy]);
  } catch {
    // Storage blocked: no stored choice.
    return [];
  }
}

try {
  // Inside the try: a name the window will not take (`__proto__`) throws, and leaves the page as it was.
  const gtag = createGtag(dataLayerOf(window, dataLayerName));
  const map = consentModeMap(settings.consentTypes ? (JSON.parse(settings.consentTypes) as object) : {});
  // The element's own rules (src/core/stored-choice.ts), from the attributes that mirror its config.
  const { record } = readStoredChoice(
    storedValues(),
    {
      revision: Number(settings.revision ?? DEFAULT_REVISION),
      expiresDays: Number(settings.expiresDays ?? DEFAULT_EXPIRES_DAYS),
      optionalCategories: settings.categories?.split(' ').filter(Boolean) ?? DEFAULT_OPTIONAL_CATEGORY_IDS,
    },
    Math.floor(Date.now() / 1000),
  );
  const waitForUpdate = Number(settings.waitForUpdate ?? DEFAULT_WAIT_FOR_UPDATE_MS);
  gtag('consent', 'default', { ...consentModeState({}, map), ...(record ? {} : { wait_for_update: waitForUpdate }) });
  // The element states its own state with `update` when it starts, and with this map.
  (window as unknown as Record<symbol, unknown>)[CONSENT_DEFAULTS_KEY] = { dataLayer: dataLayerName, consentTypes: map } satisfies ConsentDefaultsSettings;
  if (settings.urlPassthrough !== undefined) gtag('set', 'url_passthrough', true);
  if (settings.adsDataRedaction !== undefined) gtag('set', 'ads_data_redaction', true);
  if (record) {
    const categories: Record<string, boolean> = Object.create(null) as Record<string, boolean>;
    for (const id of record.granted) categories[id] = true;
    // Global Privacy Control turned on after the choice wins, as in the element.
    if ((navigator as Navigator & { globalPrivacyControl?: unknown }).globalPrivacyControl === true && !record.gpc) {
      for (const id of settings.gpcDenies?.split(' ') ?? DEFAULT_GPC_DENIES) categories[id] = false;
    }
    gtag('consent', 'update', consentModeState(categories, map));
  }
} catch {
  // A malformed data-consent-types or data-data-layer: the element still states its state when it starts.
}
