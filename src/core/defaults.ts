/**
 * The config's defaults that more than one bundle needs: the config reader (`config.ts`) and
 * `dist/consent-defaults.js`, which reads the stored choice before the element loads and must
 * not pull the config reader in. Plain values, so each bundle keeps only those it reads. The
 * data layer's and Consent Mode's defaults are in `gtag.ts`, beside the code that uses them: the
 * element's first load needs none of them.
 */

/** `storage.cookieName`: the cookie (and localStorage key) that holds the record. */
export const DEFAULT_COOKIE_NAME = 'consent';
/** `storage.expiresDays`: about six months. */
export const DEFAULT_EXPIRES_DAYS = 182;
/** `revision`. */
export const DEFAULT_REVISION = 0;
/** The required category when a config names none. */
export const DEFAULT_REQUIRED_CATEGORY_ID = 'necessary';
/** The optional categories when a config names none: the ones most cookie policies describe. */
export const DEFAULT_OPTIONAL_CATEGORY_IDS: readonly string[] = ['preferences', 'analytics', 'marketing'];
/** `gpcDenies`: what Global Privacy Control turns off (when the config has that category). */
export const DEFAULT_GPC_DENIES: readonly string[] = ['marketing'];
