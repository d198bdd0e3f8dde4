/**
 * The entry of `dist/consent-defaults.js`: a tiny classic script for a page's `<head>`, before an
 * existing Google Tag Manager or gtag.js snippet. It reads the stored choice synchronously and
 * pushes the Consent Mode `default` (all seven types, denied unless always granted) and, for a
 * valid stored choice, an `update`, so tags that run before `<consent-manager>` upgrades see the
 * right state. Its settings are data attributes on its own script tag, matching the element's
 * config:
 *
 *     <script src="/dist/consent-defaults.js" data-cookie-name="consent" data-revision="1"></script>
 *
 * | attribute | default | meaning |
 * |---|---|---|
 * | `data-cookie-name` | `consent` | `storage.cookieName` |
 * | `data-revision` | `0` | `revision` |
 * | `data-expires-days` | `182` | `storage.expiresDays` |
 * | `data-gpc-denies` | `marketing` | `gpcDenies`, space-separated |
 * | `data-consent-types` | the default map | JSON: Consent Mode type to category id, `true` or `false` |
 * | `data-data-layer` | `dataLayer` | the data layer's name |
 * | `data-wait-for-update` | `500` | `wait_for_update` in the default while the visitor has not chosen |
 * | `data-url-passthrough`, `data-ads-data-redaction` | absent | `gtag('set', …, true)` |
 */

import { consentModeMap, consentModeState } from './core/consent-mode.js';
import { checksum } from './core/record.js';
import { readCookieValues } from './core/storage.js';

const script = document.currentScript as HTMLScriptElement | null;
const settings = script?.dataset ?? {};
const cookieName = settings.cookieName ?? 'consent';
const globals = window as unknown as Record<string, unknown[] | undefined>;
const layer = (globals[settings.dataLayer ?? 'dataLayer'] ??= []);
function gtag(..._args: unknown[]): void {
  // gtag.js and Tag Manager only process `arguments` objects as commands, never arrays.
  // eslint-disable-next-line prefer-rest-params
  layer.push(arguments);
}

/**
 * The granted categories and GPC flag of the newest valid stored record, or null. A smaller
 * check than the element's decoder (which stays out of this file for size): the checksum, the
 * schema version, the revision and the age. A value a server percent-encoded counts as none here.
 * Whatever this script pushed, the element states its own state with an `update` when it starts.
 */
function storedChoice(): { granted: string[]; gpc: boolean } | null {
  let values: string[] = [];
  try {
    values = readCookieValues(document.cookie, cookieName);
    const local = localStorage.getItem(cookieName);
    if (local) values.push(local);
  } catch {
    // Storage blocked: no stored choice.
  }
  let newest: URLSearchParams | null = null;
  for (const value of values) {
    const at = value.lastIndexOf('&s=');
    const record = new URLSearchParams(value);
    if (at < 0 || checksum(value.slice(0, at)) !== value.slice(at + 3) || record.get('v') !== '1') continue;
    if (!newest || Number(record.get('u')) > Number(newest.get('u'))) newest = record;
  }
  const maxAgeSeconds = Number(settings.expiresDays ?? 182) * 86_400;
  if (newest?.get('r') !== (settings.revision ?? '0') || Date.now() / 1000 - Number(newest.get('u')) > maxAgeSeconds) return null;
  return { granted: (newest.get('g') ?? '').split('.'), gpc: newest.get('gpc') === '1' };
}

try {
  const map = consentModeMap(settings.consentTypes ? (JSON.parse(settings.consentTypes) as object) : {});
  const record = storedChoice();
  const waitForUpdate = Number(settings.waitForUpdate ?? 500);
  gtag('consent', 'default', { ...consentModeState({}, map), ...(record ? {} : { wait_for_update: waitForUpdate }) });
  if (settings.urlPassthrough !== undefined) gtag('set', 'url_passthrough', true);
  if (settings.adsDataRedaction !== undefined) gtag('set', 'ads_data_redaction', true);
  if (record) {
    const categories: Record<string, boolean> = {};
    for (const id of record.granted) categories[id] = true;
    // Global Privacy Control turned on after the choice wins, as in the element.
    if ((navigator as Navigator & { globalPrivacyControl?: unknown }).globalPrivacyControl === true && !record.gpc) {
      for (const id of (settings.gpcDenies ?? 'marketing').split(' ')) categories[id] = false;
    }
    gtag('consent', 'update', consentModeState(categories, map));
  }
} catch {
  // A malformed data-consent-types: the element still pushes the default when it starts.
}
