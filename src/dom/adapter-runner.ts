/**
 * Runs the vendor adapters: the ones named in the JSON config (each loaded on demand from its own
 * chunk) and the ones given from code. It hands each adapter an `AdapterContext`, applies the
 * state on start and every change in order, announces vendor script loads and failures as
 * events, and pushes the tag manager event. (The element itself expires the cookies a site
 * declared for a withdrawn category, so that works without adapters.) This module is itself loaded lazily by the element, so pages
 * without adapters never download it.
 */

import type { AdapterConsent, AdapterContext, AdapterErrorReason, ConsentAdapter } from '../core/adapter.js';
import { optionProblems } from '../core/adapter-options.js';
import type { ConsentConfig, DataLayerConfig } from '../core/config.js';
import { findDataLayer } from '../core/gtag.js';
import type { ConsentChange, ConsentState } from '../core/store.js';
import { report } from '../diagnostics/report.js';
import { ConsentAdapterErrorEvent, ConsentAdapterLoadEvent } from '../events/adapter-events.js';
import { ADAPTER_LOADERS, CONSENT_MODE_ADAPTERS } from '../generated/adapter-loaders.js';
import { registeredAdapters } from './adapter-registry.js';
import { forgetVendorData } from './cookies.js';
import { DEFAULT_DATA_LAYER, pushConsentEvent, stateConsentMode } from './data-layer.js';
import { loadScript, ScriptLoadError } from './load-script.js';
import { pageNonce } from './page.js';

/** Each adapter module's default export builds the adapter from its JSON options, which it checks itself. */
interface AdapterModule {
  default: (options: Readonly<Record<string, unknown>>) => ConsentAdapter;
}

/** Whether the config names an adapter that states Consent Mode itself (see `adapterInfo`). */
function namesConsentModeAdapter(config: ConsentConfig): boolean {
  return Object.keys(config.adapters ?? {}).some((id) => CONSENT_MODE_ADAPTERS.has(id));
}

const FAILURES: readonly AdapterErrorReason[] = ['error', 'timeout', 'offline', 'blocked', 'exception'];

/** How long a reload after a withdrawal waits at most for vendors to confirm they were told. */
const TOLD_TIMEOUT_MS = 2000;

function consentFrom(state: ConsentState, changed: readonly string[], source: AdapterConsent['source']): AdapterConsent {
  return Object.freeze({ categories: state.categories, decided: state.decided, changed, source });
}

/** An adapter the config names: its options as given (to notice a change), and the adapter once loaded. */
interface NamedAdapter {
  readonly options: string;
  adapter: ConsentAdapter | null;
}

export class AdapterRunner {
  readonly #element: HTMLElement;
  readonly #configIn: () => ConsentConfig;
  readonly #given: () => readonly ConsentAdapter[];
  readonly #configuredChanged: () => void;
  /** The config whose adapters are in place (or loading). */
  #config: ConsentConfig;
  /** The adapters that config names, by id. */
  readonly #named = new Map<string, NamedAdapter>();
  /** The adapters the config names that loaded, in the order they did. */
  #configured: readonly ConsentAdapter[] = [];
  /** Adapters a replaced config no longer names: never told of a grant again. */
  readonly #retired = new WeakSet<ConsentAdapter>();
  /** A vendor script of an adapter retired by a config change had run: the next change recommends a reload. */
  #retiredRan = false;
  readonly #win: Window & typeof globalThis;
  readonly #started = new Set<ConsentAdapter>();
  readonly #scripts = new Map<string, Promise<unknown>>();
  #dataLayer: Required<DataLayerConfig> | null = null;
  /** The state every adapter has seen last. */
  #current: AdapterConsent;
  /** The changes announced while the adapters the config names load. */
  readonly #queue: ConsentChange[] = [];
  #loading = false;
  #running = false;
  #told: Promise<unknown>[] = [];

  /**
   * Runs for `element` (adapter events are dispatched on it, vendors load into its document),
   * from `initial`, the state applied on load; the changes since come through `update`, in order.
   * It asks its session for the `config` in effect and the adapters `given` from code (those the
   * config names it keeps itself: `configured`), and tells it when `configured` changed.
   */
  constructor(element: HTMLElement, initial: ConsentState, config: () => ConsentConfig, given: () => readonly ConsentAdapter[], configuredChanged: () => void) {
    this.#element = element;
    this.#configIn = config;
    this.#given = given;
    this.#configuredChanged = configuredChanged;
    this.#config = config();
    this.#win = element.ownerDocument.defaultView ?? window;
    this.#current = consentFrom(initial, [], initial.decided ? 'stored' : 'default');
  }

  /** The adapters the config names, once loaded (those given from code are the session's). */
  get configured(): readonly ConsentAdapter[] {
    return this.#configured;
  }

  /**
   * Every adapter in place: those given from code, then those the config names. A page that gave
   * `el.adapters = [...el.adapters, mine]` gave the configured ones back too: they stay the
   * config's (listed once, and gone once retired).
   */
  adapters(): readonly ConsentAdapter[] {
    const configured = this.#configured;
    return [...this.#given().filter((adapter) => !configured.includes(adapter) && !this.#retired.has(adapter)), ...configured];
  }

  /**
   * The first call loads the adapters the config names and starts every adapter with the state
   * applied on load, then applies the changes since. Later calls start adapters given from code
   * since with the current state, and follow a replaced config (see `#reconfigure`).
   */
  async start(): Promise<void> {
    if (this.#running) {
      if (this.#configIn() !== this.#config) this.#reconfigure(this.#configIn());
      for (const adapter of this.adapters()) this.#startAdapter(adapter);
      return;
    }
    if (this.#loading) return;
    this.#loading = true;
    let loaded: (ConsentAdapter | null)[];
    // A config replaced while its adapters loaded: what it no longer names is never started.
    do {
      this.#config = this.#configIn();
      const named = Object.entries(this.#config.adapters ?? {});
      loaded = await Promise.all(named.map(([id, options]) => this.#importAdapter(id, options)));
      this.#named.clear();
      named.forEach(([id, options], index) => this.#named.set(id, { options: JSON.stringify(options), adapter: loaded[index]! }));
    } while (this.#config !== this.#configIn());
    this.#configured = loaded.filter((adapter): adapter is ConsentAdapter => adapter !== null);
    if (this.#configured.length > 0) this.#configuredChanged();
    this.#dataLayer = this.#dataLayerFor(this.#config);
    this.#running = true;
    const initial = this.#current;
    for (const adapter of this.adapters()) this.#startAdapter(adapter);
    this.#pushDataLayer(initial);
    for (const change of this.#queue.splice(0)) this.update(change);
  }

  /** Applies a change; returns whether a vendor script of a withdrawn category already ran on this page. */
  update(change: ConsentChange): boolean {
    if (!this.#running) {
      this.#queue.push(change);
      return false;
    }
    const consent = consentFrom(change, change.changed, change.source);
    this.#current = consent;
    this.#told = [];
    let reloadRecommended = this.#retiredRan;
    this.#retiredRan = false;
    for (const adapter of this.adapters()) {
      if (!this.#started.has(adapter)) {
        this.#startAdapter(adapter);
        continue;
      }
      const result = this.#guard(adapter, () => adapter.update?.(consent));
      if (!result) continue;
      reloadRecommended ||= result.reloadRecommended === true;
      if (result.told) this.#told.push(result.told);
    }
    this.#pushDataLayer(consent);
    return reloadRecommended;
  }

  /** Settles when the vendors told about the last change confirmed it, or after two seconds. */
  told(): Promise<void> {
    const timeout = new Promise((resolve) => setTimeout(resolve, TOLD_TIMEOUT_MS));
    return Promise.race([Promise.allSettled(this.#told), timeout]).then(() => undefined);
  }

  /** Where the tag manager event goes for `config`, or `null` when the page has no data layer to tell. */
  #dataLayerFor(config: ConsentConfig): Required<DataLayerConfig> | null {
    const usesGoogle = namesConsentModeAdapter(config);
    const dataLayer = config.dataLayer;
    const pageHasOne = findDataLayer(this.#win, DEFAULT_DATA_LAYER.name) !== undefined;
    return dataLayer !== false && (dataLayer || usesGoogle || pageHasOne) ? { ...DEFAULT_DATA_LAYER, ...dataLayer } : null;
  }

  /**
   * Follows a replaced config. An adapter it no longer names, or names with other options, is
   * retired: removed from `configured`, so it never hears of a grant again, and told once that every
   * optional category is withdrawn, so a vendor script that already ran stops what it can and its
   * cookies are expired (its script cannot be unloaded: the next change event recommends a
   * reload). Adapters it names anew (or with new options) load and start with the current state.
   * Adapters given from code stay. The data layer event follows the new config from the next change.
   */
  #reconfigure(config: ConsentConfig): void {
    const previous = this.#config;
    this.#config = config;
    this.#dataLayer = this.#dataLayerFor(config);
    const wanted = Object.entries(config.adapters ?? {});
    const retired: ConsentAdapter[] = [];
    for (const [id, named] of this.#named) {
      if (wanted.some(([wantedId, options]) => wantedId === id && JSON.stringify(options) === named.options)) continue;
      this.#named.delete(id);
      if (named.adapter) retired.push(named.adapter);
    }
    if (retired.length > 0) {
      this.#configured = this.#configured.filter((adapter) => !retired.includes(adapter));
      for (const adapter of retired) this.#retired.add(adapter);
      this.#configuredChanged();
      const categories = Object.fromEntries(previous.categories.map(({ id, required }) => [id, required]));
      const withdrawn = previous.categories.filter(({ id, required }) => !required && this.#current.categories[id]).map(({ id }) => id);
      const final = consentFrom({ categories, decided: this.#current.decided, record: null, gpc: false }, withdrawn, 'api');
      for (const adapter of retired) {
        if (!this.#started.has(adapter)) continue;
        const result = this.#guard(adapter, () => adapter.update?.(final));
        this.#retiredRan ||= result?.reloadRecommended === true;
      }
    }
    for (const [id, options] of wanted) {
      if (this.#named.has(id)) continue;
      const named: NamedAdapter = { options: JSON.stringify(options), adapter: null };
      this.#named.set(id, named);
      void this.#importAdapter(id, options).then((adapter) => {
        // Replaced again while it loaded: the newer config decides.
        if (!adapter || this.#named.get(id) !== named) return;
        named.adapter = adapter;
        this.#configured = [...this.#configured, adapter];
        this.#configuredChanged();
        this.#startAdapter(adapter);
      });
    }
  }

  #startAdapter(adapter: ConsentAdapter): void {
    if (this.#started.has(adapter)) return;
    this.#started.add(adapter);
    this.#guard(adapter, () => adapter.start?.(this.#contextFor(adapter), this.#current));
  }

  /** Runs adapter code; a throw is reported and announced, and the others go on. */
  #guard<T>(adapter: ConsentAdapter, run: () => T): T | undefined {
    try {
      return run();
    } catch (error) {
      report('error', { code: 'adapter-threw', id: adapter.id, error });
      this.#element.dispatchEvent(new ConsentAdapterErrorEvent({ id: adapter.id, reason: 'exception' }));
      return undefined;
    }
  }

  async #importAdapter(id: string, options: Readonly<Record<string, unknown>>): Promise<ConsentAdapter | null> {
    const load = (registeredAdapters.get(id) ?? (Object.hasOwn(ADAPTER_LOADERS, id) ? ADAPTER_LOADERS[id] : undefined)) as (() => Promise<AdapterModule>) | undefined;
    if (!load) {
      report('error', { code: 'adapter-unknown', id, known: [...new Set([...Object.keys(ADAPTER_LOADERS), ...registeredAdapters.keys()])] });
      return null;
    }
    try {
      return (await load()).default(options);
    } catch (error) {
      // The chunk itself failed (offline, or a deploy removed it): the others go on.
      report('error', { code: 'adapter-threw', id, error });
      this.#element.dispatchEvent(new ConsentAdapterErrorEvent({ id, reason: this.#win.navigator.onLine === false ? 'offline' : 'error' }));
      return null;
    }
  }

  #contextFor(adapter: ConsentAdapter): AdapterContext {
    const { id } = adapter;
    const track = <T>(src: string, loading: Promise<T>): Promise<boolean> =>
      loading.then(
        (instance) => {
          this.#element.dispatchEvent(new ConsentAdapterLoadEvent({ id, src, ...(instance === undefined ? {} : { instance }) }));
          return true;
        },
        (error: unknown) => {
          // A vendor's own loader may reject with one of loadScript's reasons.
          const given = error instanceof ScriptLoadError ? error.reason : (error as { reason?: unknown } | null)?.reason;
          const reason = FAILURES.includes(given as AdapterErrorReason) ? (given as AdapterErrorReason) : this.#win.navigator.onLine ? 'error' : 'offline';
          this.#element.dispatchEvent(new ConsentAdapterErrorEvent({ id, reason, src }));
          return false;
        },
      );
    // Read when used: a replaced config's categories are what every adapter checks against.
    const categories = (): ConsentConfig['categories'] => this.#config.categories;
    const context: AdapterContext = {
      window: this.#win,
      get categoryIds() {
        return categories().map((category) => category.id);
      },
      get requiredCategoryIds() {
        return categories()
          .filter((category) => category.required)
          .map((category) => category.id);
      },
      dataLayerName: this.#dataLayer?.name ?? DEFAULT_DATA_LAYER.name,
      loadScript: (src) => {
        // One script per URL and page, whichever adapter asks; each asking adapter hears the outcome.
        let loading = this.#scripts.get(src);
        if (!loading) {
          loading = loadScript(src, { nonce: pageNonce(this.#element), document: this.#element.ownerDocument }).then(() => undefined);
          this.#scripts.set(src, loading);
        }
        return track(src, loading);
      },
      track: (src, loading) => void track(src, loading),
      fail: (reason, src) => this.#element.dispatchEvent(new ConsentAdapterErrorEvent({ id, reason, ...(src === undefined ? {} : { src }) })),
      forget: (names) => forgetVendorData(names, this.#win, this.#config.storage.cookieName),
      conflict: (name) => {
        report('error', { code: 'adapter-global', id, name });
        this.#element.dispatchEvent(new ConsentAdapterErrorEvent({ id, reason: 'exception' }));
      },
      unmappedConsentTypes: (gaps) => report('warn', { code: 'consent-mode-unmapped', id, gaps }),
      invalid: (problems) => {
        report('error', { code: 'adapter-options', id, problems });
        this.#element.dispatchEvent(new ConsentAdapterErrorEvent({ id, reason: 'options' }));
      },
      checkOptions: (options, rules, defaultCategory) => {
        const problems = optionProblems(options, rules, context, defaultCategory);
        if (problems.length > 0) context.invalid(problems);
        return problems.length === 0;
      },
    };
    return context;
  }

  #pushDataLayer(consent: AdapterConsent): void {
    // Consent Mode first, so that tags triggered by the event see the new state.
    // Without an adapter to state it (named in the config or given from code), the runner states
    // Consent Mode itself.
    const usesGoogle = this.adapters().some(({ id }) => CONSENT_MODE_ADAPTERS.has(id)) || namesConsentModeAdapter(this.#config);
    if (!usesGoogle) stateConsentMode(this.#win, consent.categories, this.#dataLayer?.name);
    if (this.#dataLayer) pushConsentEvent(this.#win, this.#dataLayer, consent.categories, consent.source);
  }
}
