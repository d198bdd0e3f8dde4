/**
 * The contract between the element and a vendor adapter (`adapters/<id>.ts`). This module holds
 * only types: adapters depend on the core, never the reverse. What an adapter needs from the page
 * (loading a script with the page's nonce, expiring cookies, the window, reporting) reaches it
 * through the `AdapterContext` the element's adapter runner passes to `start`.
 */

import type { CookieDeclaration } from './config.js';
import type { ChangeSource, ConsentCategories } from './store.js';

/** A cookie or storage key a vendor sets, filed under the category that allows it. */
export interface AdapterCookie extends CookieDeclaration {
  /** The id of the category that allows this cookie, for instance `analytics`. */
  readonly category: string;
}

/**
 * Where the consent an adapter receives comes from: `stored` (a valid stored choice applied on
 * page load), `default` (no choice yet: the configured defaults), or what caused a change.
 */
export type AdapterConsentSource = ChangeSource | 'stored' | 'default';

/** The consent state handed to an adapter on start and on every change. */
export interface AdapterConsent {
  /** `{ [category id]: allowed }` for every configured category. */
  readonly categories: ConsentCategories;
  /** Whether the visitor has a valid stored choice. */
  readonly decided: boolean;
  /** Ids whose value changed; empty on start and when a choice confirmed the previous state. */
  readonly changed: readonly string[];
  readonly source: AdapterConsentSource;
}

/** Why an adapter could not do its work. */
export type AdapterErrorReason =
  /** The script failed to load: missing (404), refused by the server, or blocked by an extension or DNS. */
  | 'error'
  /** The script took longer than the load timeout. */
  | 'timeout'
  /** The browser was offline. */
  | 'offline'
  /** The page's Content Security Policy or Trusted Types refused the script. */
  | 'blocked'
  /** The adapter's options are invalid; it does nothing. */
  | 'options'
  /** The vendor's code, or the adapter, threw. */
  | 'exception';

/** One invalid adapter option, named by its field. */
export interface AdapterOptionProblem {
  /** The option, for instance `measurementId`. */
  readonly field: string;
  /** What it must be, as a short code the diagnostics turn into a sentence. */
  readonly expected: AdapterOptionExpectation;
  /** A short description of the value found. */
  readonly got?: string;
}

export type AdapterOptionExpectation =
  | 'known-field'
  | 'category'
  /** `category` not given, and the adapter's default is not a category of the config. */
  | 'default-category'
  | 'string'
  | 'boolean'
  | 'milliseconds'
  | 'consent-mode'
  | 'consent-types'
  | 'measurement-id'
  | 'container-id'
  | 'pixel-id'
  | 'write-key'
  | 'publishable-key'
  | 'conversion-id'
  | 'clarity-project-id'
  | 'uet-tag-id'
  | 'partner-id'
  | 'paddle-token'
  | 'function'
  | 'api-key'
  | 'https-url'
  | 'site-id'
  | 'tiktok-pixel-id'
  | 'segment-categories'
  | 'object';

/** A test for one option, the expectation it names when it fails, and whether the option is required. */
export type AdapterOptionRule = readonly [test: (value: unknown, context: AdapterContext) => boolean, expected: AdapterOptionExpectation, required?: true];

/** What the element gives an adapter: everything it may touch, so adapters depend only on the core. */
export interface AdapterContext {
  /** The page's window. Vendors' globals (`dataLayer`, `fbq`, `analytics`) live here. */
  readonly window: Window & typeof globalThis;
  /** The configured category ids, and which of them are required (always allowed). */
  readonly categoryIds: readonly string[];
  readonly requiredCategoryIds: readonly string[];
  /** Name of the tag manager data layer (`dataLayer` unless configured). */
  readonly dataLayerName: string;
  /**
   * Loads an external classic script with the page's CSP nonce and Trusted Types, once per URL.
   * Resolves `true` once it has run, `false` when it failed. The element announces the load
   * (`consent-adapter-load`) or the failure (`consent-adapter-error`, with the reason) itself.
   */
  loadScript(src: string): Promise<boolean>;
  /**
   * For scripts a vendor's own loader inserts (Stripe.js): announces the outcome of `loading` as
   * `consent-adapter-load` (with `instance`, the object handed to the page) or
   * `consent-adapter-error`.
   */
  track(src: string, loading: Promise<unknown>): void;
  /** Announces a failure the adapter found itself (`consent-adapter-error` with `reason`, and `src` when given). */
  fail(reason: AdapterErrorReason, src?: string): void;
  /**
   * Expires the first-party cookies whose names match, on this host and on each parent domain up
   * to the registrable one, and removes matching localStorage keys.
   */
  forget(names: readonly (string | RegExp)[]): void;
  /** Reports invalid options (one console error, one `consent-adapter-error` with reason `options`). */
  invalid(problems: readonly AdapterOptionProblem[]): void;
  /**
   * Checks options as the element checks its config: each field by its rule, unknown fields
   * too, and, when `category` is not given, that `defaultCategory` (the adapter's default) is one
   * of the config's. Reports any problem with `invalid`; returns whether the adapter may go on.
   */
  checkOptions(options: object, rules: Readonly<Record<string, AdapterOptionRule>>, defaultCategory?: string): boolean;
  /**
   * Reports that the vendor's global `window[name]` holds something that is not the vendor's
   * (one console error, one `consent-adapter-error` with reason `exception`); the adapter then
   * does nothing rather than call into it.
   */
  conflict(name: string): void;
  /**
   * Warns that these Consent Mode types follow categories the config does not have, so Google is
   * told they are denied whatever the visitor allows (one console warning).
   */
  unmappedConsentTypes(gaps: readonly { readonly type: string; readonly category: string }[]): void;
}

/** What an adapter returns from `update`. */
export interface AdapterUpdateResult {
  /**
   * True when a category was withdrawn after the vendor's script ran on this page: it cannot be
   * unloaded, so only a reload makes sure it stops.
   */
  readonly reloadRecommended?: boolean;
  /** Settles once the vendor has been told (for instance an event delivered); a reload waits for it. */
  readonly told?: Promise<unknown>;
}

/**
 * What an adapter module says about itself, as `export const adapterInfo = { … } satisfies
 * AdapterInfo`, for the element to know without loading the adapter: `npm run adapters`
 * (scripts/adapter-manifest.mjs) reads it from the source into the generated manifests.
 */
export interface AdapterInfo {
  /** The company behind the vendor, named as a partner on the banner; `null` for a self-hosted tool, whose cookies are the site's own. */
  readonly company: string | null;
  /** Whether the adapter states Google Consent Mode itself; without such an adapter the element states it. */
  readonly statesConsentMode?: boolean;
}

/** A vendor integration that loads only when its category is allowed. */
export interface ConsentAdapter {
  /** Stable identifier, as named in the JSON config and in events: `google-analytics`. */
  readonly id: string;
  /** What the vendor sets, so the cookie tables list it without the site typing it again. */
  readonly cookies: readonly AdapterCookie[];
  /**
   * Called once, when the element has applied the stored choice (or the defaults), before any
   * `update`. Loads nothing whose category is not allowed.
   */
  start?(context: AdapterContext, consent: AdapterConsent): void;
  /** Called on every change after `start`, including choices that change nothing. */
  update?(consent: AdapterConsent): AdapterUpdateResult | void;
}
