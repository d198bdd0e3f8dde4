// Lit's reactive base without lit-html: the first load renders only the live region, and the banner
// builds its few nodes itself. The templated parts of the UI bring lit-html when they load.
import { css, type PropertyValues, ReactiveElement } from '@lit/reactive-element';
import type { ConsentAdapter } from '../core/adapter.js';
import { type ConfigError, type ConsentConfig, DEFAULT_CONFIG, parseConfig } from '../core/config.js';
import type { ConsentRecord } from '../core/record.js';
import type { ConsentCategories, ConsentState } from '../core/store.js';
import { isAloneInDocument, joinDocument, leaveDocument } from '../dom/connected-elements.js';
import { hasQueuedLogRecords } from '../dom/consent-log-storage.js';
import { report, reportLoadFailure as loadFailed } from '../diagnostics/report.js';
import { ConsentSession } from '../session/consent-session.js';
import { ConsentChangeEvent, ConsentReadyEvent } from '../events/consent-events.js';
import { ConsentUiHideEvent, ConsentUiRequestEvent, ConsentUiShowEvent } from '../events/ui-events.js';
import { defineElement } from './define-element.js';
import { cookieHoldsRecord, loadBannerPart } from './banner-part.js';
import { type PartHost, partHosts } from './part-host.js';
import type * as Localization from '../l10n/localization.js';
import type * as ConsentLog from './consent-log.js';

/**
 * The parts of the UI, each a chunk loaded when first needed: the banner as soon as a visitor
 * has no choice (so returning visitors never download it), the preferences when opened, the
 * placeholders when the page has a blocked iframe.
 */
const UI_PARTS = {
  banner: loadBannerPart,
  preferences: () => import('./preferences-dialog.js'),
  placeholders: () => import('./placeholder.js'),
};
type UiParts = { [Name in keyof typeof UI_PARTS]: Awaited<ReturnType<(typeof UI_PARTS)[Name]>> };
/** Proof of consent (issue 13): loaded once a decision is to be logged, a notice is shown, or records wait in the queue. */
const loadConsentLog = (): Promise<typeof ConsentLog> => import('./consent-log.js');


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
 * @csspart partners - The banner's partner sentence: a paragraph, or a `<details>` whose summary opens the full list.
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
    adapters: { attribute: false, noAccessor: true },
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
   * Vendor adapters given from code, followed by those the config names once loaded, so that each
   * adapter's cookies are listed; add more with `el.adapters = [...el.adapters, mine]`.
   */
  get adapters(): readonly ConsentAdapter[] {
    return this.#session.adapters;
  }

  set adapters(adapters: readonly ConsentAdapter[]) {
    this.#session.adapters = adapters;
    this.requestUpdate('adapters');
  }

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
  /** The consent logic: store, gate, tab sync, adapters. */
  readonly #session = new ConsentSession(
    this,
    (frame, allowed) => this.#onFrame(frame, allowed),
    () => this.requestUpdate('adapters'),
  );
  #started = false;
  #startScheduled = false;
  /** The `config` value the running store was built from, to notice when it is replaced. */
  #appliedConfigInput: unknown = undefined;
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
  /** What the parts may ask of this element beyond its public API (see part-host.ts). */
  readonly #host: PartHost = {
    element: this,
    needLanguage: () => {
      this.#wantedLanguages ??= '';
      this.#updateLanguage();
      return this.#languageShown ?? Promise.resolve();
    },
  };

  constructor() {
    super();
    this.reloadOnRevoke = false;
    this.layout = 'box';
    this.position = 'bottom-end';
    this.theme = 'light';
    this.blocking = false;
    this.headless = false;
    this.ready = new Promise((resolve) => {
      this.#resolveReady = resolve;
    });
    partHosts.set(this, this.#host);
    // A change from the session: shown, announced, and logged when it is a decision.
    this.#session.subscribe((change, before) => {
      // After any change the banner is shown again exactly when there is no choice.
      this.#bannerRequest = undefined;
      this.requestUpdate();
      // A copy: the log reads `change` later, whatever a listener does to the event's detail.
      this.dispatchEvent(new ConsentChangeEvent({ ...change }));
      if (before !== undefined) this.#log((log) => log.logDecision(this.#host, change, before));
    });
  }

  /**
   * `{ [category id]: allowed }` for every configured category: a copy, so changing it changes
   * nothing. Empty until `ready` resolves, when nothing is allowed yet.
   */
  get consent(): ConsentCategories {
    return { ...this.#session.state?.categories };
  }

  /** Whether the visitor has a valid stored choice. */
  get decided(): boolean {
    return this.#session.state?.decided ?? false;
  }

  /** The stored record in effect, or `null` while undecided. */
  get record(): ConsentRecord | null {
    return this.#session.state?.record ?? null;
  }

  /** The configuration in effect after validation. */
  get effectiveConfig(): ConsentConfig {
    return this.#session.config;
  }

  /** The language the UI is shown in: one of the shipped languages (`en` until `ready`). */
  get language(): string {
    return this.#uiLanguage ?? 'en';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Another element came or went: what this one allows may change with it.
    joinDocument(this, () => this.#session.setAlone(isAloneInDocument(this)));
    const doc = this.ownerDocument;
    doc.addEventListener('click', this.#onDocumentClick);
    // The language follows `lang` on this element or any ancestor, also when a page switches it.
    this.#languageObserver ??= new MutationObserver(() => this.#updateLanguage());
    this.#languageObserver.observe(doc.documentElement, { attributeFilter: ['lang'], subtree: true });
    if (this.#started) {
      this.#session.resume();
      return;
    }
    if (this.#startScheduled) return;
    this.#startScheduled = true;
    // A page holding no record will most likely show the banner: fetch it while the stored state
    // is worked out. It is only rendered if the store agrees.
    if (!this.headless && !cookieHoldsRecord(this.ownerDocument)) UI_PARTS.banner().catch(() => undefined);
    // Frameworks set properties right after creating the element; they are in place one microtask later.
    queueMicrotask(() => this.#startWhenConfigAvailable());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    leaveDocument(this);
    this.#session.pause();
    this.ownerDocument.removeEventListener('click', this.#onDocumentClick);
    this.#languageObserver?.disconnect();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('config') && this.#started && !sameConfig(this.config, this.#appliedConfigInput)) this.#build();
    if (changed.has('adapters')) this.#session.startAdapters();
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
    return this.#session.isAllowed(category);
  }

  /** Allows every category and stores the choice. Before `ready`, applies once ready. */
  acceptAll(): void {
    this.#session.decide('api', true);
  }

  /** Denies every optional category and stores the choice. Before `ready`, applies once ready. */
  rejectAll(): void {
    this.#session.decide('api', false);
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
      else if (this.#started && !known.has(id)) report('error', { code: 'save-unknown-category', category: id });
      else accepted[id] = allowed;
    }
    this.#session.decide('api', accepted);
  }

  /** Forgets the stored choice; optional categories return to their defaults and the visitor is asked again. */
  reset(): void {
    this.#session.decide('api', null);
  }

  /**
   * Gates the markup inside `root` as well: a closed shadow root, or an open one its component
   * attaches after being added to the page. Open roots present when their host is added, or
   * attached when their custom element is defined, are gated without it.
   */
  observe(root: ShadowRoot): void {
    this.#session.observe(root);
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
      this.dispatchEvent(new ConsentReadyEvent({ ...this.#session.state! }));
    } catch (error) {
      // Nothing here is expected to throw; if it does, the page goes on with nothing optional allowed.
      report('error', { code: 'start-failed', error });
      this.#resolveReady(Object.freeze({ categories: {}, decided: false, record: null, gpc: false }));
    }
  }

  /** Starts the session (again, after a config change) from the current configuration. */
  #build(): ConsentState {
    const input = this.config;
    const { config, errors } = this.#readConfig();
    if (errors.length > 0) report('error', { code: 'config', errors });
    // The visitor's own tag until the UI, if it shows, settles on a shipped language.
    const { state, gpcChange } = this.#session.start(config, this.#languageTags(config)[0]!, errors.length > 0);
    this.#started = true;
    this.#appliedConfigInput = input;
    this.#updateLanguage();
    this.requestUpdate();
    if (config.consentLog && (gpcChange || hasQueuedLogRecords(this.ownerDocument.defaultView ?? window, config.storage.cookieName))) this.#log((log) => log.start(this.#host, gpcChange));
    return state;
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
    if (!this.#started || this.#wantedLanguages === undefined) return;
    const tags = this.#languageTags(this.effectiveConfig);
    const wanted = tags.join();
    if (wanted === this.#wantedLanguages) return;
    this.#wantedLanguages = wanted;
    const show = (language: string): void => {
      if (this.#wantedLanguages !== wanted) return;
      this.#uiLanguage = this.#session.language = language;
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

  /** Runs `use` with the consent log module when the config names a log. Its functions never throw. */
  #log(use: (log: typeof ConsentLog) => void): void {
    if (this.effectiveConfig.consentLog) loadConsentLog().then(use, loadFailed);
  }

  /** Loads a part of the UI once, then renders again. */
  #load<Name extends keyof UiParts>(name: Name): Promise<UiParts[Name]> {
    void this.#host.needLanguage();
    // A decision may follow at once, and then a navigation: the log is made ready to send before it.
    this.#log((log) => log.prepareNotice(this.#host));
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
    if (placeholders) placeholders.updatePlaceholder(frame, allowed, this.#host, this.#session);
    // Consent may have come while the module loaded.
    else if (!allowed && !this.headless)
      Promise.all([this.#load('placeholders'), this.#host.needLanguage()]).then(() => this.#onFrame(frame, this.isAllowed(frame.getAttribute('data-consent') ?? '')), loadFailed);
  }


  protected override willUpdate(): void {
    const state = this.#session.state;
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
    const state = this.#session.state;
    const language = this.#uiLanguage;
    const gpc = state?.gpc === true && this.effectiveConfig.gpcDenies.length > 0;
    const showBanner = state !== undefined && language !== undefined && (this.#bannerRequest ?? !state.decided);
    this.#parts.banner?.updateBanner(this, this.#liveRegion, showBanner ? { language, gpc, recorder: this.#session } : null);
    // A server-rendered banner waits for the banner part to adopt it, unless no banner is due.
    if (state && (this.headless || !(this.#bannerRequest ?? !state.decided))) root.querySelector('.banner')?.remove();
    if (language) this.#parts.preferences?.updatePreferences(this, language, gpc, this.#session);
  }
}
