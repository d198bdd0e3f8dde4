// Lit's reactive base without lit-html: the first load renders only the live region, and the banner
// builds its few nodes itself. The templated parts of the UI bring lit-html when they load.
import { css, type PropertyValues, ReactiveElement } from '@lit/reactive-element';
import type { ConsentAdapter } from '../core/adapter.js';
import { type ConfigError, type ConsentConfig, DEFAULT_CONFIG, parseConfig } from '../core/config.js';
import { CONSENT_DEFAULTS_KEY } from '../core/consent-defaults-settings.js';
import type { ConsentRecord } from '../core/record.js';
import type { StorageKind } from '../core/storage.js';
import type { AdapterRunner } from '../dom/adapter-runner.js';
import { type ConsentCategories, type ConsentChange, type ConsentState, ConsentStore, describeChange } from '../core/store.js';
import { createBrowserStorage } from '../dom/browser-storage.js';
import { isAloneInDocument, joinDocument, leaveDocument } from '../dom/connected-elements.js';
import { hasQueuedLogRecords } from '../dom/consent-log-storage.js';
import { ConsentGate } from '../dom/gating.js';
import { pageNonce, readGlobalPrivacyControl } from '../dom/page.js';
import { TabSync } from '../dom/tab-sync.js';
import { report } from '../diagnostics/report.js';
import { ConsentChangeEvent, ConsentReadyEvent } from '../events/consent-events.js';
import { ConsentUiHideEvent, ConsentUiRequestEvent, ConsentUiShowEvent } from '../events/ui-events.js';
import { defineElement } from './define-element.js';
import type * as Localization from '../l10n/localization.js';
import type * as ConsentLog from './consent-log.js';

/**
 * The parts of the UI, each a chunk loaded when first needed: the banner as soon as a visitor
 * has no choice (so returning visitors never download it), the preferences when opened, the
 * placeholders when the page has a blocked iframe.
 */
const UI_PARTS = {
  // `msg` is in a chunk of its own (the localization runtime shares it): fetched alongside, not after.
  banner: () => (void import('@lit/localize/init/install.js'), import('./banner.js')),
  preferences: () => import('./preferences-dialog.js'),
  placeholders: () => import('./placeholder.js'),
};
type UiParts = { [Name in keyof typeof UI_PARTS]: Awaited<ReturnType<(typeof UI_PARTS)[Name]>> };
/** Proof of consent (issue 13): loaded once a decision is to be logged, a notice is shown, or records wait in the queue. */
const loadConsentLog = (): Promise<typeof ConsentLog> => import('./consent-log.js');

const loadFailed = (error: unknown): void => report('error', { code: 'ui-load-failed', error });

/**
 * Whether two `config` values say the same. Frameworks that re-render with an inline object
 * assign a new but equal one each time, which must not restart the element.
 */
function sameConfig(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  try {
    const content = (value: unknown): string => JSON.stringify(typeof value === 'string' ? JSON.parse(value) : value);
    return content(a) === content(b);
  } catch {
    return false;
  }
}

/**
 * The localization module, once any element on the page has needed it. @lit/localize keeps one
 * language per page, so once it is loaded even English has to be set through it.
 */
let localization: Promise<typeof Localization> | undefined;

/** Where the banner sits: an edge (`bottom`, `top`, centred) or a corner, in the reading direction. */
export type BannerPosition = 'bottom-end' | 'bottom-start' | 'bottom' | 'top-end' | 'top-start' | 'top';

/**
 * Asks visitors for cookie consent, stores their choice, and runs the page's gated scripts and
 * media once their category is allowed.
 *
 * The configuration is read from a child `<script type="application/json">` or from the
 * `config` property. Gated markup anywhere in the document, including markup added later and
 * open shadow roots: `<script type="text/plain" data-consent="analytics">` (run only if the site
 * vouches for it: the element's `nonce` or `script-sources`), `data-src` on `iframe`, `img`,
 * `video`, `audio` and `source`, and `data-href` on `link`. One element per page: while there
 * are two, neither allows anything optional.
 *
 * The visitor's UI: a banner (first layer) while no choice is stored, and a preferences dialog
 * (second layer) opened from the banner, from any element with `data-consent-open`, or with
 * `showPreferences()`. It speaks the language of the element's `lang`, else the page's, else the
 * browser's, else the config's `language`; see the README for the 30 shipped languages.
 * With `headless` the element shows none of it: the site's own UI drives the JavaScript API.
 *
 * @customElement consent-manager
 *
 * @fires {ConsentReadyEvent} consent-ready - Once per page load, when the stored choice (or the defaults) is applied.
 * @fires {ConsentChangeEvent} consent-change - On every choice, reset, change from another tab, and Global Privacy Control override.
 * @fires {ConsentAdapterLoadEvent} consent-adapter-load - When a vendor script an adapter loaded has run.
 * @fires {ConsentAdapterErrorEvent} consent-adapter-error - When an adapter's vendor script failed to load, its options are invalid, or it threw.
 * @fires {ConsentUiShowEvent} consent-ui-show - When the banner or the preferences dialog appears; `detail.view` says which.
 * @fires {ConsentUiHideEvent} consent-ui-hide - When the banner or the preferences dialog goes away; `detail.view` says which.
 * @fires {ConsentUiRequestEvent} consent-ui-request - With `headless`, on `showBanner()`, `showPreferences()` and `data-consent-open` clicks instead of rendering: `detail.view` says which view the site should show, `detail.opener` what asked for the preferences.
 *
 * @csspart banner - The first layer: a labelled region, or a modal dialog when `blocking`.
 * @csspart title - The banner's title.
 * @csspart accept-all - The "Accept all" buttons (banner and preferences).
 * @csspart reject-all - The "Reject all" buttons (banner and preferences).
 * @csspart customize - The banner's button that opens the preferences.
 * @csspart preferences - The preferences `<dialog>`.
 * @csspart save - The preferences' "Save choices" button.
 * @csspart category - One category in the preferences: label, switch, description and cookies.
 * @csspart toggle - A category's switch (`<input type="checkbox" role="switch">`).
 * @csspart cookie-table - A category's table of cookies.
 *
 * @cssprop --consent-background - Background of the banner, dialog, placeholders and tables.
 * @cssprop --consent-color - Text colour.
 * @cssprop --consent-accent - Buttons, switches that are on, and the focus ring.
 * @cssprop --consent-on-accent - Text colour on the accent colour.
 * @cssprop --consent-border-color - Borders, table rules, and switches that are off.
 * @cssprop --consent-backdrop - What covers the page behind a modal (`blocking` banner, preferences).
 * @cssprop --consent-radius - Corner radius.
 * @cssprop --consent-font-family - Font family (default: the system font).
 * @cssprop --consent-font-size - Base font size.
 * @cssprop --consent-spacing - Padding and the banner's distance from the viewport edges.
 * @cssprop --consent-shadow - Shadow of the banner and the dialog.
 * @cssprop --consent-z-index - Stacking order of the banner.
 * @cssprop --consent-banner-width - Largest width of the `box` banner.
 * @cssprop --consent-dialog-width - Largest width of the preferences dialog.
 */
export class ConsentManagerElement extends ReactiveElement {
  /**
   * Registers the element. A name that is already taken gets a console warning instead of the
   * exception `customElements.define` throws, so two copies of the script on one page coexist.
   */
  static define(tagName = 'consent-manager', registry: CustomElementRegistry = customElements): boolean {
    return defineElement(tagName, this, registry);
  }

  // The rest of the styles come with the parts of the UI that use them.
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties = {
    config: { attribute: false },
    adapters: { attribute: false },
    reloadOnRevoke: { type: Boolean, attribute: 'reload-on-revoke' },
    layout: { reflect: true },
    position: { reflect: true },
    theme: { reflect: true },
    blocking: { type: Boolean, reflect: true },
    scriptSources: { attribute: 'script-sources' },
    headless: { type: Boolean, reflect: true },
  };

  /**
   * The configuration, as an object or a JSON string. When unset, the element reads its child
   * `<script type="application/json">`; with neither it uses the default categories.
   */
  declare config: unknown;

  /**
   * Vendor adapters given from code. Adapters the config names are appended once loaded, so that
   * each adapter's cookies are listed; add more with `el.adapters = [...el.adapters, mine]`.
   */
  declare adapters: readonly ConsentAdapter[];

  /**
   * Reloads the page after a withdrawal that a vendor script already running cannot follow, once
   * the vendor was told (`reloadRecommended` on `consent-change`).
   */
  declare reloadOnRevoke: boolean;
  /** The banner's shape: `box` (a card in a corner, the default) or `bar` (full width). */
  declare layout: 'box' | 'bar';

  /**
   * Where the banner sits: `bottom-end` (default), `bottom-start`, `bottom`, `top-end`,
   * `top-start` or `top`. Start and end follow the reading direction; a `bar` uses only top or bottom.
   */
  declare position: BannerPosition;

  /** `light` (default), `dark`, or `auto` to follow the visitor's `prefers-color-scheme`. */
  declare theme: 'light' | 'dark' | 'auto';

  /**
   * Makes the banner a modal dialog that blocks the page until the visitor chooses. Off by
   * default: the banner then leaves the page usable and never takes the focus.
   */
  declare blocking: boolean;

  /**
   * Where gated external scripts may be loaded from without the element's nonce, space-separated
   * like a CSP source list: origins (`https://cdn.example.com`), path prefixes ending in `/`,
   * script URLs, and `'self'`. Unset: the page's own origin, and only on pages without a nonce.
   * Markup alone never vouches for a script: see "Gating markup" in the README.
   */
  declare scriptSources: string | undefined;

  /**
   * For sites with their own consent UI: the element renders nothing and loads no UI chunk (no
   * banner, no preferences, no placeholders for blocked iframes). The site shows its banner while
   * `consent-ready` or `consent-change` say `decided: false`; `showBanner()`, `showPreferences()`
   * and `data-consent-open` clicks fire `consent-ui-request` instead of rendering. Everything else
   * works as without it. Set it before the element is added. See "Your own UI (headless)" in the README.
   */
  declare headless: boolean;

  /** Resolves with the applied state once the stored choice (or the defaults) is in effect. */
  readonly ready: Promise<ConsentState>;

  #resolveReady!: (state: ConsentState) => void;
  #store: ConsentStore | null = null;
  #gate: ConsentGate | null = null;
  #sync: TabSync | null = null;
  #startScheduled = false;
  /** The `config` value the running store was built from, to notice when it is replaced. */
  #appliedConfigInput: unknown = undefined;
  #warnedStorage: StorageKind | null = null;
  // Vendor adapters (issue 4): the runner is a lazy chunk, fetched only when the page has adapters or a data layer.
  #runner: AdapterRunner | undefined;
  /** The state on load, then the changes announced while the runner's chunk loads. */
  #runnerQueue: ConsentState[] | undefined;
  /** The language the UI shows once its texts are loaded; the UI waits while it is `undefined`. */
  #uiLanguage: string | undefined;
  /** The language tags wanted, most wanted first, last time they were read; `undefined` until some UI is needed. */
  #wantedLanguages: string | undefined;
  /** Resolves once the UI language's texts are in place. */
  #languageShown: Promise<unknown> | undefined;
  #languageObserver: MutationObserver | undefined;
  /** `true` after `showBanner()`, `false` after `hide()`; `undefined`: shown while undecided. */
  #bannerRequest: boolean | undefined;
  /**
   * Counts `showPreferences()` and `hide()` calls: the dialog opens, once its chunk has loaded,
   * only if no later call came in between, so that the last call wins.
   */
  #preferencesRequests = 0;
  /** The parts of the UI loaded so far, for code that cannot wait (`update()`, putting frames back). */
  readonly #parts: Partial<UiParts> = {};
  readonly #loading: Partial<Record<keyof UiParts, Promise<unknown>>> = {};
  /** Which views were on screen after the last update, to announce changes. */
  readonly #shown = { banner: false, preferences: false };
  /** The polite live region the non-blocking banner appears in, so that it announces itself. */
  #liveRegion: HTMLElement | undefined;
  /** Cookie tables and placeholders, told when what they show from this element changes. */
  readonly #watchers = new Set<() => void>();

  constructor() {
    super();
    this.adapters = [];
    this.reloadOnRevoke = false;
    this.layout = 'box';
    this.position = 'bottom-end';
    this.theme = 'light';
    this.blocking = false;
    this.headless = false;
    this.ready = new Promise((resolve) => {
      this.#resolveReady = resolve;
    });
  }

  /**
   * `{ [category id]: allowed }` for every configured category: a copy, so changing it changes
   * nothing. Empty until `ready` resolves, when nothing is allowed yet.
   */
  get consent(): ConsentCategories {
    return { ...this.#granted(this.#store?.state.categories ?? {}) };
  }

  /** Whether the visitor has a valid stored choice. */
  get decided(): boolean {
    return this.#store?.state.decided ?? false;
  }

  /** The stored record in effect, or `null` while undecided. */
  get record(): ConsentRecord | null {
    return this.#store?.state.record ?? null;
  }

  /** The configuration in effect after validation. */
  get effectiveConfig(): ConsentConfig {
    return this.#store?.config ?? DEFAULT_CONFIG;
  }

  /** The language the UI is shown in: one of the shipped languages (`en` until `ready`). */
  get language(): string {
    return this.#uiLanguage ?? 'en';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    joinDocument(this, () => this.#onElementsChanged());
    const doc = this.ownerDocument;
    doc.addEventListener('click', this.#onDocumentClick);
    // The language follows `lang` on this element or any ancestor, also when a page switches it.
    this.#languageObserver ??= new MutationObserver(() => this.#updateLanguage());
    this.#languageObserver.observe(doc.documentElement, { attributeFilter: ['lang'], subtree: true });
    if (this.#store) {
      this.#resume();
      return;
    }
    if (this.#startScheduled) return;
    this.#startScheduled = true;
    // A page holding no record at all (any record begins `v=1&id=`, whatever the cookie's name)
    // will most likely show the banner: fetch it while the stored state is worked out. It is only
    // rendered if the store agrees; a wrong guess costs one cached request.
    try {
      if (!this.headless && !this.ownerDocument.cookie.includes('=v=1&id=')) UI_PARTS.banner().catch(() => undefined);
    } catch {
      // Cookies are blocked (a sandboxed frame): the store finds out what to show, a moment later.
    }
    // Frameworks set properties right after creating the element; they are in place one microtask later.
    queueMicrotask(() => this.#startWhenConfigAvailable());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    leaveDocument(this);
    this.#gate?.stop();
    this.#sync?.stop();
    this.ownerDocument.removeEventListener('click', this.#onDocumentClick);
    this.#languageObserver?.disconnect();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('config') && this.#store && !sameConfig(this.config, this.#appliedConfigInput)) this.#reconfigure();
    if (changed.has('adapters') && this.#store) this.#startAdapters();
    if (changed.has('adapters') || changed.has('theme')) for (const watcher of this.#watchers) watcher();
    for (const dialog of this.renderRoot.querySelectorAll('dialog')) {
      if (!dialog.open) dialog.showModal();
    }
    for (const view of ['banner', 'preferences'] as const) {
      const shown = this.renderRoot.querySelector(`.${view}`) !== null;
      if (shown === this.#shown[view]) continue;
      this.#shown[view] = shown;
      this.dispatchEvent(shown ? new ConsentUiShowEvent({ view }) : new ConsentUiHideEvent({ view }));
    }
  }

  /** Whether every category in `category` (space-separated ids) is allowed. */
  isAllowed(category: string): boolean {
    const ids = category.split(/\s+/).filter(Boolean);
    return ids.length > 0 && ids.every((id) => this.#store?.isAllowed(id) === true && this.#grantable(id));
  }

  /** Allows every category and stores the choice. Before `ready`, applies once ready. */
  acceptAll(): void {
    this.#decide((store) => store.acceptAll('api'));
  }

  /** Denies every optional category and stores the choice. Before `ready`, applies once ready. */
  rejectAll(): void {
    this.#decide((store) => store.rejectAll('api'));
  }

  /**
   * Stores a choice, for instance `{ analytics: true, marketing: false }`. Categories left out
   * keep their current value; required categories stay on.
   */
  save(choice: Readonly<Record<string, boolean>>): void {
    // No prototype: an id such as `constructor` must not be found on Object.prototype.
    const accepted = Object.create(null) as Record<string, boolean>;
    const known = new Set(this.effectiveConfig.categories.map(({ id }) => id));
    for (const [id, allowed] of Object.entries(choice ?? {})) {
      if (typeof allowed !== 'boolean') report('error', { code: 'save-not-boolean', category: id });
      else if (this.#store && !known.has(id)) report('error', { code: 'save-unknown-category', category: id });
      else accepted[id] = allowed;
    }
    this.#decide((store) => store.decide(accepted, 'api'));
  }

  /** Forgets the stored choice; optional categories return to their defaults and the visitor is asked again. */
  reset(): void {
    this.#decide((store) => store.reset());
  }

  /**
   * Gates the markup inside `root` as well: a closed shadow root, or an open one its component
   * attaches after being added to the page. Open roots present when their host is added, or
   * attached when their custom element is defined, are gated without it.
   */
  observe(root: ShadowRoot): void {
    this.#gate ??= this.#createGate();
    this.#gate.observe(root);
  }

  /** Shows the banner, also to a visitor who has already chosen. */
  showBanner(): void {
    if (this.headless) return void this.dispatchEvent(new ConsentUiRequestEvent({ view: 'banner' }));
    this.#bannerRequest = true;
    this.requestUpdate();
  }

  /**
   * Opens the preferences dialog (loading it first, the first time). When it closes, the focus
   * goes back to where it was. Any element with `data-consent-open` does the same when clicked.
   */
  showPreferences(): void {
    let active = this.ownerDocument.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    this.#openPreferences(active);
  }

  /**
   * Hides the banner and closes the preferences, without deciding anything. A `showPreferences()`
   * still loading its dialog is cancelled: of the two, the last call wins.
   */
  hide(): void {
    this.#bannerRequest = false;
    this.#preferencesRequests++;
    this.#parts.preferences?.closePreferences(this);
    this.requestUpdate();
  }

  #startWhenConfigAvailable(): void {
    const doc = this.ownerDocument;
    // A script defining the element early can upgrade it before its JSON child is parsed, or
    // before a second <consent-manager> later in the page is (see #onElementsChanged): it
    // starts once the whole page is parsed.
    if (doc.readyState === 'loading') {
      doc.addEventListener('DOMContentLoaded', () => this.#start(), { once: true });
    } else {
      this.#start();
    }
  }

  #start(): void {
    try {
      const state = this.#build();
      this.#resolveReady(state);
      this.dispatchEvent(new ConsentReadyEvent({ categories: this.#granted(state.categories), decided: state.decided, record: state.record, gpc: state.gpc }));
    } catch (error) {
      // Nothing here is expected to throw; if it does, the page goes on with nothing optional allowed.
      report('error', { code: 'start-failed', error });
      this.#resolveReady(Object.freeze({ categories: {}, decided: false, record: null, gpc: false }));
    }
  }

  /** Builds the store, the gate and tab sync from the current configuration and applies the stored state. */
  #build(): ConsentState {
    const input = this.config;
    const { config, errors } = this.#readConfig();
    if (errors.length > 0) report('error', { code: 'config', errors });
    const win = this.ownerDocument.defaultView ?? window;
    const store = new ConsentStore({
      config,
      storage: createBrowserStorage(config.storage, win),
      gpc: readGlobalPrivacyControl(win.navigator),
      // The visitor's own tag until the UI, if it shows, settles on a shipped language.
      language: this.#languageTags(config)[0]!,
      safeMode: errors.length > 0,
    });
    const { state, gpcChange } = store.load();
    this.#store = store;
    this.#appliedConfigInput = input;
    // Kept across a config change: it knows which gated scripts already ran (they cannot be
    // unloaded, so withdrawing their category still recommends a reload) and which frames loaded.
    this.#gate ??= this.#createGate();
    this.#gate.start(this.#granted(state.categories));
    this.#sync = new TabSync(config.storage.cookieName, () => this.#applyRemoteChange(), win);
    this.#sync.start();
    this.#startAdapters();
    if (state.decided) this.#forgetDeclared(state.categories);
    this.#updateLanguage();
    this.requestUpdate();
    // The change event for a GPC override follows the ready event, after listeners have the initial state.
    if (gpcChange) queueMicrotask(() => this.#announce(gpcChange));
    if (config.consentLog && (gpcChange || hasQueuedLogRecords(win, config.storage.cookieName))) this.#log((log) => log.start(this, gpcChange));
    return store.state;
  }

  #createGate(): ConsentGate {
    return new ConsentGate(this.ownerDocument, {
      nonce: () => pageNonce(this),
      scriptSources: () => this.scriptSources?.split(/\s+/).filter(Boolean),
      warn: (diagnostic) => report('warn', diagnostic),
      onFrame: (frame, allowed) => this.#onFrame(frame, allowed),
    });
  }

  /** Whether this element may allow optional categories: not while another one is on the page. */
  #alone = true;

  /** Whether `id` may be allowed at all: required categories always, others while the element is alone. */
  #grantable(id: string): boolean {
    return this.#alone || this.effectiveConfig.categories.some((category) => category.id === id && category.required);
  }

  /** `categories` as this element may apply them: nothing optional while it is not alone on the page. */
  #granted(categories: ConsentCategories): ConsentCategories {
    if (this.#alone) return categories;
    return Object.fromEntries(Object.entries(categories).map(([id, allowed]) => [id, allowed && this.#grantable(id)]));
  }

  /** Another element came or went: what this one allows may change with it. */
  #onElementsChanged(): void {
    const alone = isAloneInDocument(this);
    if (alone === this.#alone) return;
    const state = this.#store?.state;
    const before = state && { ...state, categories: this.#granted(state.categories) };
    this.#alone = alone;
    if (state && before) this.#announce(describeChange(this.effectiveConfig, before, { ...state, categories: this.#granted(state.categories) }, 'api'), false);
  }

  #readConfig(): { config: ConsentConfig; errors: readonly ConfigError[] } {
    let input = this.config;
    let source = 'config property';
    if (input === undefined) {
      const script = this.#configScript();
      if (!script) return parseConfig(undefined);
      input = script.text;
      source = 'JSON config script';
    }
    if (typeof input === 'string') {
      try {
        input = JSON.parse(input);
      } catch (error) {
        return { config: DEFAULT_CONFIG, errors: [{ path: `(${source})`, problem: 'json', got: error instanceof Error ? error.message : 'parse error' }] };
      }
    }
    return parseConfig(input);
  }

  #configScript(): HTMLScriptElement | null {
    return this.querySelector(':scope > script[type="application/json"]');
  }

  /**
   * Shows the UI in the language wanted: the `lang` of the element (or an ancestor), else the
   * page's, else the browser's, else the config's. English needs nothing more; any other tag
   * loads the localization module, which picks the best shipped language and its texts. Nothing
   * is loaded for a visitor who sees no UI.
   */
  #languageTags(config: ConsentConfig): string[] {
    const doc = this.ownerDocument;
    return [this.closest('[lang]')?.getAttribute('lang'), doc.documentElement.lang, ...(doc.defaultView?.navigator.languages ?? []), config.language].filter(Boolean) as string[];
  }

  #updateLanguage(): void {
    const store = this.#store;
    if (!store || this.#wantedLanguages === undefined) return;
    const tags = this.#languageTags(store.config);
    const wanted = tags.join();
    if (wanted === this.#wantedLanguages) return;
    this.#wantedLanguages = wanted;
    const show = (language: string): void => {
      if (this.#wantedLanguages !== wanted) return;
      this.#uiLanguage = store.language = language;
      this.requestUpdate();
    };
    this.#languageShown =
      /^en\b/i.test(tags[0]!) && !localization
        ? Promise.resolve(show('en'))
        : (localization ??= import('../l10n/localization.js')).then((l10n) => l10n.useLanguage(tags)).then(show, (error: unknown) => {
            report('warn', { code: 'language-failed', language: tags[0]!, error });
            // The UI still shows, in the language that is loaded.
            this.#uiLanguage ??= 'en';
            this.requestUpdate();
          });
  }

  /**
   * Calls `watcher` whenever the adapters (and so the cookies they declare) or the theme change,
   * until the returned function is called. For `<consent-cookie-table>` and the placeholders.
   * @internal
   */
  _watch(watcher: () => void): () => void {
    this.#watchers.add(watcher);
    return () => this.#watchers.delete(watcher);
  }

  /**
   * Called by the parts of the UI (and `<consent-cookie-table>`) when they are about to show:
   * the language is decided, and its texts loaded, only from then on.
   * @internal
   */
  _needLanguage(): Promise<unknown> {
    this.#wantedLanguages ??= '';
    this.#updateLanguage();
    return this.#languageShown ?? Promise.resolve();
  }

  #reconfigure(): void {
    const before = this.#store?.state;
    this.#gate?.stop();
    this.#sync?.stop();
    const after = this.#build();
    if (before) this.#announce(describeChange(this.effectiveConfig, before, after, 'api'), false);
  }

  #resume(): void {
    const state = this.#store?.state;
    if (!state) return;
    this.#gate?.start(this.#granted(state.categories));
    this.#sync?.start();
    this.#applyRemoteChange();
  }

  #applyRemoteChange(): void {
    const change = this.#store?.refresh();
    if (change) this.#announce(change, false);
  }

  #decide(operation: (store: ConsentStore) => ConsentChange): void {
    const store = this.#store;
    if (!store) {
      void this.ready.then(() => this.#decide(operation));
      return;
    }
    const before = store.state.record;
    const change = operation(store);
    this.#announce(change, true);
    this.#warnAboutStorage(store.storageKind);
    this.#log((log) => log.logDecision(this, change, before));
  }

  /** Runs `use` with the consent log module when the config names a log. Its functions never throw. */
  #log(use: (log: typeof ConsentLog) => void): void {
    if (this.effectiveConfig.consentLog) loadConsentLog().then(use, loadFailed);
  }

  #startAdapters(): void {
    void this.#runner?.start();
    const config = this.effectiveConfig;
    if (this.#runnerQueue || !(config.adapters || config.dataLayer || this.adapters.length || this.reloadOnRevoke || Object.hasOwn(window, 'dataLayer') || Object.hasOwn(window, CONSENT_DEFAULTS_KEY))) return;
    const state = this.#store!.state;
    const queue = (this.#runnerQueue = [{ ...state, categories: this.#granted(state.categories) }]);
    void import('../dom/adapter-runner.js').then(({ AdapterRunner }) => (this.#runner = new AdapterRunner(this, queue)).start());
  }

  #announce(stored: ConsentChange, broadcast = true): void {
    const gate = this.#gate;
    // What the store holds is announced to other tabs; what this element may allow, to the page.
    const change: ConsentChange = this.#alone ? stored : { ...stored, categories: this.#granted(stored.categories) };
    // After any change the banner is shown again exactly when there is no choice.
    this.#bannerRequest = undefined;
    let reloadRecommended = false;
    if (this.#runner) reloadRecommended = this.#runner.update(change);
    else this.#runnerQueue?.push(change);
    reloadRecommended ||= change.changed.some((id) => !change.categories[id] && gate?.hasRun(id) === true);
    gate?.update(change.categories);
    this.#forgetDeclared(change.categories);
    if (broadcast) this.#sync?.announce();
    this.requestUpdate();
    this.dispatchEvent(
      new ConsentChangeEvent({
        categories: change.categories,
        decided: change.decided,
        record: change.record,
        gpc: change.gpc,
        changed: change.changed,
        source: change.source,
        reloadRecommended,
      }),
    );
    if (reloadRecommended && this.reloadOnRevoke) this.#runner?.reloadWhenTold();
  }

  /**
   * Expires the cookies the site declared for denied categories. Its own small chunk, fetched only
   * when there are some; what is denied is read again once it arrived, in case the choice changed.
   */
  #forgetDeclared(categories: ConsentCategories): void {
    if (!this.effectiveConfig.categories.some(({ id, cookies }) => cookies.length > 0 && !categories[id])) return;
    import('../dom/cookies.js').then((cookies) => cookies.forgetDeclared(this.effectiveConfig, this.consent, this.ownerDocument.defaultView ?? window), loadFailed);
  }

  #warnAboutStorage(kind: StorageKind | null): void {
    if (kind === null || kind === 'cookie' || kind === this.#warnedStorage) return;
    this.#warnedStorage = kind;
    report('warn', { code: kind === 'localStorage' ? 'storage-local' : 'storage-memory' });
  }

  /** Loads a part of the UI once, then renders again. */
  #load<Name extends keyof UiParts>(name: Name): Promise<UiParts[Name]> {
    void this._needLanguage();
    // A decision may follow at once, and then a navigation: the log is made ready to send before it.
    this.#log((log) => log.prepareNotice(this));
    return (this.#loading[name] ??= (UI_PARTS[name] as () => Promise<UiParts[Name]>)().then((part) => {
      this.#parts[name] = part;
      this.requestUpdate();
      return part;
    })) as Promise<UiParts[Name]>;
  }

  #openPreferences(opener: Element | null): void {
    if (this.headless) return void this.dispatchEvent(new ConsentUiRequestEvent({ view: 'preferences', opener }));
    const request = ++this.#preferencesRequests;
    this.#load('preferences').then((part) => request === this.#preferencesRequests && part.openPreferences(this, opener), loadFailed);
  }

  #onDocumentClick = (event: Event): void => {
    const opener = event.composedPath().find((target) => target instanceof Element && target.hasAttribute('data-consent-open'));
    if (!opener) return;
    event.preventDefault();
    this.#openPreferences(opener as Element);
  };

  /** Stands a placeholder in for a blocked iframe, or takes it away just before the frame loads. */
  #onFrame(frame: HTMLIFrameElement, allowed: boolean): void {
    const placeholders = this.#parts.placeholders;
    if (placeholders) placeholders.updatePlaceholder(frame, allowed, this);
    // Consent may have come while the module loaded.
    else if (!allowed && !this.headless)
      Promise.all([this.#load('placeholders'), this._needLanguage()]).then(([part]) => part.updatePlaceholder(frame, this.isAllowed(frame.getAttribute('data-consent') ?? ''), this), loadFailed);
  }

  /**
   * Records a choice made in the UI, with the part of the UI it was made in (`save()` and
   * friends record `api`). For the lazily loaded parts of the UI.
   * @internal
   */
  _choose(method: 'banner' | 'preferences' | 'placeholder', choice: Readonly<Record<string, boolean>> | boolean): void {
    this.#decide((store) => (choice === true ? store.acceptAll(method) : choice === false ? store.rejectAll(method) : store.decide(choice, method)));
  }

  protected override willUpdate(): void {
    const state = this.#store?.state;
    // The banner (and the language it speaks) loads when a visitor is to see it, and renders once there.
    if (state && !this.headless && (this.#bannerRequest ?? !state.decided)) this.#load('banner').catch(loadFailed);
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    const root = this.renderRoot;
    // A shadow root the server rendered (Declarative Shadow DOM) brings its live region.
    if (!this.#liveRegion && !(this.#liveRegion = root.querySelector<HTMLElement>(':scope > [aria-live]') ?? undefined)) {
      this.#liveRegion = this.ownerDocument.createElement('div');
      this.#liveRegion.setAttribute('aria-live', 'polite');
      root.append(this.#liveRegion);
    }
    const state = this.#store?.state;
    const language = this.#uiLanguage;
    const gpc = state?.gpc === true && this.effectiveConfig.gpcDenies.length > 0;
    const showBanner = state !== undefined && language !== undefined && (this.#bannerRequest ?? !state.decided);
    this.#parts.banner?.updateBanner(this, this.#liveRegion, showBanner ? { language, gpc } : null);
    // A server-rendered banner waits for the banner part to adopt it, unless no banner is due.
    if (state && (this.headless || !(this.#bannerRequest ?? !state.decided))) root.querySelector('.banner')?.remove();
    if (language) this.#parts.preferences?.updatePreferences(this, language, gpc);
  }
}
