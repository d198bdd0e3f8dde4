/**
 * Placeholders for blocked embeds, loaded only on pages that have a gated iframe. The iframe
 * moves inside a `<consent-placeholder>` that has no slot, so the frame stays in the document
 * (scripts still find it, the gate still sees it) but is not rendered; the placeholder takes its
 * place and size. Just before the frame is allowed to load, it goes back where it was.
 */

import { LOCALE_STATUS_EVENT, msg, str } from '../l10n/msg.js';
import { css, html, LitElement, nothing } from 'lit';
import { isRightToLeft } from '../l10n/direction.js';
import { parseDataConsent } from '../core/data-consent.js';
import { conjunctionList } from '../core/list-format.js';
import { categoryLabels } from './category-texts.js';
import type { ConsentManagerElement } from './consent-manager.js';
import type { ChoiceRecorder, PartHost } from './part-host.js';
import { declaredCookies } from './cookie-table.js';
import { defineElement } from './define-element.js';
import { adoptTheme } from './banner.js';

/**
 * Stands in for an iframe gated with `data-consent` until its category is allowed: it names the
 * provider (`data-consent-provider` on the iframe, else the host of its `data-src`) and the
 * category, and its button allows the category and loads the frame. Consent is recorded per
 * category, so that button lets in everything else of the category too; the placeholder names
 * what (see `othersAllowed`). The element creates it; a site only styles it. It takes the
 * iframe's `class`, so the site's CSS sizes it like the frame, and otherwise the size the frame had.
 *
 * @customElement consent-placeholder
 * @csspart placeholder - The placeholder's box: text and button.
 */
export class ConsentPlaceholderElement extends LitElement {
  static define(tagName = 'consent-placeholder', registry: CustomElementRegistry = customElements): void {
    defineElement(tagName, this, registry);
  }

  /** Its own styles, adopted after the theme (which it gets from the banner's module). */
  static readonly placeholderStyles = css`
      :host {
        display: block;
        box-sizing: border-box;
        max-inline-size: 100%;
        inline-size: 300px;
        block-size: 150px;
      }
      .placeholder {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 0.5rem;
        block-size: 100%;
        overflow: auto;
        padding: calc(var(--_space) * 0.75);
        text-align: center;
      }
      p {
        margin: 0;
      }
      .title {
        font-weight: 600;
      }
  `;

  /** The frame it stands in for. */
  frame!: HTMLIFrameElement;
  /** The `<consent-manager>` whose choice this placeholder asks about and records. */
  manager!: ConsentManagerElement;

  #unwatch: (() => void) | undefined;
  /** The manager's part host, and how to record the choice made here: set by `updatePlaceholder` only, never by a site. */
  #host!: PartHost;
  #recorder!: ChoiceRecorder;

  /** A placeholder for `frame`, whose button records through `recorder` (see `updatePlaceholder`). */
  static create(frame: HTMLIFrameElement, host: PartHost, recorder: ChoiceRecorder): ConsentPlaceholderElement {
    const placeholder = frame.ownerDocument.createElement('consent-placeholder') as ConsentPlaceholderElement;
    placeholder.frame = frame;
    placeholder.manager = host.element;
    placeholder.#host = host;
    placeholder.#recorder = recorder;
    return placeholder;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The theme comes first, so these styles win over it.
    adoptTheme(this.renderRoot, ConsentPlaceholderElement.placeholderStyles);
    window.addEventListener(LOCALE_STATUS_EVENT, this.#onLocale);
    // What else the button allows depends on what is allowed already.
    this.manager.addEventListener('consent-change', this.#onChange);
    // It looks like the manager's banner: same theme, also when the page switches it. Adapters
    // named by the config arrive later, and with them more of what the button also allows.
    // (A controller of the manager hears each of its updates, which such changes cause.)
    const follow = {
      hostUpdated: () => {
        this.setAttribute('theme', this.manager.theme);
        this.requestUpdate();
      },
    };
    this.manager.addController(follow);
    this.#unwatch = () => this.manager.removeController(follow);
    this.setAttribute('theme', this.manager.theme);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(LOCALE_STATUS_EVENT, this.#onLocale);
    this.manager.removeEventListener('consent-change', this.#onChange);
    this.#unwatch?.();
  }

  /**
   * Keeps the size the frame had: rules of the page (for its copied class) still win over these.
   * For `updatePlaceholder`, which measures the frame before it moves in; not for sites.
   * @internal
   */
  _sizeLike(width: number, height: number, inline: boolean): void {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`:host{display:${inline ? 'inline-block' : 'block'};${width > 0 && height > 0 ? `inline-size:${width}px;block-size:${height}px` : ''}}`);
    const root = this.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  // The texts of a new language arrive (this event) before the manager takes the language on;
  // rendering then would give German text `lang="en"`, and Arabic `dir="ltr"`.
  #onLocale = (): void => void this.#host.needLanguage().then(() => this.requestUpdate());

  #onChange = (): void => this.requestUpdate();

  #allow = (): void => {
    const ids = parseDataConsent(this.frame.getAttribute('data-consent'));
    this.#recorder.decide('placeholder', Object.fromEntries(ids.map((id) => [id, true])));
    // The frame is back in the page now; keyboard users continue from it rather than from the top.
    if (this.frame.isConnected) this.frame.focus();
  };

  protected override render(): unknown {
    const manager = this.manager;
    const language = manager.language;
    const category = categoryLabels(parseDataConsent(this.frame.getAttribute('data-consent')), language, manager.effectiveConfig);
    const provider = providerOf(this.frame);
    const others = othersAllowed(this.frame, manager);
    const othersList = conjunctionList(language, others);
    return html`
      <div class="placeholder surface" part="placeholder" role="group" aria-labelledby="title" lang=${language} dir=${isRightToLeft(language) ? 'rtl' : 'ltr'}>
        <p class="title" id="title">${msg(str`Content from ${provider}`, { id: 'cm.placeholder.title', desc: 'Title of a blocked embed; the value is a company or domain, such as YouTube.' })}</p>
        <p id="text">
          ${msg(str`It stays blocked until you allow the category “${category}”.`, { id: 'cm.placeholder.text', desc: 'The value is the name of a cookie category, such as Marketing.' })}
        </p>
        ${others.length > 0
          ? html`<p id="also">
              ${msg(str`Allowing “${category}” also allows: ${othersList}.`, {
                id: 'cm.placeholder.also',
                desc: 'Below the text of a blocked embed. The first value is a cookie category, such as Marketing; the second a list of companies or domains, such as “Meta and Google Ads”.',
              })}
            </p>`
          : nothing}
        <button type="button" aria-describedby=${others.length > 0 ? 'title text also' : 'title text'} @click=${this.#allow}>${msg('Allow and load', { id: 'cm.placeholder.allow' })}</button>
      </div>
    `;
  }
}

/** Who a gated element loads from: its `data-consent-provider`, else the host of its URL. */
function providerOf(element: Element): string {
  const given = element.getAttribute('data-consent-provider')?.trim();
  if (given) return given;
  const url = element.getAttribute('data-src') ?? element.getAttribute('src');
  if (!url) return '';
  try {
    return new URL(url, element.baseURI).hostname;
  } catch {
    return '';
  }
}

/**
 * What else allowing `frame`'s categories lets in, by name: the providers of the cookies declared
 * for them (by the site and by the adapters), and of the other gated elements on the page that
 * would then load. The site's own first-party cookies and inline scripts are not named, nor is
 * the frame's own provider.
 */
function othersAllowed(frame: HTMLIFrameElement, manager: ConsentManagerElement): string[] {
  const ids = parseDataConsent(frame.getAttribute('data-consent'));
  const names = new Map<string, string>();
  const add = (name: string | undefined): void => {
    const trimmed = name?.trim();
    if (trimmed && !names.has(trimmed.toLowerCase())) names.set(trimmed.toLowerCase(), trimmed);
  };
  for (const id of ids) {
    for (const cookie of declaredCookies(manager.effectiveConfig, manager.adapters, id)) add(cookie.provider ?? (cookie.party === 'third' ? cookie.domain : undefined));
  }
  const pageHost = frame.ownerDocument.location?.hostname;
  for (const other of frame.ownerDocument.querySelectorAll('[data-consent]')) {
    if (other === frame) continue;
    const needs = parseDataConsent(other.getAttribute('data-consent'));
    // It loads with this choice when every category it needs is among those granted or already allowed.
    if (needs.length === 0 || !needs.some((id) => ids.includes(id)) || !needs.every((id) => ids.includes(id) || manager.isAllowed(id))) continue;
    const provider = providerOf(other);
    if (provider && (other.hasAttribute('data-consent-provider') || provider !== pageHost)) add(provider);
  }
  names.delete(providerOf(frame).toLowerCase());
  return [...names.values()];
}

/** Puts a placeholder in place of a blocked frame, or the frame back in place of its placeholder. */
export function updatePlaceholder(frame: HTMLIFrameElement, allowed: boolean, host: PartHost, recorder: ChoiceRecorder): void {
  const current = frame.parentElement instanceof ConsentPlaceholderElement ? frame.parentElement : null;
  if (allowed) {
    current?.replaceWith(frame);
    return;
  }
  if (current || !frame.isConnected) return;
  ConsentPlaceholderElement.define();
  const { width, height } = frame.getBoundingClientRect();
  const inline = getComputedStyle(frame).display === 'inline';
  const placeholder = ConsentPlaceholderElement.create(frame, host, recorder);
  placeholder.className = frame.className;
  frame.replaceWith(placeholder);
  placeholder.append(frame);
  placeholder._sizeLike(width || Number(frame.getAttribute('width')), height || Number(frame.getAttribute('height')), inline);
}
