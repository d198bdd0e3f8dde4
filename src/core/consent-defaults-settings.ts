/**
 * What `dist/consent-defaults.js` tells the element. A module of its own, as the element's first
 * load needs only the key.
 */

import type { ConsentModeMap } from './consent-mode.js';

/**
 * Where `dist/consent-defaults.js` leaves what the element needs to state its own state in the
 * same terms: a registry symbol, so no page global is taken.
 */
export const CONSENT_DEFAULTS_KEY = Symbol.for('consent-manager.consent-defaults');

/** What `dist/consent-defaults.js` pushed the default with. */
export interface ConsentDefaultsSettings {
  /** The data layer's name. */
  readonly dataLayer: string;
  readonly consentTypes: ConsentModeMap;
}
