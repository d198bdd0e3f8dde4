/**
 * The consent logic of one `<consent-manager>`, without any UI: the stored choice (store), the
 * gated markup of the page (gate), other tabs (tab sync), the vendor adapters (a lazy runner) and
 * reload-on-revoke. The element reads the config, renders, and forwards the visitor's choices here.
 */

import type { ConsentAdapter } from '../core/adapter.js';
import { type ConsentConfig, DEFAULT_CONFIG } from '../core/config.js';
import { CONSENT_DEFAULTS_KEY } from '../core/consent-defaults-settings.js';
import { parseDataConsent } from '../core/data-consent.js';
import { type ConsentMethod, type ConsentRecord, encodeRecord } from '../core/record.js';
import type { StorageKind } from '../core/storage.js';
import { type ConsentCategories, type ConsentChange, type ConsentState, ConsentStore, describeChange } from '../core/store.js';
import { report, reportLoadFailure as loadFailed } from '../diagnostics/report.js';
import type { AdapterRunner } from '../dom/adapter-runner.js';
import { createBrowserStorage } from '../dom/browser-storage.js';
import { takeOfferedGate } from '../dom/gate-handoff.js';
import { ConsentGate, type ConsentGateOptions } from '../dom/gating.js';
import { pageNonce, readGlobalPrivacyControl } from '../dom/page.js';
import { TabSync } from '../dom/tab-sync.js';

/** The element a session runs for: where adapter events go, and the options it reads when they are needed. */
export interface SessionHost extends HTMLElement {
  readonly reloadOnRevoke: boolean;
  readonly scriptSources: string | undefined;
}

/** A change as the page sees it: nothing optional while another manager is on the page. */
export interface SessionChange extends ConsentChange {
  /** A vendor script of a withdrawn category already ran: only a reload stops it. */
  readonly reloadRecommended: boolean;
}

/**
 * Hears every change. For a choice made through `decide()`, `before` is the stored record it
 * replaced (`null`: none); `undefined` for any other change.
 */
export type SessionListener = (change: SessionChange, before?: ConsentRecord | null) => void;

/** What `decide()` records: all (`true`), nothing optional (`false`), a choice per category, or a reset (`null`). */
export type SessionChoice = Readonly<Record<string, boolean>> | boolean | null;


export class ConsentSession {
  readonly #host: SessionHost;
  readonly #onFrame: (frame: HTMLIFrameElement, allowed: boolean) => void;
  #store: ConsentStore | undefined;
  #gate: ConsentGate | undefined;
  /** The categories of a gate the script tag's entry started and this session took over, until `start` has compared them. */
  #earlyCategories: ConsentCategories | undefined;
  #sync: TabSync | undefined;
  // The runner is a lazy chunk, fetched only when the page has adapters or a data layer.
  #runner: AdapterRunner | undefined;
  /** The runner once its chunk arrived: changes announced meanwhile reach it through this, in order. */
  #runnerLoaded: Promise<AdapterRunner> | undefined;
  /** Adapters given from code. */
  #given: readonly ConsentAdapter[] = [];
  readonly #onAdapters: () => void;
  /** Whether this session may allow optional categories: not while another manager is on the page. */
  #alone = true;
  #warnedStorage: StorageKind | null = null;
  /** Decisions asked for before `start`, applied once it ran. */
  readonly #pending: (() => void)[] = [];
  readonly #listeners = new Set<SessionListener>();

  /**
   * `onFrame` puts a placeholder in for a blocked iframe, or takes it away just before the frame
   * loads; `onAdapters` hears that `adapters` changed because an adapter the config names loaded or left.
   */
  constructor(host: SessionHost, onFrame: (frame: HTMLIFrameElement, allowed: boolean) => void, onAdapters: () => void = () => undefined) {
    this.#host = host;
    this.#onFrame = onFrame;
    this.#onAdapters = onAdapters;
  }

  /** The adapters in place: those given from code, then those the config names once loaded. */
  get adapters(): readonly ConsentAdapter[] {
    return this.#runner?.adapters() ?? this.#given;
  }

  /** Sets the adapters given from code (a copy of `adapters` with more added is fine); call `startAdapters` after. */
  set adapters(adapters: readonly ConsentAdapter[]) {
    this.#given = adapters;
  }

  /** The state as this session applies it to the page; `undefined` until `start`. */
  get state(): ConsentState | undefined {
    const state = this.#store?.state;
    return state && this.#applied(state);
  }

  /** The configuration in effect after validation. */
  get config(): ConsentConfig {
    return this.#store?.config ?? DEFAULT_CONFIG;
  }

  /** The language kept in the records of later choices. */
  set language(language: string) {
    if (this.#store) this.#store.language = language;
  }

  /** Calls `listener` on every change until the returned function is called. */
  subscribe(listener: SessionListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Applies the stored choice (or the defaults) under `config`, and starts gating, tab sync and
   * the adapters. A second call follows a replaced config, and announces what it changed.
   * `safeMode`: the config was invalid (see `ConsentStoreOptions`).
   */
  start(config: ConsentConfig, language: string, safeMode: boolean): { state: ConsentState; gpcChange: ConsentChange | null } {
    const before = this.#store?.state;
    this.#gate?.stop();
    this.#sync?.stop();
    const host = this.#host;
    const win = host.ownerDocument.defaultView ?? window;
    const store = new ConsentStore({ config, storage: createBrowserStorage(config.storage, win), gpc: readGlobalPrivacyControl(win.navigator), language, safeMode });
    // Tab sync knows when this tab last wrote, and is kept while the cookie name is.
    const sync = this.#sync?.name === config.storage.cookieName ? this.#sync : undefined;
    // Just after this tab's own write WebKit can read back the value it replaced (see
    // OWN_WRITE_SETTLE_MS): a config replaced then would bring back a withdrawn category, or lose
    // a grant whose script ran. What storage holds then is the session's own record.
    const own = before && sync?.settling ? (before.record ? [encodeRecord(before.record)] : []) : undefined;
    const { state, gpcChange } = store.load(own);
    this.#store = store;
    // Kept across a config change: it knows which gated scripts already ran (they cannot be
    // unloaded, so withdrawing their category still recommends a reload) and which frames loaded.
    this.#gate ??= this.#createGate();
    this.#gate.start(this.#granted(state.categories));
    this.#sync = sync ?? new TabSync(config.storage.cookieName, () => this.#applyRemoteChange(), win);
    this.#sync.start();
    this.startAdapters();
    if (state.decided) this.#forgetDeclared(state.categories);
    if (before) this.#announce(describeChange(config, before, store.state, 'api'), false);
    // The entry's gate may have run what the choice allowed when it started, and another tab may
    // have withdrawn it since: said after the ready event, with a reload recommended if it ran.
    const early = this.#earlyCategories;
    this.#earlyCategories = undefined;
    const earlyChange = early && !before ? describeChange(config, { ...store.state, categories: early }, store.state, 'sync') : null;
    if (earlyChange?.changed.length) queueMicrotask(() => this.#announce(earlyChange, false));
    // The change event for a GPC override follows the ready event, after listeners have the initial state.
    if (gpcChange) queueMicrotask(() => this.#announce(gpcChange));
    // (After a config change there are none: decisions then apply at once.)
    const pending = this.#pending.splice(0);
    if (pending.length) queueMicrotask(() => pending.forEach((decide) => decide()));
    return { state: this.#applied(store.state), gpcChange };
  }

  /**
   * Records the visitor's choice, made with `method`: every category (`true`), only the required
   * ones (`false`), `{ [id]: allowed }` (others keep their value), or `null` to forget the stored
   * choice. Before `start`, applies once started.
   */
  decide(method: ConsentMethod, choice: SessionChoice): void {
    const store = this.#store;
    if (!store) {
      this.#pending.push(() => this.decide(method, choice));
      return;
    }
    const before = store.state.record;
    const change = choice === null ? store.reset() : choice === true ? store.acceptAll(method) : choice === false ? store.rejectAll(method) : store.decide(choice, method);
    this.#announce(change, true, before);
    this.#warnAboutStorage(store.storageKind);
  }

  /** Whether every category in `category` (space-separated ids) is allowed. */
  isAllowed(category: string): boolean {
    const ids = parseDataConsent(category);
    return ids.length > 0 && ids.every((id) => this.#store?.isAllowed(id) === true && this.#grantable(id));
  }

  /** Gates the markup inside `root` as well (see `ConsentManagerElement.observe`). */
  observe(root: ShadowRoot): void {
    (this.#gate ??= this.#createGate()).observe(root);
  }

  /** Stops gating and listening to other tabs, while the element is out of the page. */
  pause(): void {
    this.#gate?.stop();
    this.#sync?.stop();
  }

  /** Gates and listens again, and takes on what other tabs chose meanwhile. */
  resume(): void {
    const state = this.#store?.state;
    if (!state) return;
    this.#gate?.start(this.#granted(state.categories));
    this.#sync?.start();
    this.#applyRemoteChange();
  }

  /** Another manager came or went (`alone` says whether this one is the only one): what it allows may change with it. */
  setAlone(alone: boolean): void {
    if (alone === this.#alone) return;
    const state = this.#store?.state;
    const before = state && this.#applied(state);
    this.#alone = alone;
    if (state && before) this.#announce(describeChange(this.config, before, this.#applied(state), 'api'), false);
  }

  /**
   * Starts the adapters: loads the runner the first time the page has any (or a data layer, or
   * Consent Mode defaults), and starts adapters added since.
   */
  startAdapters(): void {
    void this.#runner?.start();
    const config = this.config;
    if (this.#runnerLoaded || !this.#store || !(config.adapters || config.dataLayer || this.#given.length || Object.hasOwn(window, 'dataLayer') || Object.hasOwn(window, CONSENT_DEFAULTS_KEY))) return;
    const initial = this.#applied(this.#store.state);
    void (this.#runnerLoaded = import('../dom/adapter-runner.js').then(
      ({ AdapterRunner }) => (this.#runner = new AdapterRunner(this.#host, initial, () => this.config, () => this.#given, this.#onAdapters)),
    )).then((runner) => runner.start());
  }

  /** The page's gate: the one the script tag's entry started for this element, if any, else a new one. */
  #createGate(): ConsentGate {
    const host = this.#host;
    const options: ConsentGateOptions = {
      nonce: () => pageNonce(host),
      scriptSources: () => host.scriptSources?.split(/\s+/).filter(Boolean),
      warn: (diagnostic) => report('warn', diagnostic),
      onFrame: this.#onFrame,
    };
    const offered = takeOfferedGate(host);
    if (!offered) return new ConsentGate(host.ownerDocument, options);
    offered.gate.reconfigure(options);
    this.#earlyCategories = offered.categories;
    return offered.gate;
  }

  /** Whether `id` may be allowed at all: required categories always, others while the session is alone. */
  #grantable(id: string): boolean {
    return this.#alone || this.config.categories.some((category) => category.id === id && category.required);
  }

  /** `categories` as this session may apply them: nothing optional while it is not alone on the page. */
  #granted(categories: ConsentCategories): ConsentCategories {
    if (this.#alone) return categories;
    return Object.fromEntries(Object.entries(categories).map(([id, allowed]) => [id, allowed && this.#grantable(id)]));
  }

  /** `state` as this session applies it to the page. */
  #applied<State extends ConsentState>(state: State): State {
    return this.#alone ? state : { ...state, categories: this.#granted(state.categories) };
  }

  #applyRemoteChange(): void {
    const change = this.#store?.refresh();
    if (change) this.#announce(change, false);
  }

  #announce(stored: ConsentChange, broadcast = true, before?: ConsentRecord | null): void {
    const gate = this.#gate;
    // What the store holds is announced to other tabs; what this session may allow, to the page.
    const change = this.#applied(stored);
    let reloadRecommended = false;
    if (this.#runner) reloadRecommended = this.#runner.update(change);
    else void this.#runnerLoaded?.then((runner) => runner.update(change));
    reloadRecommended ||= change.changed.some((id) => !change.categories[id] && gate?.hasRun(id) === true);
    gate?.update(change.categories);
    this.#forgetDeclared(change.categories);
    if (broadcast) this.#sync?.announce();
    for (const listener of this.#listeners) listener({ ...change, reloadRecommended }, before);
    // The reload waits for the vendors the runner told, if there is a runner; it needs none.
    if (reloadRecommended && this.#host.reloadOnRevoke) void Promise.resolve(this.#runner?.told()).then(() => location.reload());
  }

  /**
   * Expires the cookies the site declared for denied categories. Its own small chunk, fetched only
   * when there are some; what is denied is read again once it arrived, in case the choice changed.
   */
  #forgetDeclared(categories: ConsentCategories): void {
    if (!this.config.categories.some(({ id, cookies }) => cookies.length > 0 && !categories[id])) return;
    import('../dom/cookies.js').then((cookies) => cookies.forgetDeclared(this.config, this.state!.categories, this.#host.ownerDocument.defaultView ?? window), loadFailed);
  }

  #warnAboutStorage(kind: StorageKind | null): void {
    if (kind === null || kind === 'cookie' || kind === this.#warnedStorage) return;
    this.#warnedStorage = kind;
    report('warn', { code: kind === 'localStorage' ? 'storage-local' : 'storage-memory' });
  }
}
