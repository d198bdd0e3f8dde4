/**
 * Consent Mode v2 for the Google adapters (gtag.js and Tag Manager), which share one state per
 * data layer: the `default` command is pushed once, before any other command, with all seven
 * types; `update` follows on start with a stored choice and on every change, once per change even
 * when both adapters run. Sources: https://developers.google.com/tag-platform/security/guides/consent
 */

import type { AdapterConsent, AdapterContext } from '../../src/core/adapter.js';
import { CONSENT_MODE_TYPES, DEFAULT_CONSENT_MODE_MAP, type ConsentModeMap, type ConsentModeState, consentModeState, type ConsentModeType } from '../../src/core/consent-mode.js';
import { createGtag, dataLayerOf, DEFAULT_DATA_LAYER_NAME, DEFAULT_WAIT_FOR_UPDATE_MS, type Gtag, hasConsentDefault } from '../../src/core/gtag.js';
import { vendorGlobal } from './globals.js';
import { isBoolean, isObject, type OptionRule } from './options.js';

/** The options both Google adapters take. */
export interface GoogleConsentOptions {
  /**
   * `basic` (default): Google's script loads only once its category is allowed, so nothing reaches
   * Google before consent. `advanced`: it loads at once with everything denied and sends cookieless
   * pings until the visitor decides.
   */
  readonly consentMode?: 'basic' | 'advanced';
  /** Which category grants each Consent Mode type (`true`/`false`: always granted/denied); merged over the default map. */
  readonly consentTypes?: Readonly<Partial<Record<ConsentModeType, string | boolean>>>;
  /** Advanced mode: how long Google's tags wait for an update before sending, in milliseconds (500 by default). */
  readonly waitForUpdate?: number;
  /** `gtag('set', 'url_passthrough', true)`: pass ad click information in links while storage is denied. */
  readonly urlPassthrough?: boolean;
  /** `gtag('set', 'ads_data_redaction', true)`: redact ad click identifiers while `ad_storage` is denied. */
  readonly adsDataRedaction?: boolean;
}

export const GOOGLE_CONSENT_RULES: Readonly<Record<keyof GoogleConsentOptions, OptionRule>> = {
  consentMode: [(value) => value === 'basic' || value === 'advanced', 'consent-mode'],
  consentTypes: [
    (value, context) =>
      isObject(value) &&
      Object.entries(value as object).every(
        ([type, source]) => CONSENT_MODE_TYPES.includes(type as ConsentModeType) && (typeof source === 'boolean' || context.categoryIds.includes(source as string)),
      ),
    'consent-types',
  ],
  waitForUpdate: [(value) => Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= 60_000, 'milliseconds'],
  urlPassthrough: [isBoolean, 'boolean'],
  adsDataRedaction: [isBoolean, 'boolean'],
};

/**
 * How an adapter decides a type's category, weakest first: its own category stands in for a
 * default category the config lacks (Tag Manager's for `analytics_storage`); its own category is
 * what the type is about (Analytics' for `analytics_storage`); the site named it in `consentTypes`.
 */
const FALLBACK = 1;
const OWN = 2;
const EXPLICIT = 3;

/**
 * The types that decide whether Google's products measure or advertise at all: when their category
 * is missing from the config, Google is told "denied" whatever the visitor allows, so it is said.
 */
const ESSENTIAL_TYPES: readonly ConsentModeType[] = ['analytics_storage', 'ad_storage', 'ad_user_data', 'ad_personalization'];

/** Which categories the Google adapters' own categories make decide which types. */
export interface ConsentModeHints {
  /** The adapter's category. */
  readonly category: string;
  /** Types this category decides (Analytics: `analytics_storage`). */
  readonly own?: readonly ConsentModeType[];
  /** Types it decides only when their default category is not configured (Tag Manager: `analytics_storage`). */
  readonly fallback?: readonly ConsentModeType[];
}

interface LayerState {
  /** Whether a Google adapter pushed the default (rather than consent-defaults.js or the site). */
  ownDefault: boolean;
  /** The consent objects already pushed as `update`, with the state pushed for each. */
  readonly updated: WeakMap<AdapterConsent, string>;
  /** Every Google adapter on this data layer states one map: the strongest claim on each type wins. */
  readonly claims: Map<ConsentModeType, { readonly strength: number; readonly source: string | boolean }>;
  /** The types already warned about. */
  readonly warned: Set<ConsentModeType>;
}

const layers = new WeakMap<unknown[], LayerState>();

/** The page's data layer, created when missing (or when markup clobbered its name), as Google's snippets do. */
export function layerOf(context: AdapterContext): unknown[] {
  return dataLayerOf(context.window, context.dataLayerName);
}

const GTAG_URL = 'https://www.googletagmanager.com/gtag/js';
const gtagLoaded = new WeakSet<unknown[]>();

/**
 * Loads gtag.js once per data layer, whichever gtag adapter (Analytics, Ads) is allowed first, and
 * pushes `gtag('js')` once: one Google tag serves every `G-`/`AW-` id, each adding only its `config`
 * (https://developers.google.com/tag-platform/gtagjs/configure). Returns whether this call loaded it.
 */
export function loadGtag(context: AdapterContext, gtag: Gtag, id: string): boolean {
  const layer = layerOf(context);
  if (gtagLoaded.has(layer)) return false;
  gtagLoaded.add(layer);
  const layerParameter = context.dataLayerName === DEFAULT_DATA_LAYER_NAME ? '' : `&l=${context.dataLayerName}`;
  void context.loadScript(`${GTAG_URL}?id=${id}${layerParameter}`);
  gtag('js', new Date());
  return true;
}

/** The standard `gtag` (`createGtag`) for the page's data layer; the page's `window.gtag` is set when missing. */
export function gtagFor(context: AdapterContext): Gtag {
  const gtag = createGtag(layerOf(context));
  const globals = context.window as unknown as Record<string, unknown>;
  if (context.dataLayerName === DEFAULT_DATA_LAYER_NAME && typeof vendorGlobal(context.window, 'gtag') !== 'function') globals.gtag = gtag;
  return gtag;
}

/** Consent Mode for one adapter: `begin` on start, `tell` on each change. */
export class GoogleConsent {
  readonly #context: AdapterContext;
  readonly #options: GoogleConsentOptions;
  readonly #gtag: Gtag;
  readonly #layer: unknown[];

  constructor(context: AdapterContext, options: GoogleConsentOptions, hints?: ConsentModeHints) {
    this.#context = context;
    this.#options = options;
    this.#gtag = gtagFor(context);
    this.#layer = layerOf(context);
    const { claims } = this.#layerState();
    // An equal claim replaces the earlier one: an adapter a replaced config brings in speaks for the page now.
    const claim = (type: ConsentModeType, strength: number, source: string | boolean): void => {
      if ((claims.get(type)?.strength ?? 0) <= strength) claims.set(type, { strength, source });
    };
    for (const type of hints?.fallback ?? []) {
      const standard = DEFAULT_CONSENT_MODE_MAP[type];
      if (typeof standard === 'string' && !context.categoryIds.includes(standard)) claim(type, FALLBACK, hints!.category);
    }
    for (const type of hints?.own ?? []) claim(type, OWN, hints!.category);
    for (const [type, source] of Object.entries(options.consentTypes ?? {})) claim(type as ConsentModeType, EXPLICIT, source);
  }

  /**
   * Which category grants each type on this data layer: the default map, unless an adapter's
   * category or the site's `consentTypes` says otherwise. A renamed category (`performance` for
   * Analytics) so still grants `analytics_storage` once the visitor allows it.
   */
  get map(): ConsentModeMap {
    const map: Record<string, string | boolean> = { ...DEFAULT_CONSENT_MODE_MAP };
    for (const [type, { source }] of this.#layerState().claims) map[type] = source;
    return Object.freeze(map);
  }

  #layerState(): LayerState {
    const state = layers.get(this.#layer) ?? { ownDefault: false, updated: new WeakMap(), claims: new Map(), warned: new Set() };
    layers.set(this.#layer, state);
    return state;
  }

  /** Warns once per type when an essential type follows a category the config does not have. */
  #warnAboutGaps(map: ConsentModeMap): void {
    const { warned } = this.#layerState();
    const gaps = ESSENTIAL_TYPES.filter((type) => !warned.has(type) && typeof map[type] === 'string' && !this.#context.categoryIds.includes(map[type]));
    if (gaps.length === 0) return;
    for (const type of gaps) warned.add(type);
    this.#context.unmappedConsentTypes(gaps.map((type) => ({ type, category: map[type] as string })));
  }

  get gtag(): Gtag {
    return this.#gtag;
  }

  /** The seven types for `consent`, through this data layer's map. */
  state(consent: AdapterConsent): ConsentModeState {
    return consentModeState(consent.categories, this.map);
  }

  /**
   * Pushes the default (all seven types, every optional category denied) unless the data layer
   * has one, the `set` commands that must precede `config`, and an update for a stored choice, an
   * opt-out default that grants more, or a default someone else pushed.
   */
  begin(consent: AdapterConsent): void {
    this.#warnAboutGaps(this.map);
    const required = Object.fromEntries(this.#context.requiredCategoryIds.map((id) => [id, true]));
    const denied = consentModeState(required, this.map);
    const layerState = this.#layerState();
    const foreignDefault = !layerState.ownDefault && hasConsentDefault(this.#layer);
    if (!foreignDefault && !layerState.ownDefault) {
      layerState.ownDefault = true;
      const waitForUpdate = this.#options.consentMode === 'advanced' && !consent.decided ? (this.#options.waitForUpdate ?? DEFAULT_WAIT_FOR_UPDATE_MS) : undefined;
      this.#gtag('consent', 'default', waitForUpdate === undefined ? { ...denied } : { ...denied, wait_for_update: waitForUpdate });
    }
    if (this.#options.urlPassthrough) this.#gtag('set', 'url_passthrough', true);
    if (this.#options.adsDataRedaction) this.#gtag('set', 'ads_data_redaction', true);
    // A default pushed before (consent-defaults.js, the site's snippet) may say anything, and
    // the stored choice it read may since have expired: the element's state is stated again.
    if (foreignDefault || consent.decided || JSON.stringify(this.state(consent)) !== JSON.stringify(denied)) this.tell(consent);
  }

  /** Pushes `update` with all seven types, unless another Google adapter already pushed the same for this change. */
  tell(consent: AdapterConsent): void {
    const state = this.state(consent);
    const key = JSON.stringify(state);
    const layerState = this.#layerState();
    if (layerState.updated.get(consent) === key) return;
    layerState.updated.set(consent, key);
    this.#gtag('consent', 'update', { ...state });
  }
}

/** Options checking for the shared Google options plus the adapter's own. */
export function googleRules(own: Readonly<Record<string, OptionRule>>): Readonly<Record<string, OptionRule>> {
  return { ...GOOGLE_CONSENT_RULES, ...own };
}
