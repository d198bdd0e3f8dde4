/**
 * Gating of the page's own markup. Scripts written as `<script type="text/plain"
 * data-consent="analytics">` and media written with `data-src` instead of `src` are inert until
 * every category they name is allowed; the gate then brings them to life, in document order,
 * including elements added to the page later.
 */

import type { Diagnostic } from '../diagnostics/report.js';
import { trustedScript, trustedScriptURL } from './trusted-types.js';

type Categories = Readonly<Record<string, boolean>>;

export interface ConsentGateOptions {
  /**
   * The page's CSP nonce, if it uses one. Gated scripts must then carry it themselves: giving it
   * to a script that lacks it would let injected inert markup run as trusted code.
   */
  readonly nonce?: () => string | undefined;
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

const GATED_MEDIA = new Set(['IFRAME', 'IMG', 'VIDEO', 'AUDIO', 'SOURCE']);
/** Attributes that hold a URL, and the `data-` attribute that holds it while gated. */
const URL_ATTRIBUTES = ['src', 'srcset', 'poster'] as const;
/** Not copied as they are: the type and the source change, and the nonce is hidden from attributes. */
const SCRIPT_ATTRIBUTES_NOT_COPIED = new Set(['type', 'data-type', 'src', 'data-src', 'nonce', 'data-consent']);

/** The category ids an element is gated on, from its space-separated `data-consent`. */
export function gatedCategories(element: Element): string[] {
  return (element.getAttribute('data-consent') ?? '').split(/\s+/).filter(Boolean);
}

function isGatedScript(element: Element): element is HTMLScriptElement {
  return element instanceof HTMLScriptElement && element.type.trim().toLowerCase() === 'text/plain';
}

function hasGatedUrl(element: Element): boolean {
  return URL_ATTRIBUTES.some((name) => element.hasAttribute(`data-${name}`));
}

export class ConsentGate {
  readonly #root: Document;
  readonly #options: ConsentGateOptions;
  #categories: Categories = {};
  #observer: MutationObserver | null = null;
  /** Scripts waiting in (or being run by) the chain. */
  readonly #queued = new WeakSet<Element>();
  /** Media whose gated URLs are in place. */
  readonly #active = new WeakSet<Element>();
  readonly #warned = new WeakSet<Element>();
  readonly #unknownReported = new Set<string>();
  readonly #ranFor = new Set<string>();
  #chain: Promise<void> = Promise.resolve();

  constructor(root: Document, options: ConsentGateOptions = {}) {
    this.#root = root;
    this.#options = options;
  }

  /** Applies `categories` and keeps gating elements added to the page from now on. */
  start(categories: Categories): void {
    this.#categories = categories;
    this.#observer ??= new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        for (const node of mutation.addedNodes) {
          if (node instanceof Element) this.#scan(node);
        }
      }
    });
    this.#observer.observe(this.#root, { childList: true, subtree: true });
    this.#scan(this.#root);
  }

  /** Applies a new consent state to everything gated on the page. */
  update(categories: Categories): void {
    this.#categories = categories;
    this.#scan(this.#root);
  }

  stop(): void {
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

  #scan(node: ParentNode): void {
    const elements = [...node.querySelectorAll('[data-consent]')];
    if (node instanceof Element && node.hasAttribute('data-consent')) elements.unshift(node);
    for (const element of elements) {
      if (isGatedScript(element)) this.#considerScript(element);
      else if (GATED_MEDIA.has(element.tagName)) this.#considerMedia(element);
      else if (element instanceof HTMLScriptElement) this.#warnOnce(element, 'gate-not-inert');
    }
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

  #warnOnce(element: Element, code: 'gate-not-inert' | 'gate-plain-src' | 'gate-needs-nonce'): void {
    if (this.#warned.has(element)) return;
    this.#warned.add(element);
    this.#options.warn?.({ code, element: `<${element.tagName.toLowerCase()} data-consent="${element.getAttribute('data-consent') ?? ''}">` });
  }

  #considerScript(script: HTMLScriptElement): void {
    if (this.#queued.has(script) || !this.#allows(script)) return;
    this.#queued.add(script);
    this.#chain = this.#chain.then(() => this.#run(script));
  }

  /** Replaces a gated script with a live copy; resolves when the next one may run. Never rejects. */
  async #run(original: HTMLScriptElement): Promise<void> {
    // Consent can be withdrawn, or the script removed, while earlier scripts were loading.
    if (!original.isConnected || !this.#allows(original)) {
      this.#queued.delete(original);
      return;
    }
    const pageNonce = this.#options.nonce?.();
    if (pageNonce && original.nonce !== pageNonce) {
      this.#warnOnce(original, 'gate-needs-nonce');
      return;
    }
    const doc = original.ownerDocument;
    const script = doc.createElement('script');
    try {
      for (const { name, value } of original.attributes) {
        if (SCRIPT_ATTRIBUTES_NOT_COPIED.has(name)) continue;
        // Event handler attributes are script sinks under Trusted Types.
        script.setAttribute(name, name.startsWith('on') ? trustedScript(value) : value);
      }
      script.setAttribute('data-consent-ran', original.getAttribute('data-consent') ?? '');
      const type = original.getAttribute('data-type');
      if (type) script.type = type;
      if (original.nonce) script.nonce = original.nonce;
      const src = original.getAttribute('data-src') ?? original.getAttribute('src');
      const waitForLoad = src !== null && !original.hasAttribute('async');
      const loaded = waitForLoad ? this.#settle(script) : Promise.resolve();
      if (src !== null) script.src = trustedScriptURL(src);
      else script.text = trustedScript(original.text);
      original.replaceWith(script);
      gatedCategories(original).forEach((id) => this.#ranFor.add(id));
      await loaded;
    } catch (error) {
      this.#options.warn?.({ code: 'gate-failed', error });
    }
  }

  /** Resolves when the script loads, fails, or takes longer than the timeout. */
  #settle(script: HTMLScriptElement): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.#options.scriptTimeoutMs ?? 10_000);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      script.addEventListener('load', done, { once: true });
      script.addEventListener('error', done, { once: true });
    });
  }

  #considerMedia(element: Element): void {
    if (!hasGatedUrl(element)) {
      if (element.hasAttribute('src')) this.#warnOnce(element, 'gate-plain-src');
      return;
    }
    const allowed = this.#allows(element);
    const frame = element instanceof HTMLIFrameElement ? element : null;
    if (allowed && !this.#active.has(element)) {
      if (frame) this.#options.onFrame?.(frame, true);
      for (const name of URL_ATTRIBUTES) {
        const value = element.getAttribute(`data-${name}`);
        if (value !== null) element.setAttribute(name, value);
      }
      this.#active.add(element);
      this.#reloadParentMedia(element);
    } else if (!allowed && this.#active.has(element)) {
      // Withdrawn: unload, keeping the data- attributes so it can come back.
      for (const name of URL_ATTRIBUTES) {
        if (element.hasAttribute(`data-${name}`)) element.removeAttribute(name);
      }
      if (element instanceof HTMLIFrameElement) element.src = 'about:blank';
      if (element instanceof HTMLMediaElement) element.load();
      this.#active.delete(element);
      this.#reloadParentMedia(element);
    }
    if (frame && !allowed) this.#options.onFrame?.(frame, false);
  }

  /** A `<source>` only takes effect when its media element loads again. */
  #reloadParentMedia(element: Element): void {
    if (element instanceof HTMLSourceElement && element.parentElement instanceof HTMLMediaElement) {
      element.parentElement.load();
    }
  }
}
