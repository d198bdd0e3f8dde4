/**
 * A category's cookie table (name, provider or domain, first or third party, purpose, lifetime),
 * shared by the preferences dialog and `<consent-cookie-table>`. Every value is rendered as text.
 */

import { msg } from '../l10n/msg.js';
import { css, html, type TemplateResult } from 'lit';
import type { ConsentAdapter } from '../core/adapter.js';
import type { CookieDeclaration, ConsentConfig } from '../core/config.js';
import { anyTextFor } from '../core/localized-text.js';

/** What identifies a declaration: its exact name, or its pattern. */
function cookieKey(cookie: CookieDeclaration): string {
  return cookie.name !== undefined ? `name:${cookie.name}` : `pattern:${cookie.pattern ?? ''}`;
}

/** `first`'s fields, with the gaps filled from `second`. */
function fillGaps(first: CookieDeclaration, second: CookieDeclaration): CookieDeclaration {
  const merged: Record<string, unknown> = {};
  for (const field of ['name', 'pattern', 'domain', 'party', 'provider', 'purpose', 'lifetime'] as const) {
    const value = first[field] ?? second[field];
    if (value !== undefined) merged[field] = value;
  }
  return merged as unknown as CookieDeclaration;
}

/** The element's own cookie (and its localStorage key, the same name), listed in the first required category. */
function ownCookie(config: ConsentConfig, language: string): CookieDeclaration {
  let lifetime: string;
  try {
    lifetime = new Intl.NumberFormat(language, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(config.storage.expiresDays);
  } catch {
    lifetime = `${config.storage.expiresDays} days`;
  }
  return {
    name: config.storage.cookieName,
    party: 'first',
    purpose: msg('Remembers your cookie choices. Where cookies are blocked, they are kept in this browser’s local storage instead.', {
      id: 'cm.cookies.own-purpose',
      desc: "Purpose of the consent manager's own cookie, which stores the visitor's choice.",
    }),
    lifetime,
    ...(config.storage.domain ? { domain: config.storage.domain } : {}),
  };
}

/**
 * The cookies declared for `category`: the config's own, then those of the adapters in use, each
 * once. A cookie both declare (same name or pattern, same category) is one row in the site's
 * words, with the gaps filled from the adapter's. The first required category also lists the
 * element's own cookie, in the site's words if it declared it.
 */
export function declaredCookies(config: ConsentConfig, adapters: readonly ConsentAdapter[], category: string, language = config.language): CookieDeclaration[] {
  const rows = new Map<string, CookieDeclaration>();
  const add = (cookie: CookieDeclaration): void => {
    const key = cookieKey(cookie);
    const earlier = rows.get(key);
    rows.set(key, earlier ? fillGaps(earlier, cookie) : cookie);
  };
  for (const cookie of config.categories.find(({ id }) => id === category)?.cookies ?? []) add(cookie);
  for (const adapter of adapters) for (const cookie of adapter.cookies) if (cookie.category === category) add(cookie);
  const typedByHand = config.categories.some(({ cookies }) => cookies.some(({ name }) => name === config.storage.cookieName));
  if (!typedByHand && config.categories.find(({ required }) => required)?.id === category) add(ownCookie(config, language));
  return [...rows.values()];
}

/** `^_ga_` reads as `_ga_…`; a pattern that is not a plain prefix is shown as written. */
function cookieName(cookie: CookieDeclaration): string {
  if (cookie.name !== undefined) return cookie.name;
  const prefix = /^\^([\w.-]+)$/.exec(cookie.pattern ?? '');
  return prefix ? `${prefix[1]}…` : (cookie.pattern ?? '');
}

export function renderCookieTable(cookies: readonly CookieDeclaration[], language: string, config: ConsentConfig, caption: string): TemplateResult {
  if (cookies.length === 0) return html`<p class="no-cookies">${msg('No cookies are listed for this category.', { id: 'cm.cookies.none' })}</p>`;
  const text = (value: CookieDeclaration['purpose']): string => anyTextFor(value, language, config.language) ?? '—';
  const headers = [
    msg('Name', { id: 'cm.cookies.name', desc: 'Column header: the name of a cookie.' }),
    msg('Provider', { id: 'cm.cookies.provider', desc: 'Column header: the company or domain that sets the cookie.' }),
    msg('Type', { id: 'cm.cookies.party', desc: 'Column header: whether a cookie is first party or third party.' }),
    msg('Purpose', { id: 'cm.cookies.purpose', desc: 'Column header: what a cookie is used for.' }),
    msg('Lifetime', { id: 'cm.cookies.lifetime', desc: 'Column header: how long a cookie is kept.' }),
  ] as const;
  // A focusable, named scroll container: the table may be wider than a phone. In a narrow column
  // each row becomes a card (see the styles); the explicit roles keep it a table to assistive
  // technology, which drops table semantics from elements no longer displayed as a table.
  return html`
    <div class="table-scroll" role="group" aria-label=${caption} tabindex="0">
      <table part="cookie-table" role="table">
        <caption>
          ${caption}
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            ${headers.map((header) => html`<th scope="col" role="columnheader">${header}</th>`)}
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${cookies.map(
            (cookie) => html`
              <tr role="row">
                <th scope="row" role="rowheader"><code>${cookieName(cookie)}</code></th>
                <td role="cell" data-label=${headers[1]}>
                  ${cookie.provider ?? cookie.domain ?? (cookie.party === 'first' ? msg('This site', { id: 'cm.cookies.this-site', desc: 'Provider of a first-party cookie.' }) : '—')}
                </td>
                <td role="cell" data-label=${headers[2]}>
                  ${cookie.party === 'first' ? msg('First party', { id: 'cm.cookies.first-party' }) : msg('Third party', { id: 'cm.cookies.third-party' })}
                </td>
                <td role="cell" data-label=${headers[3]}>${text(cookie.purpose)}</td>
                <td role="cell" data-label=${headers[4]}>${text(cookie.lifetime)}</td>
              </tr>
            `,
          )}
        </tbody>
      </table>
    </div>
  `;
}

/**
 * A table while its container is wide enough for five columns; below that (a phone), a card per
 * cookie: its name as the card's title, then each value after its column's name. Cookie names
 * are never broken: one too long for the card scrolls within it.
 */
export const cookieTableStyles = css`
  .table-scroll {
    container: cookie-table / inline-size;
    overflow-x: auto;
    border-radius: calc(var(--_radius) * 0.5);
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: 0.875em;
  }
  caption {
    padding-block-end: 0.25rem;
    text-align: start;
    font-weight: 600;
  }
  th,
  td {
    padding: 0.375rem 0.5rem;
    border-block-end: 1px solid var(--_line);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    white-space: nowrap;
  }
  tbody th {
    font-weight: normal;
  }
  code {
    font-size: 1em;
    white-space: nowrap;
  }
  .no-cookies {
    font-style: italic;
  }
  @container cookie-table (max-width: 36rem) {
    table,
    caption,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    tr {
      padding-block: 0.5rem;
      border-block-end: 1px solid var(--_line);
    }
    th,
    td {
      padding: 0.125rem 0;
      border: 0;
    }
    tbody th {
      overflow-x: auto;
      font-weight: 600;
    }
    td {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 5fr);
      gap: 0.75rem;
    }
    td::before {
      content: attr(data-label);
      /* The label repeats the column header, which assistive technology already announces. */
      content: attr(data-label) / '';
      font-weight: 600;
      hyphens: auto;
      overflow-wrap: break-word;
    }
  }
`;
