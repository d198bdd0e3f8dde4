import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { ConsentAdapter } from '../core/adapter.js';
import { type ConfigError, type ConsentConfig, DEFAULT_CONFIG, parseConfig } from '../core/config.js';
import { type ConsentRecord, encodeRecord } from '../core/record.js';
import type { StorageKind } from '../core/storage.js';
import type { AdapterRunner } from '../dom/adapter-runner.js';
import { type ConsentCategories, type ConsentChange, type ConsentState, ConsentStore, describeChange } from '../core/store.js';
import { createBrowserStorage } from '../dom/browser-storage.js';
import { ConsentGate } from '../dom/gating.js';
import { pageNonce, readGlobalPrivacyControl } from '../dom/page.js';
import { type RemoteValue, TabSync } from '../dom/tab-sync.js';
import { report } from '../diagnostics/report.js';
import { ConsentChangeEvent, ConsentReadyEvent } from '../events/consent-events.js';

/**
 * Asks visitors for cookie consent, stores their choice, and runs the page's gated scripts and
 * media once their category is allowed.
 *
 * The configuration is read from a child `<script type="application/json">` or from the
 * `config` property. Gated markup anywhere in the document, including markup added later:
 * `<script type="text/plain" data-consent="analytics">`, and `data-src` on `iframe`, `img`,
 * `video`, `audio` and `source`.
 *
 * @fires consent-ready - Once per page load, when the stored choice (or the defaults) is applied.
 * @fires consent-change - On every choice, reset, change from another tab, and Global Privacy Control override.
 * @fires consent-adapter-load - When a vendor script an adapter loaded has run.
 * @fires consent-adapter-error - When an adapter's vendor script failed to load, its options are invalid, or it threw.
 */
export class ConsentManagerElement extends LitElement {
  /**
   * Registers the element. A name that is already taken gets a console warning instead of the
   * exception `customElements.define` throws, so two copies of the script on one page coexist.
   */
  static define(tagName = 'consent-manager', registry: CustomElementRegistry = customElements): void {
    const existing = registry.get(tagName);
    if (existing) {
      if (existing !== this) report('warn', { code: 'already-defined', tagName });
      return;
    }
    registry.define(tagName, this);
  }

  static override styles = css`
    :host {
      display: contents;
    }
    .banner {
      position: fixed;
      inset-block-end: 1rem;
      inset-inline-end: 1rem;
      z-index: 2147483000;
      max-inline-size: min(26rem, calc(100vw - 2rem));
      box-sizing: border-box;
      padding: 1rem;
      border: 1px solid #6b7280;
      border-radius: 0.5rem;
      background: #ffffff;
      color: #111827;
      font: 0.9375rem/1.4 system-ui, sans-serif;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
    }
    button {
      flex: 1;
      font: inherit;
      padding: 0.5rem 0.75rem;
      border: 1px solid #111827;
      border-radius: 0.375rem;
      background: #111827;
      color: #ffffff;
      cursor: pointer;
    }
  `;

  static override properties = {
    config: { attribute: false },
    adapters: { attribute: false },
    reloadOnRevoke: { type: Boolean, attribute: 'reload-on-revoke' },
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

  constructor() {
    super();
    this.adapters = [];
    this.reloadOnRevoke = false;
    this.ready = new Promise((resolve) => {
      this.#resolveReady = resolve;
    });
  }

  /**
   * `{ [category id]: allowed }` for every configured category: a copy, so changing it changes
   * nothing. Empty until `ready` resolves, when nothing is allowed yet.
   */
  get consent(): ConsentCategories {
    return { ...this.#store?.state.categories };
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

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#store) {
      this.#resume();
      return;
    }
    if (this.#startScheduled) return;
    this.#startScheduled = true;
    // Frameworks set properties right after creating the element; they are in place one microtask later.
    queueMicrotask(() => this.#startWhenConfigAvailable());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#gate?.stop();
    this.#sync?.stop();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('config') && this.#store && this.config !== this.#appliedConfigInput) this.#reconfigure();
    if (changed.has('adapters') && this.#store) this.#startAdapters();
  }

  /** Whether every category in `category` (space-separated ids) is allowed. */
  isAllowed(category: string): boolean {
    const ids = category.split(/\s+/).filter(Boolean);
    return ids.length > 0 && ids.every((id) => this.#store?.isAllowed(id) === true);
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
    const accepted: Record<string, boolean> = {};
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

  #startWhenConfigAvailable(): void {
    const doc = this.ownerDocument;
    // A classic script defining the element early can upgrade it before its JSON child is parsed.
    if (this.config === undefined && !this.#configScript() && doc.readyState === 'loading') {
      doc.addEventListener('DOMContentLoaded', () => this.#start(), { once: true });
    } else {
      this.#start();
    }
  }

  #start(): void {
    try {
      const state = this.#build();
      this.#resolveReady(state);
      this.dispatchEvent(new ConsentReadyEvent({ categories: state.categories, decided: state.decided, record: state.record, gpc: state.gpc }));
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
      language: this.#language(config),
      safeMode: errors.length > 0,
    });
    const { state, gpcChange } = store.load();
    this.#store = store;
    this.#appliedConfigInput = input;
    this.#gate = new ConsentGate(this.ownerDocument, {
      nonce: () => pageNonce(this),
      warn: (diagnostic) => report('warn', diagnostic),
    });
    this.#gate.start(state.categories);
    this.#sync = new TabSync(config.storage.cookieName, (value) => this.#applyRemoteChange(value), win);
    this.#sync.start();
    this.#startAdapters();
    this.requestUpdate();
    // The change event for a GPC override follows the ready event, after listeners have the initial state.
    if (gpcChange) queueMicrotask(() => this.#announce(gpcChange));
    return store.state;
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

  #language(config: ConsentConfig): string {
    const doc = this.ownerDocument;
    return this.lang || doc.documentElement.lang || doc.defaultView?.navigator.languages[0] || config.language;
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
    this.#gate?.start(state.categories);
    this.#sync?.start();
    this.#applyRemoteChange();
  }

  #applyRemoteChange(value?: RemoteValue): void {
    const change = this.#store?.refresh(value);
    if (change) this.#announce(change, false);
  }

  #decide(operation: (store: ConsentStore) => ConsentChange): void {
    const store = this.#store;
    if (!store) {
      void this.ready.then(() => this.#decide(operation));
      return;
    }
    this.#announce(operation(store), true);
    this.#warnAboutStorage(store.storageKind);
  }

  #startAdapters(): void {
    void this.#runner?.start();
    const config = this.effectiveConfig;
    if (this.#runnerQueue || !(config.adapters || config.dataLayer || this.adapters.length || this.reloadOnRevoke || 'dataLayer' in window)) return;
    const queue = (this.#runnerQueue = [this.#store!.state]);
    void import('../dom/adapter-runner.js').then(({ AdapterRunner }) => (this.#runner = new AdapterRunner(this, queue)).start());
  }

  #announce(change: ConsentChange, broadcast = true): void {
    const gate = this.#gate;
    let reloadRecommended = false;
    if (this.#runner) reloadRecommended = this.#runner.update(change);
    else this.#runnerQueue?.push(change);
    reloadRecommended ||= change.changed.some((id) => !change.categories[id] && gate?.hasRun(id) === true);
    gate?.update(change.categories);
    if (broadcast) this.#sync?.announce(change.record ? encodeRecord(change.record) : null);
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

  #warnAboutStorage(kind: StorageKind | null): void {
    if (kind === null || kind === 'cookie' || kind === this.#warnedStorage) return;
    this.#warnedStorage = kind;
    report('warn', { code: kind === 'localStorage' ? 'storage-local' : 'storage-memory' });
  }

  #onAcceptAll = (): void => {
    this.#decide((store) => store.acceptAll('banner'));
  };

  #onRejectAll = (): void => {
    this.#decide((store) => store.rejectAll('banner'));
  };

  protected override render(): unknown {
    const state = this.#store?.state;
    if (!state || state.decided) return nothing;
    // A plain placeholder: the full banner and preferences dialog come with the UI.
    return html`
      <section class="banner" part="banner" role="region" aria-labelledby="title">
        <p id="title">This site uses cookies. Allow optional cookies?</p>
        <div class="actions">
          <button part="accept-all" type="button" @click=${this.#onAcceptAll}>Accept all</button>
          <button part="reject-all" type="button" @click=${this.#onRejectAll}>Reject all</button>
        </div>
      </section>
    `;
  }
}
