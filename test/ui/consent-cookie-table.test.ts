import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { reported } from '../../src/diagnostics/report.js';
import type { ConsentCookieTableElement } from '../../src/ui/consent-cookie-table.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import { waitFor } from '../helpers/page-state.js';
import { CATEGORIES, isolateUiTests, nextFrames } from '../helpers/ui.js';
import { expectReadableCookieTables, LONG_NAMED_COOKIES } from '../helpers/cookie-table-layout.js';

const CONFIG = JSON.stringify({ categories: CATEGORIES });

async function mountPolicyPage(lang = 'en'): Promise<{ table: ConsentCookieTableElement; manager: ConsentManagerElement }> {
  const page = await fixture<HTMLElement>(html`
    <div lang=${lang}>
      <consent-cookie-table heading-level="2"></consent-cookie-table>
      <consent-manager><script type="application/json">${CONFIG}</script></consent-manager>
    </div>
  `);
  const table = page.querySelector('consent-cookie-table')!;
  const manager = page.querySelector('consent-manager')!;
  await manager.ready;
  await waitFor(() => (table.shadowRoot?.querySelectorAll('[part="category"]').length ?? 0) > 0, 3000, 'the tables');
  return { table, manager };
}

function choices(table: Element): string[] {
  return [...table.shadowRoot!.querySelectorAll('.choice')].map((choice) => choice.textContent.trim());
}

describe('<consent-cookie-table>', () => {
  const output = isolateUiTests();

  it("renders every category's cookie table, with the visitor's current choice", async () => {
    const { table, manager } = await mountPolicyPage();
    manager.adapters = [{ id: 'meta-pixel', cookies: [{ name: '_fbp', party: 'third', provider: 'Meta', category: 'marketing' }] }];
    manager.save({ analytics: true });
    await waitFor(() => choices(table)[1] === 'Your choice: allowed', 2000, 'the new choice');
    const headings = [...table.shadowRoot!.querySelectorAll('[role="heading"]')];
    expect(headings.map((heading) => [heading.textContent.trim(), heading.getAttribute('aria-level')])).to.deep.equal([
      ['Strictly necessary', '2'],
      ['Performance and analytics', '2'],
      ['Marketing', '2'],
    ]);
    expect(choices(table)).to.deep.equal(['Always on', 'Your choice: allowed', 'Your choice: not allowed']);
    const tables = table.shadowRoot!.querySelectorAll('[part="cookie-table"]');
    expect(tables).to.have.length(3);
    expect(tables[1]!.querySelector('tbody')!.textContent).to.contain('Google Analytics');
    expect(tables[2]!.querySelector('tbody')!.textContent).to.contain('_fbp');
    await reported();
    expect(output.error).to.deep.equal([]);
  });

  it('lists the cookies of adapters that arrive after it is shown, with no change of choice', async () => {
    const { table, manager } = await mountPolicyPage();
    // As the adapters a config names do: they are added once their chunk has loaded.
    manager.adapters = [...manager.adapters, { id: 'meta-pixel', cookies: [{ name: '_fbp', party: 'third', provider: 'Meta', category: 'marketing' }] }];
    await waitFor(() => table.shadowRoot!.querySelectorAll('[part="cookie-table"]')[2]?.textContent?.includes('_fbp') === true, 2000, "the adapter's cookie");
  });

  it("follows the manager's theme, unless the site gave the table its own", async () => {
    const { table, manager } = await mountPolicyPage();
    expect(table.getAttribute('theme')).to.equal('light');
    manager.theme = 'dark';
    await waitFor(() => table.getAttribute('theme') === 'dark', 2000, 'the dark theme');
    table.setAttribute('theme', 'light');
    const own = document.createElement('consent-cookie-table');
    own.setAttribute('theme', 'auto');
    table.after(own);
    await waitFor(() => (own.shadowRoot?.querySelectorAll('[part="category"]').length ?? 0) > 0, 3000, 'the second table');
    manager.theme = 'light';
    await waitFor(() => table.getAttribute('theme') === 'light', 2000, 'the light theme');
    expect(own.getAttribute('theme'), 'its own theme stays').to.equal('auto');
  });

  it('opens the preferences from its button', async () => {
    const { table, manager } = await mountPolicyPage();
    table.shadowRoot!.querySelector<HTMLButtonElement>('[part="open-preferences"]')!.click();
    await waitFor(() => manager.shadowRoot!.querySelector<HTMLDialogElement>('[part="preferences"]')?.open === true, 3000, 'the dialog');
  });

  it("speaks the visitor's language, and follows a change of it", async () => {
    const { table } = await mountPolicyPage('de');
    await waitFor(() => choices(table)[0] === 'Immer aktiv', 3000, 'German');
    expect(table.shadowRoot!.querySelector('thead')!.textContent).to.contain('Speicherdauer');
    expect(table.shadowRoot!.querySelectorAll('tbody')[1]!.textContent, "the site's own text in German").to.contain('Zählt Besuche');
    const tables = table.shadowRoot!.querySelector('.tables')!;
    expect([tables.getAttribute('lang'), tables.getAttribute('dir')]).to.deep.equal(['de', 'ltr']);
    table.parentElement!.lang = 'fr';
    await waitFor(() => choices(table)[0] === 'Toujours actifs', 3000, 'French');
    // The texts come before the manager takes the language on; the markup must not lag behind them.
    await nextFrames();
    expect(table.shadowRoot!.querySelector('.tables')!.getAttribute('lang'), 'French text is marked French').to.equal('fr');
    table.parentElement!.lang = 'he';
    await waitFor(() => choices(table)[0] === 'פעילות תמיד', 3000, 'Hebrew');
    await nextFrames();
    const hebrew = table.shadowRoot!.querySelector('.tables')!;
    expect([hebrew.getAttribute('lang'), hebrew.getAttribute('dir')], 'Hebrew text is marked Hebrew and right to left').to.deep.equal(['he', 'rtl']);
  });

  it('warns once when the page has no <consent-manager>', async () => {
    await fixture(html`<consent-cookie-table></consent-cookie-table>`);
    await waitFor(() => output.warn.length > 0, 3000, 'the warning');
    await reported();
    expect(output.warn).to.have.length(1);
    expect(output.warn[0]).to.contain('found no consent-manager');
  });

  for (const lang of ['en', 'de']) {
    it(`is readable in a 390px wide column, as on a phone: no cell cut off, no cookie name broken (${lang})`, async function () {
      // axe is slow on a loaded machine; the limit is for hangs, not for speed.
      this.timeout(30_000);
      const config = JSON.stringify({ categories: [{ id: 'necessary', required: true, cookies: LONG_NAMED_COOKIES }] });
      const page = await fixture<HTMLElement>(html`
        <div lang=${lang} style="inline-size: 390px">
          <consent-cookie-table></consent-cookie-table>
          <consent-manager><script type="application/json">${config}</script></consent-manager>
        </div>
      `);
      const table = page.querySelector('consent-cookie-table')!;
      await page.querySelector('consent-manager')!.ready;
      // The declared cookies, and the element's own cookie listed under the required category.
      await waitFor(() => table.shadowRoot?.querySelectorAll('tbody tr').length === LONG_NAMED_COOKIES.length + 1, 3000, 'the table');
      if (lang === 'de') await waitFor(() => table.shadowRoot!.querySelector('thead')!.textContent.includes('Speicherdauer'), 3000, 'German');
      await nextFrames();
      expectReadableCookieTables(table.shadowRoot!);
      // Each row keeps its table roles, though no longer displayed as a table.
      expect([...table.shadowRoot!.querySelectorAll('tbody tr')].every((row) => row.getAttribute('role') === 'row')).to.equal(true);
      if (lang === 'en') await expect(table).to.be.accessible();
    });
  }

  it('keeps a table with its header row where there is room for it', async () => {
    const config = JSON.stringify({ categories: [{ id: 'necessary', required: true, cookies: LONG_NAMED_COOKIES }] });
    const page = await fixture<HTMLElement>(html`
      <div lang="en" style="inline-size: 800px">
        <consent-cookie-table></consent-cookie-table>
        <consent-manager><script type="application/json">${config}</script></consent-manager>
      </div>
    `);
    const table = page.querySelector('consent-cookie-table')!;
    // The declared cookies, and the element's own cookie listed under the required category.
      await waitFor(() => table.shadowRoot?.querySelectorAll('tbody tr').length === LONG_NAMED_COOKIES.length + 1, 3000, 'the table');
    await nextFrames();
    expect(getComputedStyle(table.shadowRoot!.querySelector('table')!).display).to.equal('table');
    expect(table.shadowRoot!.querySelector('thead')!.getBoundingClientRect().height).to.be.greaterThan(10);
    expectReadableCookieTables(table.shadowRoot!);
  });

  // axe runs once per language (@lit/localize keeps one per page) over a light and a dark table
  // side by side: each run is slow, and four of them in one test outran its timeout under load.
  for (const lang of ['en', 'he']) {
    it(`is accessible in light and dark themes${lang === 'he' ? ', right to left' : ''}`, async () => {
      const { table } = await mountPolicyPage(lang);
      const dark = document.createElement('consent-cookie-table');
      dark.setAttribute('theme', 'dark');
      table.after(dark);
      const ready = (element: Element): boolean => element.shadowRoot?.querySelector('.choice')?.textContent.trim() === (lang === 'he' ? 'פעילות תמיד' : 'Always on');
      await waitFor(() => ready(table) && ready(dark), 3000, 'both tables');
      expect([table.getAttribute('theme'), dark.getAttribute('theme')]).to.deep.equal(['light', 'dark']);
      await nextFrames();
      await expect(table.parentElement).to.be.accessible();
    });
  }
});
