/**
 * The tag manager event: on ready and on every change,
 * `dataLayer.push({ event: 'consent_update', consent: { analytics: 'granted', … }, consent_source: 'stored' })`,
 * so a Tag Manager trigger on a custom event (or any other tag manager reading the data layer)
 * can react. Consent Mode itself is told by the Google adapters and `dist/consent-defaults.js`.
 */

import type { AdapterConsentSource } from '../core/adapter.js';
import type { DataLayerConfig } from '../core/config.js';
import { grantedOrDenied } from '../core/consent-mode.js';
import type { ConsentCategories } from '../core/store.js';

export const DEFAULT_DATA_LAYER: Required<DataLayerConfig> = Object.freeze({ name: 'dataLayer', event: 'consent_update' });

/**
 * The page's data layer, created when missing, as Google's snippets do. Only the window's own
 * property counts: an element with `id="dataLayer"` (a named property of the window's prototype
 * chain) is shadowed, not pushed to.
 */
export function dataLayerOf(win: Window, name: string): unknown[] {
  const globals = win as unknown as Record<string, unknown>;
  const existing = Object.hasOwn(win, name) ? globals[name] : undefined;
  if (Array.isArray(existing)) return existing;
  const created: unknown[] = [];
  globals[name] = created;
  return created;
}

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
