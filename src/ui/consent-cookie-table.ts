import { defineElement } from './define-element.js';

// Node has no `HTMLElement`; this keeps the package root importable there (on a server, say),
// where the class exists but cannot be used. `<consent-manager>`'s base, Lit's ReactiveElement,
// has a stand-in of its own in Node.
const ElementBase: typeof HTMLElement = globalThis.HTMLElement ?? (class {} as typeof HTMLElement);

/**
 * For the site's cookie policy page: every category of the page's `<consent-manager>`, in the
 * visitor's language, with its description, the visitor's current choice, and its cookie table
 * (from the config and the adapters), and a button that opens the preferences. It follows
 * changes of the choice and of the language.
 *
 * This class is all the first load carries; what it shows is loaded when one is on the page.
 *
 * @customElement consent-cookie-table
 *
 * @attr for - The `id` of the `<consent-manager>` to show; by default the first one on the page.
 * @attr theme - `light`, `dark` or `auto`; by default the theme of the `<consent-manager>`.
 * @attr heading-level - The level (2 to 6) of the category headings; 3 by default.
 *
 * @csspart category - One category: heading, choice, description and table.
 * @csspart cookie-table - A category's `<table>` of cookies.
 * @csspart open-preferences - The button that opens the preferences.
 */
export class ConsentCookieTableElement extends ElementBase {
  /** Registers the element; like `ConsentManagerElement.define`, a taken name only warns. */
  static define(tagName = 'consent-cookie-table', registry: CustomElementRegistry = customElements): boolean {
    return defineElement(tagName, this, registry);
  }

  connectedCallback(): void {
    void import('./cookie-table-view.js').then((view) => view.showCookieTables(this));
  }
}
