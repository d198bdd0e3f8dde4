/**
 * The element's one view state (none, banner, preferences with the element that opened them):
 * the transitions the other UI suites do not already walk through.
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { encodeRecord } from '../../src/core/record.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import { blockCookies, waitFor } from '../helpers/page-state.js';
import { CATEGORIES, deepActiveElement, isolateUiTests, mountManager, part, shownPart } from '../helpers/ui.js';

function dialogOf(element: ConsentManagerElement): HTMLDialogElement | null {
  return part<HTMLDialogElement>(element, 'preferences');
}

async function dialogOpen(element: ConsentManagerElement): Promise<HTMLDialogElement> {
  await waitFor(() => dialogOf(element)?.open === true, 3000, 'the preferences dialog');
  return dialogOf(element)!;
}

function settingsLink(text: string): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = '#settings';
  link.textContent = text;
  link.setAttribute('data-consent-open', '');
  document.body.append(link);
  return link;
}

describe('the view state', () => {
  let restoreCookies = (): void => undefined;
  // Registered before isolateUiTests, so cookies work again when its clean-up clears them.
  afterEach(() => restoreCookies());
  isolateUiTests();

  it('keeps the first opener when the preferences are opened again while open, and shows them once', async () => {
    const element = await mountManager();
    const first = settingsLink('Cookie settings');
    const second = settingsLink('Privacy');
    // Where the focus is when the link is clicked without taking it (as a mouse click in Safari
    // does): a closing modal dialog would give it back there by itself.
    const elsewhere = document.createElement('button');
    elsewhere.textContent = 'elsewhere';
    document.body.append(elsewhere);
    try {
      const shown: string[] = [];
      element.addEventListener('consent-ui-show', (event) => shown.push(event.detail.view));
      elsewhere.focus();
      first.click();
      const dialog = await dialogOpen(element);
      // A click the page forwards, and a call from code, while the dialog is open.
      second.click();
      element.showPreferences();
      await element.updateComplete;
      expect(dialogOf(element) === dialog, 'the same dialog').to.equal(true);
      expect(dialog.open).to.equal(true);
      dialog.querySelector<HTMLButtonElement>('.close')!.click();
      await element.updateComplete;
      expect(dialogOf(element)).to.equal(null);
      expect(document.activeElement === first, 'the focus is on the first opener').to.equal(true);
      expect(shown.filter((view) => view === 'preferences')).to.deep.equal(['preferences']);
    } finally {
      first.remove();
      second.remove();
      elsewhere.remove();
    }
  });

  it('opened before the element started, for a visitor without a choice: the banner shows under the dialog, and stays when it closes', async () => {
    const element = document.createElement('consent-manager');
    const config = document.createElement('script');
    config.type = 'application/json';
    config.textContent = JSON.stringify({ categories: CATEGORIES });
    element.append(config);
    // Before it is even in the page: the stored choice is not known yet.
    element.showPreferences();
    document.body.append(element);
    try {
      await element.ready;
      const dialog = await dialogOpen(element);
      await shownPart(element, 'banner');
      dialog.querySelector<HTMLButtonElement>('.close')!.click();
      await element.updateComplete;
      expect(dialogOf(element)).to.equal(null);
      expect(part(element, 'banner'), 'the banner an undecided visitor is due').to.not.equal(null);
      expect(element.decided).to.equal(false);
    } finally {
      element.remove();
    }
  });

  it('a choice made in another tab takes the banner away from under the open dialog, which shows the new choice and stays', async () => {
    restoreCookies = blockCookies();
    const element = await mountManager();
    await shownPart(element, 'banner');
    const customize = part(element, 'customize')!;
    customize.focus();
    customize.click();
    const dialog = await dialogOpen(element);
    const marketing = (): HTMLInputElement => dialogOf(element)!.querySelector<HTMLInputElement>('input[data-category="marketing"]')!;
    expect(marketing().checked).to.equal(false);
    const now = Math.floor(Date.now() / 1000);
    localStorage.setItem('consent', encodeRecord({ version: 1, id: 'CCCCCCCCCCCCCCCCCCCCCC', revision: 0, createdAt: now, updatedAt: now, granted: ['necessary', 'marketing'], denied: ['analytics'], method: 'banner', gpc: false, language: 'en' }));
    // What the browser sends the other tabs; a browser never sends it to the tab that wrote.
    window.dispatchEvent(new StorageEvent('storage', { key: 'consent', newValue: localStorage.getItem('consent'), storageArea: localStorage, url: location.href }));
    await waitFor(() => element.decided, 2000, 'the choice from the other tab');
    await element.updateComplete;
    expect(part(element, 'banner'), 'no banner for a visitor who chose').to.equal(null);
    expect(dialogOf(element) === dialog && dialog.open, 'the dialog stays open').to.equal(true);
    expect(marketing().checked, 'it shows the choice now stored').to.equal(true);
    dialog.querySelector<HTMLButtonElement>('.close')!.click();
    await element.updateComplete;
    expect(dialogOf(element)).to.equal(null);
    expect(part(element, 'banner'), 'still no banner once the dialog closed').to.equal(null);
    expect(deepActiveElement() === customize || !customize.isConnected, 'the focus goes back to Customize if it is still there').to.equal(true);
  });
});
