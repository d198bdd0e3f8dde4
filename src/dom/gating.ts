/**
 * Gating of the page's own markup. Scripts written as `<script type="text/plain"
 * data-consent="analytics">` and media written with `data-src` instead of `src` are inert until
 * every category they name is allowed; the gate then brings them to life, in document order,
 * including elements added to the page later and markup inside open shadow roots.
 *
 * Markup alone never makes the gate load a script the page's own policy would not: a gated
 * script runs only if the site vouches for it (its nonce, or its URL's source), and never from a
 * URL that is not http(s). See SECURITY.md, guarantee 5.
 */

import { parseDataConsent } from '../core/data-consent.js';
import type { Diagnostic } from '../diagnostics/report.js';
import { describeElement } from './describe-element.js';
import * as scripts from './gated-script.js';
import { pageAddress, scriptUrl } from './script-url.js';

type Categories = Readonly<Record<string, boolean>>;

export interface ConsentGateOptions {
  /**
   * The nonce that vouches for gated scripts, from a source injected markup cannot set (see
   * `pageNonce`). When there is one, a gated script must carry it, unless its URL is listed in
   * `scriptSources`. It is never given to a script that lacks it.
   */
  readonly nonce?: () => string | undefined;
  /**
   * The gated scripts the site vouches for without the nonce, read like a CSP source list: http(s)
   * origins (`https://cdn.example.com`), path prefixes ending in `/`, script URLs (the query is
   * ignored), `'self'` for the page's origin, and for inline scripts `'sha256-…'` (or -384, -512)
   * hashes of their text, or `'unsafe-inline'` (ignored when there is a nonce, as in CSP).
   * `undefined`: `'self'` on pages without a nonce, nothing on pages with one.
   */
  readonly scriptSources?: () => readonly string[] | undefined;
  /** Receives each mistake in the page's markup once. */
  readonly warn?: (diagnostic: Diagnostic) => void;
  /** How long an external gated script may take before the scripts after it run anyway. */
  readonly scriptTimeoutMs?: number;
  /**
   * Told about gated iframes, so the UI can stand a placeholder in for them: with `false` each
   * time a blocked frame is seen (it may be called again for the same frame), and with `true`
   * synchronously just before a frame gets its URL, while it can still be put back in place
   * without loading twice.
   */
  readonly onFrame?: (frame: HTMLIFrameElement, allowed: boolean) => void;
}

/** The URL attributes the gate puts in place from their `data-` form, by element. */
const GATED_URLS: Readonly<Record<string, readonly string[]>> = {
  IFRAME: ['src'],
  IMG: ['src', 'srcset'],
  SOURCE: ['src', 'srcset'],
  VIDEO: ['src', 'poster'],
  AUDIO: ['src'],
  LINK: ['href'],
};
/** Attributes that make an element load something as soon as it is parsed. */
const LOADING_ATTRIBUTES = ['src', 'srcset', 'poster', 'srcdoc', 'href', 'data'] as const;
/** Elements that load before consent and that the gate cannot hold back. */
const NOT_GATEABLE = new Set(['OBJECT', 'EMBED', 'INPUT']);
/** Attributes whose change can make an element gated, ungated, or load something else. */
const WATCHED_ATTRIBUTES = ['data-consent', 'type', ...LOADING_ATTRIBUTES, 'data-src', 'data-srcset', 'data-poster', 'data-href'];
/** The category ids an element is gated on, from its `data-consent`. */
export function gatedCategories(element: Element): string[] {
  return parseDataConsent(element.getAttribute('data-consent'));
}

export class ConsentGate {
  readonly #root: Document;
  #options: ConsentGateOptions;
  #categories: Categories = {};
  #observer: MutationObserver | null = null;
  /** Shadow roots gated besides the document: found open ones, and those handed to `observe()`. */
  readonly #shadowRoots = new Set<ShadowRoot>();
  /** Custom element names waited for: their elements may attach a shadow root once defined. */
  readonly #awaitedNames = new Set<string>();
  /** Scripts waiting in (or being run by) the chain. */
  readonly #queued = new WeakSet<Element>();
  /** Media whose gated URLs are in place. */
  readonly #active = new WeakSet<Element>();
  readonly #warned = new WeakSet<Element>();
  readonly #unknownReported = new Set<string>();
  readonly #ranFor = new Set<string>();
  #chain: Promise<void> = Promise.resolve();
  #started = false;

  constructor(root: Document, options: ConsentGateOptions = {}) {
    this.#root = root;
    this.#options = options;
  }

  /**
   * Replaces the options, for the element that takes over a gate the script tag's entry started
   * (src/dom/gate-handoff.ts). Scripts already judged stay judged: their outcome is not revisited.
   */
  reconfigure(options: ConsentGateOptions): void {
    this.#options = options;
  }

  /** Applies `categories` and keeps gating elements added to the page from now on. */
  start(categories: Categories): void {
    this.#categories = categories;
    this.#observer ??= new MutationObserver((mutations) => this.#onMutations(mutations));
    this.#started = true;
    this.#watch(this.#root);
    for (const root of this.#shadowRoots) this.#watch(root);
    this.#scanAll(false);
  }

  /** Applies a new consent state to everything gated on the page. */
  update(categories: Categories): void {
    this.#categories = categories;
    // A stopped gate (its element left the page) gates nothing until it starts again.
    if (this.#started) this.#scanAll(true);
  }

  /**
   * Gates the markup inside `root` too: for closed shadow roots, which the gate cannot find, and
   * for roots attached after their host was added to the page. Open roots present when their host
   * is added, or attached when their custom element is defined, are found without it.
   */
  observe(root: ShadowRoot): void {
    if (this.#shadowRoots.has(root)) return;
    this.#shadowRoots.add(root);
    if (!this.#started) return;
    this.#watch(root);
    this.#scan(root, false);
  }

  stop(): void {
    this.#started = false;
    this.#observer?.disconnect();
  }

  /** Whether a gated script for `category` has run on this page (it cannot be unloaded). */
  hasRun(category: string): boolean {
    return this.#ranFor.has(category);
  }

  /** Resolves when every script queued so far has run, failed or timed out. */
  settled(): Promise<void> {
    return this.#chain;
  }

  #watch(root: Document | ShadowRoot): void {
    this.#observer?.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
  }

  #onMutations(mutations: readonly MutationRecord[]): void {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes') {
        const element = mutation.target as Element;
        if (element.hasAttribute('data-consent') && !this.#isOwnWrite(element, mutation.attributeName)) this.#consider(element);
        continue;
      }
      for (const node of mutation.addedNodes) {
        if (node instanceof Element) this.#scan(node, false);
      }
    }
  }

  /** Whether a change of `attribute` is one the gate makes itself: a URL put in place or taken away. */
  #isOwnWrite(element: Element, attribute: string | null): boolean {
    const gated = GATED_URLS[element.tagName];
    return gated !== undefined && LOADING_ATTRIBUTES.includes(attribute as never) && gated.some((name) => element.hasAttribute(`data-${name}`));
  }

  /** The document and every shadow root known, then shadow roots found since. */
  #scanAll(late: boolean): void {
    for (const root of this.#shadowRoots) {
      if (!root.host.isConnected) continue;
      this.#scan(root, false);
    }
    this.#scan(this.#root, late);
  }

  /**
   * Gates what `node` holds, and looks into the open shadow roots of the elements in it. `late`:
   * a root found now was attached after its host was scanned, so its markup went ungated until
   * now; the site is told to hand such roots over with `observe()`.
   */
  #scan(node: ParentNode, late: boolean): void {
    const elements = [...node.querySelectorAll('[data-consent]')];
    if (node instanceof Element && node.hasAttribute('data-consent')) elements.unshift(node);
    for (const element of elements) this.#consider(element);
    const hosts = [...node.querySelectorAll('*')];
    if (node instanceof Element) hosts.unshift(node);
    for (const host of hosts) {
      const root = host.shadowRoot;
      if (root && !this.#shadowRoots.has(root)) {
        this.#shadowRoots.add(root);
        this.#watch(root);
        if (late && root.querySelector('[data-consent]')) this.#options.warn?.({ code: 'gate-shadow-late', element: `<${host.tagName.toLowerCase()}>` });
        this.#scan(root, false);
      } else if (!root && host.localName.includes('-') && !this.#root.defaultView?.customElements.get(host.localName)) {
        this.#awaitDefinition(host.localName);
      }
    }
  }

  /** Custom elements defined later usually attach their shadow root as they are upgraded. */
  #awaitDefinition(name: string): void {
    if (this.#awaitedNames.has(name)) return;
    this.#awaitedNames.add(name);
    this.#root.defaultView?.customElements.whenDefined(name).then(
      () => {
        if (!this.#started) return;
        for (const host of this.#hostsNamed(name)) {
          if (host.shadowRoot && !this.#shadowRoots.has(host.shadowRoot)) this.#scan(host, false);
        }
      },
      () => undefined,
    );
  }

  #hostsNamed(name: string): Element[] {
    const roots: ParentNode[] = [this.#root, ...this.#shadowRoots];
    return roots.flatMap((root) => [...root.querySelectorAll(name)]);
  }

  #consider(element: Element): void {
    // A gated script is inert: `type="text/plain"`.
    if (element instanceof HTMLScriptElement) {
      if (element.type.trim().toLowerCase() === 'text/plain') this.#considerScript(element);
      else this.#warnOnce(element, { code: 'gate-not-inert', element: describeElement(element) });
    } else if (element.tagName in GATED_URLS) this.#considerMedia(element);
    else this.#warnOnce(element, { code: NOT_GATEABLE.has(element.tagName) ? 'gate-loads-ungated' : 'gate-unsupported', element: describeElement(element) });
  }

  #allows(element: Element): boolean {
    const categories = gatedCategories(element);
    for (const id of categories) {
      if (!Object.hasOwn(this.#categories, id) && !this.#unknownReported.has(id)) {
        this.#unknownReported.add(id);
        this.#options.warn?.({ code: 'gate-unknown-category', category: id });
      }
    }
    return categories.length > 0 && categories.every((id) => this.#categories[id] === true);
  }

  #warnOnce(element: Element, diagnostic: Diagnostic): void {
    if (this.#warned.has(element)) return;
    this.#warned.add(element);
    this.#options.warn?.(diagnostic);
  }

  #considerScript(script: HTMLScriptElement): void {
    if (this.#queued.has(script) || !this.#allows(script)) return;
    this.#queued.add(script);
    this.#chain = this.#chain.then(() => this.#run(script));
  }

  /** Judges a queued script, then replaces it with a live copy; resolves when the next one may run. Never rejects. */
  async #run(original: HTMLScriptElement): Promise<void> {
    try {
      const snapshot = scripts.snapshotScript(original);
      const nonce = this.#options.nonce?.();
      const sources = this.#options.scriptSources?.() ?? (nonce ? [] : ["'self'"]);
      const refusal = await scripts.judgeScript(snapshot, nonce, sources, pageAddress(this.#root));
      // Consent can be withdrawn, the script removed, or the gate stopped (its element left the
      // page, or it was never taken over: src/dom/gate-handoff.ts) while earlier scripts were loading.
      if (!this.#started || !original.isConnected || !this.#allows(original)) {
        this.#queued.delete(original);
        return;
      }
      if (refusal) {
        this.#warnOnce(original, scripts.describeRefusal(original, snapshot, refusal));
        return;
      }
      await scripts.activateScript(original, snapshot, this.#options.scriptTimeoutMs ?? 10_000, () => gatedCategories(original).forEach((id) => this.#ranFor.add(id)));
    } catch (error) {
      this.#options.warn?.({ code: 'gate-failed', error });
    }
  }

  #considerMedia(element: Element): void {
    const gatedNames = GATED_URLS[element.tagName]!;
    const isGated = gatedNames.some((name) => element.hasAttribute(`data-${name}`));
    // A plain URL loads before consent, whatever the gate does with the data- ones.
    // (An emptied frame's about:blank is the gate's own.)
    const loading = this.#active.has(element) ? undefined : LOADING_ATTRIBUTES.find((name) => element.hasAttribute(name) && !(name === 'src' && element.getAttribute(name) === 'about:blank'));
    if (loading) this.#warnOnce(element, { code: 'gate-plain-src', element: describeElement(element), attribute: loading });
    if (!isGated) return;
    const frame = element instanceof HTMLIFrameElement ? element : null;
    // A javascript: URL would run in the page's origin; data: and blob: frames are no embed either.
    const refusedFrame = frame !== null && !scriptUrl(frame.getAttribute('data-src') ?? 'about:blank', frame.baseURI);
    if (refusedFrame) this.#warnOnce(frame, { code: 'gate-frame-url', element: describeElement(frame), url: (frame.getAttribute('data-src') ?? '').slice(0, 200) });
    const allowed = !refusedFrame && this.#allows(element);
    if (allowed) {
      if (frame && !this.#active.has(frame)) this.#options.onFrame?.(frame, true);
      this.#active.add(element);
      let changed = false;
      for (const name of gatedNames) {
        const value = element.getAttribute(`data-${name}`);
        // Setting a frame's URL again would load it again.
        if (value !== null && element.getAttribute(name) !== value) {
          element.setAttribute(name, value);
          changed = true;
        }
      }
      if (changed) this.#reloadParentMedia(element);
    } else if (this.#active.has(element)) {
      // Withdrawn: unload, keeping the data- attributes so it can come back.
      for (const name of gatedNames) {
        if (element.hasAttribute(`data-${name}`)) element.removeAttribute(name);
      }
      if (element instanceof HTMLIFrameElement) element.src = 'about:blank';
      if (element instanceof HTMLMediaElement) element.load();
      this.#active.delete(element);
      this.#reloadParentMedia(element);
    }
    // No placeholder for a frame that can never load (a refused URL, or a category the config
    // does not have): its "allow" button would record a choice and load nothing.
    if (frame && !allowed && !refusedFrame && gatedCategories(frame).every((id) => Object.hasOwn(this.#categories, id))) this.#options.onFrame?.(frame, false);
  }

  /** A `<source>` only takes effect when its media element loads again. */
  #reloadParentMedia(element: Element): void {
    if (element instanceof HTMLSourceElement && element.parentElement instanceof HTMLMediaElement) {
      element.parentElement.load();
    }
  }
}
