/**
 * The tag manager event: on ready and on every change,
 * `dataLayer.push({ event: 'consent_update', consent: { analytics: 'granted', … }, consent_source: 'stored' })`,
 * so a Tag Manager trigger on a custom event (or any other tag manager reading the data layer)
 * can react. Consent Mode is told by the Google adapters when the config names one; otherwise,
 * whenever the page holds a Consent Mode default (from `dist/consent-defaults.js` or the site's
 * own snippet), by `stateConsentMode` here, so that a withdrawal is never left unsaid.
 */

import type { AdapterConsentSource } from '../core/adapter.js';
import type { DataLayerConfig } from '../core/config.js';
import { CONSENT_DEFAULTS_KEY, type ConsentDefaultsSettings } from '../core/consent-defaults-settings.js';
import { consentModeState, DEFAULT_CONSENT_MODE_MAP, grantedOrDenied } from '../core/consent-mode.js';
import { createGtag, dataLayerOf, DEFAULT_DATA_LAYER_EVENT, DEFAULT_DATA_LAYER_NAME, findDataLayer, hasConsentDefault } from '../core/gtag.js';
import type { ConsentCategories } from '../core/store.js';

export const DEFAULT_DATA_LAYER: Required<DataLayerConfig> = Object.freeze({ name: DEFAULT_DATA_LAYER_NAME, event: DEFAULT_DATA_LAYER_EVENT });

export interface ConsentDataLayerEvent {
  readonly event: string;
  readonly consent: Readonly<Record<string, 'granted' | 'denied'>>;
  readonly consent_source: AdapterConsentSource;
}

export function pushConsentEvent(win: Window, config: Required<DataLayerConfig>, categories: ConsentCategories, source: AdapterConsentSource): ConsentDataLayerEvent {
  const entry: ConsentDataLayerEvent = { event: config.event, consent: grantedOrDenied(categories), consent_source: source };
  // Through the array's own push: once gtag.js or GTM has loaded, it replaces push to process entries.
  dataLayerOf(win, config.name).push(entry);
  return entry;
}

/** What `dist/consent-defaults.js` left on the page, when it ran and left something well-formed. */
function consentDefaultsOf(win: Window): ConsentDefaultsSettings | undefined {
  const settings = (win as unknown as Record<symbol, Partial<ConsentDefaultsSettings> | undefined>)[CONSENT_DEFAULTS_KEY];
  return typeof settings?.dataLayer === 'string' && typeof settings.consentTypes === 'object' && settings.consentTypes !== null ? (settings as ConsentDefaultsSettings) : undefined;
}

/**
 * When the page holds a Consent Mode default, pushes `gtag('consent', 'update', …)` with all
 * seven types for `categories`: denied after a withdrawal, and the safe state when the config is
 * invalid. Uses the data layer and type map `consent-defaults.js` used, else `layerName` and the
 * default map. Returns whether it pushed.
 */
export function stateConsentMode(win: Window, categories: ConsentCategories, layerName = DEFAULT_DATA_LAYER.name): boolean {
  const defaults = consentDefaultsOf(win);
  const layer = findDataLayer(win, defaults?.dataLayer ?? layerName);
  if (!layer || !hasConsentDefault(layer)) return false;
  const state = consentModeState(categories, defaults?.consentTypes ?? DEFAULT_CONSENT_MODE_MAP);
  createGtag(layer)('consent', 'update', { ...state });
  return true;
}
