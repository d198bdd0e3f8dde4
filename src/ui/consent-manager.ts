// Lit's reactive base without lit-html: the first load renders only the live region, and the banner
// builds its few nodes itself. The templated parts of the UI bring lit-html when they load.
import { css, type PropertyValues, ReactiveElement } from '@lit/reactive-element';
import type { ConsentAdapter } from '../core/adapter.js';
import type { ConsentConfig } from '../core/config.js';
import type { ConsentRecord } from '../core/record.js';
import type { ConsentCategories, ConsentState } from '../core/store.js';
import { hasQueuedLogRecords } from '../dom/consent-log-storage.js';
import { report, reportLoadFailure as loadFailed } from '../diagnostics/report.js';
import { ConsentSession } from '../session/consent-session.js';
import { ConsentUiHideEvent, ConsentUiRequestEvent, ConsentUiShowEvent } from '../events/ui-events.js';
import { defineElement } from './define-element.js';
import { cookieHoldsRecord } from './banner-part.js';
import type { ShownBanner } from './banner.js';
import { type LanguageController, languageController } from './controllers/language-controller.js';
import { type SessionController, sessionController } from './controllers/session-controller.js';
import { type UiPartsController, uiPartsController } from './controllers/ui-parts-controller.js';
import { type PartHost, partHosts } from './part-host.js';
import type * as ConsentLog from './consent-log.js';

/** How many keys `save()` ignores with an error each; the rest go unsaid. */
const SAVE_ERRORS_SHOWN = 10;

/** Proof of consent (issue 13): loaded once a decision is to be logged, a notice is shown, or records wait in the queue. */
const loadConsentLog = (): Promise<typeof ConsentLog> => import('./consent-log.js').then((module) => (consentLog = module));
/** Whether the page was told that the log's chunk did not load: once is enough, as every later decision would say it again. */
let consentLogUnavailable = false;
const logUnavailable = (error: unknown): void => void (consentLogUnavailable || ((consentLogUnavailable = true), report('error', { code: 'consent-log-unavailable', error })));
/**
 * The consent log module once loaded. A decision is handed to it in the click's own task: even a
 * resolved `import()` settles a task later in Chromium, and a navigation right after the click
 * would cancel the record's request before it started.
 */
let consentLog: typeof ConsentLog | undefined;

/**
 * What the element shows: nothing, the banner, or the preferences dialog, which puts the focus
 * back on its `opener` when it closes and shows over the banner when `banner` is set (`undefined`:
 * opened before the start, when the stored choice decides).
 */
type View = { readonly view: 'none' } | { readonly view: 'banner' } | { readonly view: 'preferences'; readonly opener: Element | null; readonly banner: boolean | undefined };

const NONE: View = { view: 'none' };
const BANNER: View = { view: 'banner' };

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
 * @attr showing - Set by the element, not the site: `banner`, `preferences` or both (space-separated) while they show, absent otherwise, so that tools watching the page's DOM see them appear.
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

  /** The consent logic: store, gate, tab sync, adapters. Never handed out: it records choices in any part's name. */
  readonly #session: ConsentSession = new ConsentSession(
    this,
    (frame, allowed) => this.#onFrame(frame, allowed),
    () => this.requestUpdate('adapters'),
  );
  readonly #language: LanguageController = languageController(this, this.#session);
  readonly #sessionController: SessionController = sessionController(
    this,
    this.#session,
    this.#language,
    (state, gpcChange) => {
      const view = this.#view;
      // Preferences opened before the start show over the banner if it is due.
      this.#view = view?.view === 'preferences' ? { ...view, banner: view.banner ?? !state.decided } : (view ?? (state.decided || this.headless ? NONE : BANNER));
      // A headless page has no banner to ready the log before a decision (see consent-log.ts start()).
      // Pages without a log never touch localStorage here: this runs on every page load.
      if (this.effectiveConfig.consentLog && (gpcChange || (this.headless && !state.decided) || hasQueuedLogRecords(this.ownerDocument.defaultView ?? window, this.effectiveConfig.storage.cookieName)))
        this.#log((log) => log.start(this.#host, gpcChange));
    },
    (change, before) => {
      // After any change the banner shows exactly when there is no choice.
      this.#showBanner(!change.decided);
      if (before !== undefined) this.#log((log) => log.logDecision(this.#host, change, before));
    },
  );
  readonly #parts: UiPartsController = uiPartsController(
    this,
    () => !this.headless && !cookieHoldsRecord(this.ownerDocument),
    () => {
      void this.#language.need();
      // A decision may follow at once, and then a navigation: the part shows once the log is ready to send in the click's task.
      return this.#log((log) => log.prepareNotice(this.#host));
    },
  );
  /** What is on screen; `undefined` until the start (or a call before it), when the stored choice decides. */
  #view: View | undefined;
  #banner: ShownBanner | undefined;
  /** A banner the server rendered into the shadow root (Declarative Shadow DOM), there at the first update until the banner part adopts or removes it. */
  #servedBanner: HTMLElement | null = null;
  /**
   * The nodes a server wrote into the shadow root, as the first update found them. Once the
   * banner shows as the element's own (adopted or replaced) or none is due, all of them but the
   * live region and that banner go, and all else in the live region: the element's own styles are
   * adopted by then, and whatever else is there was not written by renderConsentManager (SECURITY.md 13).
   */
  #servedNodes: ChildNode[] = [];
  /** The stylesheets the script tag's first layer painted its banner with: they go with the served nodes. */
  #servedSheets: CSSStyleSheet[] = [];
  #preferencesPlace: HTMLElement | undefined;
  /** Which views were on screen after the last update, to announce changes. */
  readonly #announced = { banner: false, preferences: false };
  /** The polite live region the non-blocking banner appears in, so that it announces itself. */
  #liveRegion: HTMLElement | undefined;
  /** What the parts may ask of this element beyond its public API (see part-host.ts). */
  readonly #host: PartHost = { element: this, needLanguage: () => this.#language.need() };

  constructor() {
    super();
    this.reloadOnRevoke = false;
    this.layout = 'box';
    this.position = 'bottom-end';
    this.theme = 'light';
    this.blocking = false;
    this.headless = false;
    this.ready = this.#sessionController.ready;
    partHosts.set(this, this.#host);
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
    return this.#language.language ?? 'en';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.ownerDocument.addEventListener('click', this.#onDocumentClick);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.ownerDocument.removeEventListener('click', this.#onDocumentClick);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('adapters')) this.#session.startAdapters();
    for (const dialog of this.renderRoot.querySelectorAll('dialog')) {
      if (!dialog.open) dialog.showModal();
    }
    const now = { banner: this.#banner !== undefined || this.#servedBanner?.isConnected === true, preferences: this.#view?.view === 'preferences' && this.#preferencesPlace !== undefined && this.#context() !== undefined };
    // In the page's own DOM too: tools that watch it for a banner (autoconsent waits for a
    // mutation there between tries) see no change inside the shadow root. Checked on every
    // update, so that a `showing` written in the markup never outlives the first one.
    const showing = (['banner', 'preferences'] as const).filter((shown) => now[shown]).join(' ');
    if (this.getAttribute('showing') !== (showing || null)) {
      if (showing) this.setAttribute('showing', showing);
      else this.removeAttribute('showing');
    }
    for (const view of ['banner', 'preferences'] as const) {
      if (now[view] === this.#announced[view]) continue;
      this.#announced[view] = now[view];
      this.dispatchEvent(now[view] ? new ConsentUiShowEvent({ view }) : new ConsentUiHideEvent({ view }));
    }
  }
  /** Whether every category in `category` (space-separated ids) is allowed. */
  isAllowed(category: string): boolean {
    // An untyped caller's number or object names no category.
    return typeof category === 'string' && this.#session.isAllowed(category);
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
    // One error per ignored key, up to a few: a huge object must not flood the console.
    let reported = 0;
    const ignore = (diagnostic: Parameters<typeof report>[1]): void => void (reported++ < SAVE_ERRORS_SHOWN && report('error', diagnostic));
    for (const [id, allowed] of Object.entries(choice ?? {})) {
      if (typeof allowed !== 'boolean') ignore({ code: 'save-not-boolean', category: id });
      else if (this.#session.state && !known.has(id)) ignore({ code: 'save-unknown-category', category: id });
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
    this.#showBanner(true);
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
    this.#setView(NONE);
  }

  /** Moves to `next`; leaving the preferences closes them at once and puts the focus back on their opener. */
  #setView(next: View): void {
    const previous = this.#view;
    this.#view = next;
    this.requestUpdate();
    if (previous?.view === 'preferences' && next.view !== 'preferences') this.#renderPreferences(previous.opener);
  }

  /** Shows or hides the banner, under the preferences if they are open. */
  #showBanner(banner: boolean): void {
    const view = this.#view;
    if (view?.view === 'preferences') this.#view = { ...view, banner };
    else if (!this.headless) this.#view = banner ? BANNER : NONE;
    this.requestUpdate();
  }

  #openPreferences(opener: Element | null): void {
    if (this.headless) return void this.dispatchEvent(new ConsentUiRequestEvent({ view: 'preferences', opener }));
    const view = this.#view;
    // Opened again while open: the focus still goes back to the first opener.
    if (view?.view !== 'preferences') this.#setView({ view: 'preferences', opener, banner: view ? view.view === 'banner' : undefined });
    this.#parts.load('preferences').catch(loadFailed);
  }

  #closePreferences = (): void => {
    const view = this.#view;
    if (view?.view === 'preferences') this.#setView(view.banner ? BANNER : NONE);
  };

  #onDocumentClick = (event: Event): void => {
    const opener = event.composedPath().find((target) => target instanceof Element && target.hasAttribute('data-consent-open'));
    if (!opener) return;
    event.preventDefault();
    this.#openPreferences(opener as Element);
  };

  /**
   * Runs `use` with the consent log module when the config names a log, at once if it is loaded,
   * and returns what it returned (a promise of it while loading). Its functions never throw.
   */
  #log(use: (log: typeof ConsentLog) => unknown): unknown {
    return this.effectiveConfig.consentLog && (consentLog ? use(consentLog) : loadConsentLog().then(use, logUnavailable));
  }

  /** Stands a placeholder in for a blocked iframe, or takes it away just before the frame loads. */
  #onFrame(frame: HTMLIFrameElement, allowed: boolean): void {
    const placeholders = this.#parts.loaded.placeholders;
    if (placeholders) placeholders.updatePlaceholder(frame, allowed, this.#host, this.#session);
    // Consent may have come while the module loaded.
    else if (!allowed && !this.headless)
      Promise.all([this.#parts.load('placeholders'), this.#language.need()]).then(() => this.#onFrame(frame, this.isAllowed(frame.getAttribute('data-consent') ?? '')), loadFailed);
  }

  /** Whether the banner is due: asked for, or (by default) while the visitor has no choice. */
  #bannerDue(): boolean {
    const view = this.#view;
    return this.#session.state !== undefined && (view?.view === 'banner' || (view?.view === 'preferences' && view.banner === true));
  }

  /** What the banner and the dialog render from: the language, whether GPC is honoured, and the recorder; `undefined` until the language is loaded. */
  #context(): { language: string; gpc: boolean; recorder: ConsentSession } | undefined {
    const language = this.#language.language;
    return language ? { language, gpc: this.#session.state?.gpc === true && this.effectiveConfig.gpcDenies.length > 0, recorder: this.#session } : undefined;
  }

  /** Renders the dialog, or closes it and gives the focus back to `closedFrom` (the opener of the preferences just left). */
  #renderPreferences(closedFrom?: Element | null): void {
    const part = this.#parts.loaded.preferences;
    const context = this.#context();
    if (part && context) this.#preferencesPlace = part.updatePreferences(this, this.#preferencesPlace, this.#view?.view === 'preferences' ? { ...context, close: this.#closePreferences } : null, closedFrom);
  }

  /**
   * The shadow root as Lit prepares it, keeping the stylesheets a painted banner came with: Lit
   * replaces the root's adopted stylesheets with the element's own, and the banner painted by the
   * script tag's first layer (src/first-layer.ts) would otherwise show unstyled, and move, until
   * the banner part adds its styles. They go once the element's own banner shows, with the nodes
   * that were served (see `update`).
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    // A copy: the adopted stylesheets are a live array, which Lit's assignment refills.
    const painted = [...(this.shadowRoot?.adoptedStyleSheets ?? [])];
    const root = super.createRenderRoot();
    if (painted.length > 0 && root instanceof ShadowRoot) {
      this.#servedSheets = painted.filter((sheet) => !root.adoptedStyleSheets.includes(sheet));
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...this.#servedSheets];
    }
    return root;
  }

  protected override willUpdate(): void {
    // The banner (and the language it speaks) loads when a visitor is to see it, and renders once there.
    if (this.#bannerDue()) this.#parts.load('banner').catch(loadFailed);
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    const root = this.renderRoot;
    if (!this.hasUpdated) {
      // Before this element adds anything: what is there, the server wrote (Declarative Shadow DOM),
      // with its banner in its live region (the blocking banner's dialog stands alone).
      this.#servedNodes = [...root.childNodes];
      this.#servedBanner = (root as ShadowRoot).getElementById('cookie-consent-banner');
      this.#liveRegion = (this.#servedBanner?.parentElement ?? root.querySelector<HTMLElement>('[aria-live]')) ?? undefined;
    }
    if (!this.#liveRegion) {
      this.#liveRegion = this.ownerDocument.createElement('div');
      this.#liveRegion.setAttribute('aria-live', 'polite');
      root.append(this.#liveRegion);
    }
    const due = this.#bannerDue();
    const banner = this.#parts.loaded.banner;
    if (banner) this.#banner = banner.updateBanner(this, this.#liveRegion, due ? (this.#context() ?? null) : null, this.#banner);
    // A served banner waits for the banner part to adopt it, unless no banner is due.
    if (this.#session.state && !due) this.#servedBanner?.remove();
    if (this.#servedNodes.length > 0 && this.#session.state && (!due || this.#banner)) {
      // The live region holds nothing else of the element's yet.
      for (const node of [...this.#servedNodes, ...this.#liveRegion.childNodes]) if (node !== this.#liveRegion && node !== this.#banner?.node) node.remove();
      this.#servedNodes = [];
      const served = this.#servedSheets;
      if (served.length > 0) (root as ShadowRoot).adoptedStyleSheets = (root as ShadowRoot).adoptedStyleSheets.filter((sheet) => !served.includes(sheet));
      this.#servedSheets = [];
    }
    this.#renderPreferences();
  }
}
