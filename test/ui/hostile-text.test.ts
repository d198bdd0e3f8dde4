import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/define.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import { clearBrowserStorage, waitFor } from '../helpers/page-state.js';
import { mountManager, part, shownPart } from '../helpers/ui.js';

// Configuration texts are the site's, but they are copied around and sometimes assembled from
// a CMS: markup in them must show as text and never become elements or run.
const PAYLOAD = '<img src="x" onerror="window.hostileTextRan = true"><b>bold</b><script>window.hostileTextRan = true</script>';

const CONFIG = {
  categories: [
    { id: 'necessary', required: true },
    {
      id: 'analytics',
      label: `Analytics ${PAYLOAD}`,
      description: `Counts visits ${PAYLOAD}`,
      cookies: [{ name: '_ga', party: 'third', provider: `Google ${PAYLOAD}`, purpose: `Distinguishes visitors ${PAYLOAD}`, lifetime: '2 years' }],
    },
  ],
  texts: { bannerTitle: `Cookies ${PAYLOAD}`, bannerDescription: `We use cookies ${PAYLOAD}`, preferencesTitle: `Settings ${PAYLOAD}` },
  policyUrl: '/cookies',
};

declare global {
  interface Window {
    hostileTextRan?: boolean;
  }
}

function injected(root: ParentNode): Element[] {
  return [...root.querySelectorAll('img, b, script')];
}

describe('texts from the configuration', () => {
  beforeEach(clearBrowserStorage);
  afterEach(() => {
    fixtureCleanup();
    clearBrowserStorage();
  });

  it('show as text in the banner and the preferences, and never run', async () => {
    const element = await mountManager(CONFIG);
    await shownPart(element, 'banner');
    expect(part(element, 'title')!.textContent).to.equal(`Cookies ${PAYLOAD}`);
    element.showPreferences();
    const dialog = await shownPart(element, 'preferences');
    dialog.querySelectorAll('details').forEach((details) => (details.open = true));
    await waitFor(() => dialog.textContent.includes(`Distinguishes visitors ${PAYLOAD}`), 3000, 'the cookie table');
    expect(dialog.textContent).to.contain(`Settings ${PAYLOAD}`).and.contain(`Analytics ${PAYLOAD}`).and.contain(`Google ${PAYLOAD}`);
    expect(injected(element.shadowRoot!)).to.deep.equal([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(window.hostileTextRan).to.equal(undefined);
  });

  it('show as text in <consent-cookie-table>', async () => {
    const [manager, table] = (await fixture<HTMLElement>(html`<div>
      <consent-manager><script type="application/json">${JSON.stringify(CONFIG)}</script></consent-manager>
      <consent-cookie-table></consent-cookie-table>
    </div>`)).children as unknown as [ConsentManagerElement, HTMLElement];
    await manager.ready;
    await waitFor(() => (table.shadowRoot?.textContent ?? '').includes(`Distinguishes visitors ${PAYLOAD}`), 3000, 'the cookie table');
    expect(table.shadowRoot!.textContent).to.contain(`Analytics ${PAYLOAD}`).and.contain(`Counts visits ${PAYLOAD}`);
    expect(injected(table.shadowRoot!)).to.deep.equal([]);
    expect(window.hostileTextRan).to.equal(undefined);
  });
});
