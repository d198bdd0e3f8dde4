/** Whether cookie tables can be read where they are shown: nothing cut off, no name broken. */
import { expect } from '@open-wc/testing';

/** Cookies with names as long as real ones, and purposes long enough to wrap. */
export const LONG_NAMED_COOKIES = [
  { name: '_hjSessionUser_1234567', party: 'third', provider: 'Hotjar', purpose: 'Recognises a returning visitor across sessions for heatmaps and recordings', lifetime: '1 year' },
  { name: 'OptanonAlertBoxClosed', party: 'first', purpose: 'Remembers that the cookie notice was closed', lifetime: '1 year' },
  { name: '__Secure-3PSIDCC', party: 'third', provider: 'Google', domain: '.google.com', purpose: 'Protects against fraud', lifetime: '2 years' },
  { name: 'ajs_anonymous_id', party: 'first', provider: 'Segment', purpose: 'Counts visits', lifetime: '1 year' },
  { pattern: '^__stripe_mid', party: 'first', provider: 'Stripe', purpose: 'Fraud prevention', lifetime: '1 year' },
];

/**
 * Checks every cookie table under `root`: no sideways scrolling, every cell inside the table's
 * box, each cookie name on one line, and each value labelled with its column (the header row,
 * or, where the rows are cards, the column's name before the value).
 */
export function expectReadableCookieTables(root: ParentNode): void {
  const tables = [...root.querySelectorAll<HTMLElement>('[part="cookie-table"]')];
  expect(tables.length, 'cookie tables').to.be.greaterThan(0);
  for (const table of tables) {
    const wrapper = table.parentElement!;
    expect(wrapper.scrollWidth, 'nothing to scroll sideways to').to.be.at.most(wrapper.clientWidth);
    const bounds = wrapper.getBoundingClientRect();
    for (const cell of table.querySelectorAll<HTMLElement>('tbody th, tbody td')) {
      const rect = cell.getBoundingClientRect();
      expect(rect.width, `${cell.textContent.trim()} is shown`).to.be.greaterThan(0);
      expect(rect.left >= bounds.left - 0.5 && rect.right <= bounds.right + 0.5, `${cell.textContent.trim()} within the table`).to.equal(true);
    }
    for (const name of table.querySelectorAll<HTMLElement>('tbody code')) {
      expect(name.getClientRects().length, `${name.textContent} on one line`).to.equal(1);
    }
    const headers = [...table.querySelectorAll('thead th')].map((header) => header.textContent.trim());
    const headersShown = table.querySelector('thead')!.getBoundingClientRect().height > 1;
    for (const row of table.querySelectorAll<HTMLElement>('tbody tr')) {
      const cells = [...row.querySelectorAll('td')];
      const labels = cells.map((cell) => getComputedStyle(cell, '::before').content);
      expect(headersShown || labels.every((label) => label !== 'none' && label !== 'normal'), `column names shown: ${labels.join()}`).to.equal(true);
      expect(cells.map((cell) => cell.dataset.label)).to.deep.equal(headers.slice(1));
    }
  }
}
