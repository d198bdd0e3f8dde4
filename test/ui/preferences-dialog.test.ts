import { expect, fixtureCleanup } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { emulateColorSchemeOrSkip, emulateMediaOrSkip, emulateMediaWhereSupported, pressShiftTab, setViewportOrSkip, setViewportWhereSupported } from '../helpers/browser-commands.js';
import { expectReadableCookieTables, LONG_NAMED_COOKIES } from '../helpers/cookie-table-layout.js';
import '../../src/define.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import { nextEvent, setGlobalPrivacyControl, storedMethod, waitFor } from '../helpers/page-state.js';
import { CATEGORIES, deepActiveElement, isolateUiTests, mountManager, nextFrames, part, parts, shownPart } from '../helpers/ui.js';

function dialogOf(element: ConsentManagerElement): HTMLDialogElement | null {
  return part<HTMLDialogElement>(element, 'preferences');
}

async function openPreferences(element: ConsentManagerElement): Promise<HTMLDialogElement> {
  element.showPreferences();
  await waitFor(() => dialogOf(element)?.open === true, 3000, 'the preferences dialog');
  return dialogOf(element)!;
}

/**
 * Whether the focus is on a control in `dialog`. The dialog itself does not count: without the
 * trap, Shift+Tab from the first control leaves the focus on the dialog element (Chromium,
 * WebKit), which `contains` would call inside.
 */
function focusInside(dialog: HTMLDialogElement): boolean {
  const active = deepActiveElement();
  return active !== dialog && dialog.contains(active);
}

function toggle(element: ConsentManagerElement, category: string): HTMLInputElement {
  return element.shadowRoot!.querySelector<HTMLInputElement>(`input[data-category="${category}"]`)!;
}

describe('the preferences dialog', () => {
  isolateUiTests();
  let opener: HTMLAnchorElement;

  beforeEach(() => {
    opener = document.createElement('a');
    opener.href = '#settings';
    opener.textContent = 'Cookie settings';
    opener.setAttribute('data-consent-open', '');
    document.body.append(opener);
  });

  afterEach(async () => {
    opener.remove();
    await emulateMediaWhereSupported({ colorScheme: 'light', reducedMotion: 'no-preference' });
    await setViewportWhereSupported({ width: 800, height: 600 });
  });

  it('is loaded only when opened', async () => {
    const requested = (): boolean => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/src/ui/preferences-dialog'));
    // Other test files run in other pages, so this page has not loaded it yet.
    const element = await mountManager();
    await shownPart(element, 'banner');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requested(), 'not loaded with the banner').to.equal(false);
    await openPreferences(element);
    expect(requested()).to.equal(true);
  });

  it('opens as a modal dialog from Customize, announcing itself and taking the focus', async () => {
    const views: string[] = [];
    const element = await mountManager();
    element.addEventListener('consent-ui-show', (event) => views.push(event.detail.view));
    (await shownPart(element, 'customize')).click();
    await waitFor(() => dialogOf(element)?.open === true, 3000, 'the dialog');
    const dialog = dialogOf(element)!;
    expect(dialog.localName).to.equal('dialog');
    expect(dialog.matches(':modal')).to.equal(true);
    expect(element.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent.trim()).to.equal('Cookie settings');
    expect(dialog.contains(deepActiveElement())).to.equal(true);
    expect(views).to.include('preferences');
  });

  it('shows required categories on and locked, and pre-ticks no optional one in opt-in mode', async () => {
    const element = await mountManager();
    await openPreferences(element);
    expect(parts(element, 'toggle').map((input) => [(input as HTMLInputElement).dataset.category, (input as HTMLInputElement).checked, (input as HTMLInputElement).disabled])).to.deep.equal([
      ['necessary', true, true],
      ['analytics', false, false],
      ['marketing', false, false],
    ]);
    expect(parts(element, 'category')[0]!.textContent).to.contain('Always on');
    for (const input of parts<HTMLInputElement>(element, 'toggle')) {
      expect(input.getAttribute('role')).to.equal('switch');
      expect(input.labels?.[0]?.textContent?.trim(), 'each switch has a label').to.not.equal('');
    }
  });

  it("names each category's cookie list with the category, so the lists are told apart", async () => {
    const element = await mountManager();
    await openPreferences(element);
    const root = element.shadowRoot!;
    const names = parts(element, 'category').map((category) => {
      const summary = category.querySelector('summary')!;
      return summary.getAttribute('aria-labelledby')!.split(' ').map((id) => root.getElementById(id)?.textContent?.trim()).join(' ');
    });
    expect(names).to.deep.equal(['Cookies in this category Strictly necessary', 'Cookies in this category Performance and analytics', 'Cookies in this category Marketing']);
  });

  it('starts from the current choice, and in opt-out mode from allowed', async () => {
    const optOut = await mountManager({ categories: CATEGORIES, mode: 'opt-out' });
    await openPreferences(optOut);
    expect(toggle(optOut, 'analytics').checked).to.equal(true);
    fixtureCleanup();
    const element = await mountManager();
    element.save({ marketing: true });
    await openPreferences(element);
    expect(toggle(element, 'analytics').checked).to.equal(false);
    expect(toggle(element, 'marketing').checked).to.equal(true);
  });

  it('saves the switches with the keyboard, records "preferences", and closes', async () => {
    const element = await mountManager();
    await openPreferences(element);
    toggle(element, 'analytics').focus();
    await sendKeys({ press: ' ' });
    expect(toggle(element, 'analytics').checked).to.equal(true);
    part(element, 'save')!.focus();
    const change = nextEvent(element, 'consent-change');
    await sendKeys({ press: 'Enter' });
    const event = await change;
    expect(event.detail.source).to.equal('preferences');
    expect(event.detail.categories).to.deep.equal({ necessary: true, analytics: true, marketing: false });
    expect(storedMethod()).to.equal('preferences');
    await element.updateComplete;
    expect(dialogOf(element)).to.equal(null);
    expect(part(element, 'banner')).to.equal(null);
  });

  it('accepts or rejects everything from its own buttons', async () => {
    const element = await mountManager();
    const dialog = await openPreferences(element);
    dialog.querySelector<HTMLButtonElement>('[part="accept-all"]')!.click();
    expect(element.consent).to.deep.equal({ necessary: true, analytics: true, marketing: true });
    await openPreferences(element);
    dialogOf(element)!.querySelector<HTMLButtonElement>('[part="reject-all"]')!.click();
    expect(element.consent).to.deep.equal({ necessary: true, analytics: false, marketing: false });
    expect(storedMethod()).to.equal('preferences');
  });

  it('opens from a data-consent-open link with the keyboard, keeps the focus inside, and gives it back on Escape', async () => {
    const element = await mountManager();
    element.rejectAll();
    opener.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => dialogOf(element)?.open === true, 3000, 'the dialog');
    const dialog = dialogOf(element)!;
    for (let step = 0; step < 14; step += 1) {
      await sendKeys({ press: 'Tab' });
      expect(focusInside(dialog), `focus inside after ${step + 1} tabs`).to.equal(true);
    }
    const hidden = nextEvent(element, 'consent-ui-hide');
    await sendKeys({ press: 'Escape' });
    expect((await hidden).detail.view).to.equal('preferences');
    await element.updateComplete;
    expect(dialogOf(element)).to.equal(null);
    expect(document.activeElement === opener, 'the focus is on the opener').to.equal(true);
    expect(location.hash, 'the link did not navigate').to.not.equal('#settings');
  });

  it('keeps the focus inside on Shift+Tab from its first control, going round to its last', async () => {
    const element = await mountManager();
    const dialog = await openPreferences(element);
    const close = dialog.querySelector<HTMLButtonElement>('.close')!;
    // The close button comes first in the dialog, so Shift+Tab from it is where the focus could leave.
    expect(dialog.querySelector('button, input:not(:disabled), summary, a[href]') === close, 'the close button is the first control').to.equal(true);
    close.focus();
    await pressShiftTab();
    expect(focusInside(dialog), 'focus inside after Shift+Tab from the first control').to.equal(true);
    expect(deepActiveElement() === part(element, 'save'), 'on the last control, Save').to.equal(true);
    for (let step = 0; step < 4; step += 1) {
      await pressShiftTab();
      expect(focusInside(dialog), `focus inside after ${step + 2} Shift+Tabs`).to.equal(true);
    }
  });

  it('animates the switches, and not when the visitor asks for reduced motion', async function () {
    const duration = (element: ConsentManagerElement): number =>
      // The knob (`::before`) is what slides; a duration like "0.15s" or "150ms".
      Math.max(...getComputedStyle(toggle(element, 'analytics'), '::before').transitionDuration.split(',').map((value) => parseFloat(value) * (value.trim().endsWith('ms') ? 1 : 1000)));
    await emulateMediaOrSkip(this, { reducedMotion: 'no-preference' });
    const element = await mountManager();
    await openPreferences(element);
    await nextFrames();
    expect(duration(element), 'a transition without the preference').to.be.greaterThan(0);
    await emulateMediaOrSkip(this, { reducedMotion: 'reduce' });
    await nextFrames();
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches, 'the preference is emulated').to.equal(true);
    expect(duration(element), 'no transition with reduced motion').to.equal(0);
  });

  it('gives the focus to the link that opened it even when activating the link did not focus it', async () => {
    // Safari does not focus links on click, and assistive technology may activate without focusing:
    // the browser's own restore would then return to wherever the focus was before.
    const element = await mountManager();
    element.rejectAll();
    const elsewhere = document.createElement('button');
    document.body.append(elsewhere);
    elsewhere.focus();
    opener.click();
    await waitFor(() => dialogOf(element)?.open === true, 3000, 'the dialog');
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    // Identity as a boolean: a failing DOM-element comparison is slow to print.
    expect(document.activeElement === opener, 'the focus is on the opener').to.equal(true);
    elsewhere.remove();
  });

  it('decides nothing when closed, and leaves the banner up for an undecided visitor', async () => {
    const element = await mountManager();
    await shownPart(element, 'banner');
    const customize = part(element, 'customize')!;
    customize.focus();
    customize.click();
    await waitFor(() => dialogOf(element)?.open === true, 3000, 'the dialog');
    dialogOf(element)!.querySelector<HTMLButtonElement>('.close')!.click();
    await element.updateComplete;
    expect(dialogOf(element)).to.equal(null);
    expect(element.decided).to.equal(false);
    expect(part(element, 'banner')).to.not.equal(null);
    expect(deepActiveElement() === customize, 'back on Customize').to.equal(true);
  });

  it('closes on hide()', async () => {
    const element = await mountManager();
    await openPreferences(element);
    element.hide();
    await element.updateComplete;
    expect(dialogOf(element)).to.equal(null);
  });

  it("lists each category's cookies from the config and from the adapters", async () => {
    const element = await mountManager();
    element.adapters = [{ id: 'meta-pixel', cookies: [{ name: '_fbp', party: 'third', provider: 'Meta', category: 'marketing', purpose: 'Ad measurement', lifetime: '3 months' }] }];
    await openPreferences(element);
    const [necessary, analytics, marketing] = parts(element, 'category');
    const rows = (category: HTMLElement): string[][] => [...category.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent.trim()));
    expect(rows(necessary!)).to.deep.equal([
      ['session', 'This site', 'First party', 'Keeps you signed in', 'session'],
      // The element's own cookie, listed without the site typing it.
      ['consent', 'This site', 'First party', 'Remembers your cookie choices. Where cookies are blocked, they are kept in this browser’s local storage instead.', '182 days'],
    ]);
    expect(rows(analytics!)).to.deep.equal([['_ga…', 'Google Analytics', 'Third party', 'Counts visits', '2 years']]);
    expect(rows(marketing!)).to.deep.equal([['_fbp', 'Meta', 'Third party', 'Ad measurement', '3 months']]);
    expect([...analytics!.querySelectorAll('thead th')].map((cell) => cell.textContent.trim())).to.deep.equal(['Name', 'Provider', 'Type', 'Purpose', 'Lifetime']);
  });

  it("shows built-in labels and descriptions for the well-known categories, and the site's own where given", async () => {
    const element = await mountManager({
      categories: [{ id: 'necessary', required: true }, { id: 'analytics', label: { en: 'Audience measurement' } }, { id: 'payments' }, { id: 'chat', label: 'Live chat' }],
    });
    await openPreferences(element);
    const labels = parts(element, 'category').map((category) => category.querySelector('label')!.textContent.trim());
    expect(labels).to.deep.equal(['Strictly necessary', 'Audience measurement', 'Payments', 'Live chat']);
    expect(parts(element, 'category')[2]!.textContent).to.contain('Process payments securely');
  });

  it('says in one line that Global Privacy Control is honoured', async () => {
    const restore = setGlobalPrivacyControl(true);
    try {
      const element = await mountManager();
      const dialog = await openPreferences(element);
      expect(dialog.textContent).to.contain('Your browser sends a Global Privacy Control signal, and we respect it.');
    } finally {
      restore();
    }
  });

  it('shows cookie tables a 390px wide phone can read: no cell cut off, no cookie name broken', async function () {
    await setViewportOrSkip(this, { width: 390, height: 844 });
    const element = await mountManager({ categories: [{ id: 'necessary', required: true, cookies: LONG_NAMED_COOKIES }, { id: 'analytics' }] });
    const dialog = await openPreferences(element);
    dialog.querySelectorAll('details').forEach((details) => (details.open = true));
    await nextFrames();
    // (Its accessibility in this layout is checked on <consent-cookie-table>, which renders the same table.)
    expectReadableCookieTables(dialog);
  });

  it('gives accept, reject and save the same computed size and style', async () => {
    const element = await mountManager();
    const dialog = await openPreferences(element);
    await nextFrames();
    const styles = ['accept-all', 'reject-all', 'save'].map((name) => {
      const style = getComputedStyle(dialog.querySelector(`[part="${name}"]`)!);
      return [Math.round(parseFloat(style.width)), Math.round(parseFloat(style.height)), style.color, style.backgroundColor, style.fontSize, style.fontWeight, style.borderTopWidth, style.borderRadius];
    });
    expect(styles[1]).to.deep.equal(styles[0]);
    expect(styles[2]).to.deep.equal(styles[0]);
  });

  for (const [attributes, scheme] of [
    ['theme="light"', 'light'],
    ['theme="dark"', 'light'],
    ['theme="auto"', 'dark'],
    ['lang="he"', 'light'],
  ] as const) {
    it(`is accessible (${attributes}, ${scheme} system preference), cookie tables open`, async function () {
      await emulateColorSchemeOrSkip(this, scheme);
      const element = await mountManager(undefined, attributes);
      const dialog = await openPreferences(element);
      if (attributes === 'lang="he"') await waitFor(() => dialog.getAttribute('dir') === 'rtl' && part(element, 'save')!.textContent.trim() === 'שמירת הבחירות', 3000, 'Hebrew');
      dialog.querySelectorAll('details').forEach((details) => (details.open = true));
      await nextFrames();
      await expect(element).to.be.accessible();
    });
  }
});
