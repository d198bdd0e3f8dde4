// Cookie tables list each cookie once: a cookie both the site and an adapter declare is one row in
// the site's words (gaps filled from the adapter's), and the element's own cookie is listed under
// the first required category, translated, unless the site typed it itself.
import { expect, fixture } from '@open-wc/testing';
import '../../src/define.js';
import { html } from 'lit';
import type { ConsentAdapter } from '../../src/core/adapter.js';
import { parseConfig } from '../../src/core/config.js';
import { declaredCookies } from '../../src/ui/cookie-table.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import { waitFor } from '../helpers/page-state.js';
import { isolateUiTests } from '../helpers/ui.js';

const GA: ConsentAdapter = {
  id: 'google-analytics',
  cookies: [
    { name: '_ga', party: 'third', provider: 'Google Analytics', category: 'performance', purpose: 'Distinguishes visitors', lifetime: '2 years' },
    { pattern: '^_ga_', party: 'third', provider: 'Google Analytics', category: 'performance', purpose: 'Keeps the session state', lifetime: '2 years' },
  ],
};

const CATEGORIES = [
  { id: 'necessary', required: true, cookies: [{ name: 'session', party: 'first', purpose: 'Keeps you signed in' }] },
  {
    id: 'performance',
    cookies: [
      // The seeds' words for the cookie the adapter also declares; no lifetime given.
      { name: '_ga', party: 'third', purpose: { en: 'Used to distinguish users', de: 'Unterscheidet Nutzer' } },
      { name: '_hjid', party: 'third', provider: 'Hotjar', purpose: 'Heatmaps', lifetime: '1 year' },
    ],
  },
];

function config(input: object) {
  const { config: parsed, errors } = parseConfig(input);
  expect(errors).to.deep.equal([]);
  return parsed;
}

/** The rows of each rendered cookie table, as [name, provider, type, purpose, lifetime]. */
function rows(root: ShadowRoot | null): string[][][] {
  if (!root) return [];
  return [...root.querySelectorAll('[part="cookie-table"]')].map((table) => [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent.trim())));
}

describe('cookie declarations', () => {
  isolateUiTests();

  it('a cookie the site and an adapter both declare is one row: the site’s words, the adapter’s for what the site left out', () => {
    const merged = declaredCookies(config({ categories: CATEGORIES }), [GA], 'performance', 'en');
    expect(merged.map((cookie) => [cookie.name ?? cookie.pattern, cookie.provider, cookie.purpose, cookie.lifetime])).to.deep.equal([
      ['_ga', 'Google Analytics', { en: 'Used to distinguish users', de: 'Unterscheidet Nutzer' }, '2 years'],
      ['_hjid', 'Hotjar', 'Heatmaps', '1 year'],
      ['^_ga_', 'Google Analytics', 'Keeps the session state', '2 years'],
    ]);
  });

  it('the same name under two categories stays two rows, and two adapters declaring one cookie give one row', () => {
    const other: ConsentAdapter = { id: 'other', cookies: [{ name: '_ga', party: 'first', category: 'necessary', purpose: 'Elsewhere' }, { name: '_hjid', party: 'third', category: 'performance' }] };
    const parsed = config({ categories: CATEGORIES });
    expect(declaredCookies(parsed, [GA, other], 'performance', 'en').map((cookie) => cookie.name ?? cookie.pattern)).to.deep.equal(['_ga', '_hjid', '^_ga_']);
    expect(declaredCookies(parsed, [GA, other], 'necessary', 'en').map((cookie) => cookie.name)).to.deep.equal(['session', '_ga', 'consent']);
  });

  it('lists the element’s own cookie under the first required category, with its lifetime, and never elsewhere', () => {
    const parsed = config({ categories: [{ id: 'preferences' }, ...CATEGORIES, { id: 'security', required: true }], storage: { cookieName: 'cm_choice', expiresDays: 90 } });
    expect(declaredCookies(parsed, [], 'necessary', 'en').at(-1)).to.deep.equal({
      name: 'cm_choice',
      party: 'first',
      purpose: 'Remembers your cookie choices. Where cookies are blocked, they are kept in this browser’s local storage instead.',
      lifetime: '90 days',
    });
    for (const id of ['preferences', 'performance', 'security']) {
      expect(declaredCookies(parsed, [], id, 'en').map((cookie) => cookie.name)).not.to.include('cm_choice');
    }
  });

  it('does not add the element’s own cookie when the site typed it by hand, in any category', () => {
    const categories = [
      { id: 'necessary', required: true },
      { id: 'preferences', cookies: [{ name: 'consent', party: 'first', purpose: 'Our words' }] },
    ];
    const parsed = config({ categories });
    expect(declaredCookies(parsed, [], 'necessary', 'en')).to.deep.equal([]);
    expect(declaredCookies(parsed, [], 'preferences', 'en').map((cookie) => cookie.purpose)).to.deep.equal(['Our words']);
  });

  it('the rendered tables show each cookie once, and the own cookie in the page language', async () => {
    const page = await fixture<HTMLElement>(html`
      <div lang="de">
        <consent-cookie-table></consent-cookie-table>
        <consent-manager><script type="application/json">${JSON.stringify({ categories: CATEGORIES })}</script></consent-manager>
      </div>
    `);
    const table = page.querySelector('consent-cookie-table')!;
    const manager = page.querySelector<ConsentManagerElement>('consent-manager')!;
    await manager.ready;
    manager.adapters = [GA];
    await waitFor(() => rows(table.shadowRoot)[1]?.some((row) => row[0] === '_ga_…') === true, 10_000, 'the tables with the adapter');
    const [necessary, performance] = rows(table.shadowRoot);
    expect(performance!.filter((row) => row[0] === '_ga')).to.deep.equal([['_ga', 'Google Analytics', 'Drittanbieter', 'Unterscheidet Nutzer', '2 years']]);
    expect(necessary!.at(-1)).to.deep.equal([
      'consent',
      'Diese Website',
      'Erstanbieter',
      'Speichert Ihre Cookie-Auswahl. Sind Cookies blockiert, wird sie stattdessen im lokalen Speicher dieses Browsers abgelegt.',
      '182 Tage',
    ]);
  });
});
