/**
 * Google Consent Mode v2: the seven consent types and how a site's categories map onto them.
 * Shared by the Google adapters and `dist/consent-defaults.js`, so both push the same state.
 * Types and descriptions: https://developers.google.com/tag-platform/tag-manager/templates/consent-apis
 */

import type { ConsentCategories } from './store.js';

/** Every type must be set in `default`: in Tag Manager a type with no state counts as granted. */
export const CONSENT_MODE_TYPES = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
] as const;
export type ConsentModeType = (typeof CONSENT_MODE_TYPES)[number];

/**
 * What decides each type: a category id (granted while it is allowed), or `true` / `false` for a
 * type that is always granted or always denied.
 */
export type ConsentModeMap = Readonly<Record<ConsentModeType, string | boolean>>;

export type ConsentModeValue = 'granted' | 'denied';
export type ConsentModeState = Readonly<Record<ConsentModeType, ConsentModeValue>>;

/** The default map. Security storage (authentication, fraud prevention) is strictly necessary. */
export const DEFAULT_CONSENT_MODE_MAP: ConsentModeMap = Object.freeze({
  ad_storage: 'marketing',
  ad_user_data: 'marketing',
  ad_personalization: 'marketing',
  analytics_storage: 'analytics',
  functionality_storage: 'preferences',
  personalization_storage: 'preferences',
  security_storage: true,
});

/** The default map with the site's overrides. */
export function consentModeMap(overrides: Readonly<Partial<Record<ConsentModeType, string | boolean>>> = {}): ConsentModeMap {
  return Object.freeze({ ...DEFAULT_CONSENT_MODE_MAP, ...overrides });
}

/** The state of all seven types for the given categories. A category the site lacks counts as denied. */
export function consentModeState(categories: ConsentCategories, map: ConsentModeMap = DEFAULT_CONSENT_MODE_MAP): ConsentModeState {
  const state = {} as Record<ConsentModeType, ConsentModeValue>;
  for (const type of CONSENT_MODE_TYPES) {
    const source = map[type];
    state[type] = (typeof source === 'boolean' ? source : categories[source] === true) ? 'granted' : 'denied';
  }
  return Object.freeze(state);
}

/** `{ [category id]: 'granted' | 'denied' }`: the categories as tag managers read them. */
export function grantedOrDenied(categories: ConsentCategories): Readonly<Record<string, ConsentModeValue>> {
  const values: Record<string, ConsentModeValue> = {};
  for (const [id, allowed] of Object.entries(categories)) values[id] = allowed ? 'granted' : 'denied';
  return Object.freeze(values);
}
