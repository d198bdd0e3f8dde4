/**
 * The contract between the element and a vendor adapter (`adapters/<id>.ts`). This module holds
 * only types: adapters depend on the core, never the reverse.
 */

import type { CookieDeclaration } from './config.js';

/** A cookie or storage key a vendor sets, filed under the category that allows it. */
export interface AdapterCookie extends CookieDeclaration {
  /** The id of the category that allows this cookie, for instance `analytics`. */
  readonly category: string;
}

/** A vendor integration that loads only when its category is allowed. */
export interface ConsentAdapter {
  /** Stable identifier, as named in the JSON config and in events: `google-analytics`. */
  readonly id: string;
  /** What the vendor sets, so the cookie tables list it without the site typing it again. */
  readonly cookies: readonly AdapterCookie[];
}
