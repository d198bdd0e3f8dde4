/**
 * What `<consent-cookie-table>` shows, loaded only on pages that have one. It reads the page's
 * `<consent-manager>` through its public API and renders again when the choice or the language
 * changes.
 */

import { LOCALE_STATUS_EVENT, msg } from '../l10n/msg.js';
import { css, html, nothing, render } from 'lit';
import { report } from '../diagnostics/report.js';
import { isRightToLeft } from '../l10n/direction.js';
import { alwaysOn, categoryDescription, categoryLabel } from './category-texts.js';
import type { ConsentManagerElement } from './consent-manager.js';
import { cookieTableStyles, declaredCookies, renderCookieTable } from './cookie-table.js';
import { adoptTheme } from './banner.js';
import { partHosts } from './part-host.js';

const styles = css`
  :host {
    display: block;
  }
  .tables {
    padding: var(--_space);
  }
  .category + .category {
    margin-block-start: calc(1.5 * var(--_space));
  }
  .heading {
    margin: 0 0 0.25rem;
    font-size: 1.125em;
    font-weight: 600;
  }
  .tables p {
    margin: 0 0 0.5rem;
  }
  .choice {
    font-weight: 600;
  }
  .tables > button {
    margin-block-start: calc(1.5 * var(--_space));
  }
`;

/** Tables showing, and how to bring each up to date. */
const shown = new WeakMap<HTMLElement, () => void>();
/** Tables that take their theme from the manager (the site gave them none of their own). */
const themedByManager = new WeakSet<HTMLElement>();

async function findManager(host: HTMLElement): Promise<ConsentManagerElement | null> {
  const doc = host.ownerDocument;
  // A table above the element in the page is connected before the element is parsed.
  if (doc.readyState === 'loading') await new Promise((resolve) => doc.addEventListener('DOMContentLoaded', resolve, { once: true }));
  const id = host.getAttribute('for');
  const selector = id ? `#${CSS.escape(id)}` : 'consent-manager';
  const manager = doc.querySelector(selector);
  if (!manager) {
    report('warn', { code: 'cookie-table-no-manager', selector });
    return null;
  }
  await customElements.whenDefined(manager.localName);
  await (manager as ConsentManagerElement).ready;
  // Not a manager of this copy of the script (an element with that id, or another version's).
  if (!partHosts.has(manager as ConsentManagerElement)) {
    report('warn', { code: 'cookie-table-no-manager', selector });
    return null;
  }
  return manager as ConsentManagerElement;
}

function update(host: HTMLElement, manager: ConsentManagerElement): void {
  const root = host.shadowRoot!;
  const language = manager.language;
  const config = manager.effectiveConfig;
  const consent = manager.consent;
  if (!host.hasAttribute('theme')) themedByManager.add(host);
  if (themedByManager.has(host)) host.setAttribute('theme', manager.theme);
  const level = Math.min(6, Math.max(2, Number(host.getAttribute('heading-level')) || 3));
  render(
    html`
      <div class="tables" lang=${language} dir=${isRightToLeft(language) ? 'rtl' : 'ltr'}>
        ${config.categories.map((category) => {
          const label = categoryLabel(category, language, config);
          const description = categoryDescription(category, language, config);
          return html`
            <div class="category" part="category">
              <div class="heading" role="heading" aria-level=${level}>${label}</div>
              <p class="choice">
                ${category.required
                  ? alwaysOn()
                  : consent[category.id]
                    ? msg('Your choice: allowed', { id: 'cm.table.allowed' })
                    : msg('Your choice: not allowed', { id: 'cm.table.denied' })}
              </p>
              ${description ? html`<p>${description}</p>` : nothing}
              ${renderCookieTable(declaredCookies(config, manager.adapters, category.id, language), language, config, label)}
            </div>
          `;
        })}
        <button type="button" part="open-preferences" @click=${() => manager.showPreferences()}>${msg('Change cookie settings', { id: 'cm.table.change' })}</button>
      </div>
    `,
    root,
  );
}

/** Renders the tables of the manager `host` names into `host`, and keeps them current. */
export async function showCookieTables(host: HTMLElement): Promise<void> {
  const current = shown.get(host);
  if (current) return current();
  shown.set(host, () => undefined);
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  adoptTheme(root, cookieTableStyles, styles);
  const manager = await findManager(host);
  if (!manager) return;
  const parts = partHosts.get(manager)!;
  await parts.needLanguage();
  const refresh = (): void => {
    if (host.isConnected) update(host, manager);
    else {
      // Removed from the page: stop listening; connecting it again starts over.
      shown.delete(host);
      manager.removeEventListener('consent-change', refresh);
      window.removeEventListener(LOCALE_STATUS_EVENT, onLocale);
      manager.removeController(follow);
    }
  };
  // The texts of a new language arrive (this event) before the manager takes the language on;
  // rendering then would mark French text `lang="de"`, and Hebrew `dir="ltr"`.
  const onLocale = (): void => void parts.needLanguage().then(refresh);
  shown.set(host, refresh);
  // Config-named adapters arrive after start, with the cookies they declare; the theme may change.
  // A controller of the manager hears each of its updates, which such changes cause.
  const follow = { hostUpdated: refresh };
  manager.addController(follow);
  manager.addEventListener('consent-change', refresh);
  window.addEventListener(LOCALE_STATUS_EVENT, onLocale);
  refresh();
}
