import { expect, fixtureCleanup } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { emulateColorSchemeOrSkip, emulateMediaOrSkip, emulateMediaWhereSupported, setViewportOrSkip, setViewportWhereSupported } from '../helpers/browser-commands.js';
import '../../src/define.js';
import { reported } from '../../src/diagnostics/report.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import { nextEvent, setGlobalPrivacyControl, storedMethod, waitFor } from '../helpers/page-state.js';
import { CATEGORIES, deepActiveElement, isolateUiTests, mountManager, nextFrames, part, parts, shownPart } from '../helpers/ui.js';

const BUTTONS = ['accept-all', 'reject-all', 'customize'];
/** What makes one button more prominent than another. */
const PROMINENCE = ['width', 'height', 'font-size', 'font-weight', 'font-family', 'color', 'background-color', 'border-top-width', 'border-top-color', 'border-radius', 'padding-top', 'padding-left', 'text-decoration-line', 'opacity'] as const;

describe('the banner', () => {
  const output = isolateUiTests();

  afterEach(async () => {
    await emulateMediaWhereSupported({ colorScheme: 'light', reducedMotion: 'no-preference' });
    await setViewportWhereSupported({ width: 800, height: 600 });
  });

  it('renders a title, a short text, the policy link and three buttons', async () => {
    const element = await mountManager({ categories: CATEGORIES, policyUrl: { en: '/cookies', de: '/de/cookies' } });
    const banner = await shownPart(element, 'banner');
    expect(part(element, 'title')!.textContent.trim()).to.equal('This site uses cookies');
    expect(banner.querySelector('#text')!.textContent).to.contain('You can change your choice at any time.');
    const link = banner.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('/cookies');
    expect(link.textContent.trim()).to.equal('Cookie policy');
    expect(BUTTONS.map((name) => part(element, name)!.textContent.trim())).to.deep.equal(['Accept all', 'Reject all', 'Customize']);
    await reported();
    expect([...output.error, ...output.warn, ...output.other]).to.deep.equal([]);
  });

  it('has no policy link when the config names no policy', async () => {
    const element = await mountManager();
    const banner = await shownPart(element, 'banner');
    expect(banner.querySelector('a')).to.equal(null);
  });

  /** Each button's computed prominence; widths and heights rounded, as `1fr` grid tracks share them to a fraction of a pixel. */
  function prominence(element: ConsentManagerElement): Record<string, string>[] {
    return BUTTONS.map((name) => {
      const style = getComputedStyle(part(element, name)!);
      const value = (property: string): string => (/^(width|height)$/.test(property) ? String(Math.round(parseFloat(style.getPropertyValue(property)))) : style.getPropertyValue(property));
      return Object.fromEntries(PROMINENCE.map((property) => [property, value(property)]));
    });
  }

  async function expectEqualProminence(attributes: string, label: string, labels = ['Accept all', 'Reject all', 'Customize']): Promise<void> {
    for (const layout of ['box', 'bar']) {
      const element = await mountManager(undefined, `layout="${layout}" ${attributes}`);
      await shownPart(element, 'banner');
      // Texts of other languages load on their own; measuring before they arrive would measure English.
      await waitFor(() => BUTTONS.every((name, index) => part(element, name)?.textContent?.trim() === labels[index]), 3000, `the labels ${labels.join(', ')}`);
      await nextFrames();
      const styles = prominence(element);
      expect(styles[1], `reject vs accept (${layout}, ${label})`).to.deep.equal(styles[0]);
      expect(styles[2], `customize vs accept (${layout}, ${label})`).to.deep.equal(styles[0]);
      expect(parseFloat(styles[0]!.width!), `${layout}, ${label}`).to.be.greaterThan(40);
      fixtureCleanup();
    }
  }

  it('gives accept, reject and customize the same computed size and style', async () => {
    await expectEqualProminence('', 'desktop');
  });

  it('gives accept, reject and customize the same size and style on a phone', async function () {
    // Below 48rem the bar stops being one row, and the box is nearly the whole width.
    await setViewportOrSkip(this, { width: 360, height: 640 });
    await expectEqualProminence('', 'phone');
  });

  it('gives accept, reject and customize the same size and style with longer German labels', async function () {
    for (const viewport of [{ width: 800, height: 600 }, { width: 360, height: 640 }]) {
      await setViewportOrSkip(this, viewport);
      await expectEqualProminence('lang="de"', `German, ${viewport.width}px`, ['Alle akzeptieren', 'Alle ablehnen', 'Anpassen']);
    }
  });

  it('is a labelled region inside a live region, and does not take the focus', async () => {
    const outside = document.createElement('button');
    outside.textContent = 'page button';
    document.body.append(outside);
    outside.focus();
    const element = await mountManager();
    const liveRegion = element.shadowRoot!.querySelector('[aria-live="polite"]')!;
    // The live region is there before the banner, so screen readers announce the banner's arrival.
    expect(liveRegion.children).to.have.length(0);
    const banner = await shownPart(element, 'banner');
    expect(banner.parentElement === liveRegion, 'inside the live region').to.equal(true);
    expect(banner.getAttribute('role')).to.equal('region');
    expect(element.shadowRoot!.getElementById(banner.getAttribute('aria-labelledby')!)!.textContent).to.contain('This site uses cookies');
    expect(document.activeElement === outside, 'the focus stayed on the page').to.equal(true);
    outside.remove();
  });

  it('leaves the page usable: nothing covers it beyond the banner, nothing is inert', async () => {
    const element = await mountManager();
    const banner = await shownPart(element, 'banner');
    await nextFrames();
    const rect = banner.getBoundingClientRect();
    expect(rect.width * rect.height).to.be.lessThan(innerWidth * innerHeight * 0.5);
    expect(document.elementFromPoint(10, 10) === element, 'the page corner is not covered').to.equal(false);
    expect(document.body.inert).to.equal(false);
    expect(getComputedStyle(banner).position).to.equal('fixed');
  });

  it('causes no layout shift when it appears', async () => {
    const content = document.createElement('div');
    content.innerHTML = '<h1>Page</h1><p>Some text that the banner must not move.</p><p>More text.</p>';
    document.body.append(content);
    await nextFrames();
    let shift = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) shift += entry.value;
      }
    });
    // The Layout Instability API exists only in Chromium; everywhere, the content must not move.
    const measuresShifts = PerformanceObserver.supportedEntryTypes.includes('layout-shift');
    if (measuresShifts) observer.observe({ type: 'layout-shift' });
    const before = content.getBoundingClientRect().top;
    // First in the page, above the content, where a banner in the flow would push everything down.
    const element = document.createElement('consent-manager');
    element.config = { categories: CATEGORIES };
    document.body.prepend(element);
    await element.ready;
    await shownPart(element, 'banner');
    await nextFrames();
    await new Promise((resolve) => setTimeout(resolve, 100));
    observer.takeRecords().forEach((entry) => (shift += (entry as PerformanceEntry & { value: number }).value));
    observer.disconnect();
    expect(shift, 'cumulative layout shift').to.equal(0);
    expect(content.getBoundingClientRect().top).to.equal(before);
    content.remove();
    element.remove();
  });

  it('records the banner as the source of a choice, and goes', async () => {
    const element = await mountManager();
    (await shownPart(element, 'reject-all')).click();
    expect(element.consent).to.deep.equal({ necessary: true, analytics: false, marketing: false });
    expect(storedMethod()).to.equal('banner');
    await element.updateComplete;
    expect(part(element, 'banner')).to.equal(null);
  });

  it('treats Escape in the banner as "Reject all"', async () => {
    const element = await mountManager({ categories: CATEGORIES, mode: 'opt-out' });
    const accept = await shownPart(element, 'accept-all');
    accept.focus();
    const change = nextEvent(element, 'consent-change');
    await sendKeys({ press: 'Escape' });
    const event = await change;
    expect(event.detail.source).to.equal('banner');
    expect(event.detail.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false });
  });

  it('is reachable and usable with the keyboard alone', async () => {
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.prepend(before);
    const element = await mountManager();
    await shownPart(element, 'banner');
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement() === part(element, 'accept-all'), 'Tab reaches Accept all').to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement() === part(element, 'reject-all'), 'then Reject all').to.equal(true);
    const change = nextEvent(element, 'consent-change');
    await sendKeys({ press: 'Enter' });
    expect((await change).detail.categories.analytics).to.equal(false);
    before.remove();
  });

  it('shows a visible focus ring', async () => {
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.prepend(before);
    const element = await mountManager();
    const accept = await shownPart(element, 'accept-all');
    before.focus();
    // Reached from the keyboard, so that :focus-visible applies in every engine.
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement() === accept, 'Tab reaches Accept all').to.equal(true);
    const style = getComputedStyle(accept);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    before.remove();
  });

  it('blocks the page only when the site sets blocking: a modal dialog, where Escape rejects', async () => {
    const element = await mountManager(undefined, 'blocking');
    const banner = await shownPart<HTMLDialogElement>(element, 'banner');
    expect(banner.localName).to.equal('dialog');
    expect(banner.matches(':modal')).to.equal(true);
    expect(element.shadowRoot!.activeElement, 'the focus moved into it').to.not.equal(null);
    const change = nextEvent(element, 'consent-change');
    await sendKeys({ press: 'Escape' });
    expect((await change).detail.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false });
  });

  it('sits in the corner or edge that layout and position ask for, following the reading direction', async function () {
    await setViewportOrSkip(this, { width: 1000, height: 700 });
    // Within a pixel: engines round sub-pixel layout differently (Firefox: 700.0000153).
    const near = (value: number, expected: number) => Math.abs(value - expected) < 1;
    // The box keeps the default spacing (1rem) from the edges it sits on.
    const left = (rect: DOMRect) => near(rect.left, 16) && rect.right < 600;
    const right = (rect: DOMRect) => near(rect.right, 984) && rect.left > 400;
    const centred = (rect: DOMRect) => near(rect.left + rect.width / 2, 500) && rect.width < 600;
    const top = (rect: DOMRect) => near(rect.top, 16) && rect.bottom < 500;
    const bottom = (rect: DOMRect) => near(rect.bottom, 684) && rect.top > 200;
    const both = (...checks: ((rect: DOMRect) => boolean)[]) => (rect: DOMRect) => checks.every((check) => check(rect));
    const cases: [string, (rect: DOMRect) => boolean][] = [
      ['', both(bottom, right)],
      ['position="bottom-end"', both(bottom, right)],
      ['position="bottom-start"', both(bottom, left)],
      ['position="bottom"', both(bottom, centred)],
      ['position="top-end"', both(top, right)],
      ['position="top-start"', both(top, left)],
      ['position="top"', both(top, centred)],
      ['lang="ar"', both(bottom, left)],
      ['position="bottom-end" lang="he"', both(bottom, left)],
      ['position="bottom-start" lang="ar"', both(bottom, right)],
      ['position="bottom" lang="ar"', both(bottom, centred)],
      ['position="top-end" lang="he"', both(top, left)],
      ['position="top-start" lang="ar"', both(top, right)],
      ['position="top" lang="he"', both(top, centred)],
      ['layout="bar"', (rect) => near(rect.left, 0) && near(rect.width, 1000) && near(rect.bottom, 700)],
      ['layout="bar" position="top"', (rect) => near(rect.top, 0) && near(rect.width, 1000)],
      ['layout="bar" position="top-end" lang="ar"', (rect) => near(rect.top, 0) && near(rect.width, 1000)],
      ['layout="bar" position="bottom-start"', (rect) => near(rect.bottom, 700) && near(rect.width, 1000)],
    ];
    for (const [attributes, expected] of cases) {
      const element = await mountManager(undefined, attributes);
      await shownPart(element, 'banner', 5000);
      // The direction comes with the language's texts; measuring before would measure left to right.
      const rtl = /lang="(ar|he)"/.test(attributes);
      await waitFor(() => getComputedStyle(part(element, 'banner')!).direction === (rtl ? 'rtl' : 'ltr'), 3000, `direction of ${attributes}`);
      await nextFrames();
      const rect = part(element, 'banner')!.getBoundingClientRect();
      expect(expected(rect), `${attributes || 'default'}: ${JSON.stringify(rect)}`).to.equal(true);
      fixtureCleanup();
    }
  });

  it('says in one line that Global Privacy Control is honoured', async () => {
    const restore = setGlobalPrivacyControl(true);
    try {
      const element = await mountManager();
      const banner = await shownPart(element, 'banner');
      expect(banner.textContent).to.contain('Your browser sends a Global Privacy Control signal, and we respect it.');
    } finally {
      restore();
    }
    const element = await mountManager();
    expect((await shownPart(element, 'banner')).textContent).to.not.contain('Global Privacy Control');
  });

  it('says nothing about Global Privacy Control when the config ignores it (gpcDenies: [])', async () => {
    const restore = setGlobalPrivacyControl(true);
    try {
      // The same signal with the default config shows the line, so its absence below is the config's doing.
      const honoured = await mountManager();
      expect((await shownPart(honoured, 'banner')).textContent).to.contain('Global Privacy Control');
      fixtureCleanup();
      const ignored = await mountManager({ categories: CATEGORIES, gpcDenies: [] });
      const banner = await shownPart(ignored, 'banner');
      expect(banner.textContent).to.contain('This site uses cookies');
      expect(banner.textContent).to.not.contain('Global Privacy Control');
    } finally {
      restore();
    }
  });

  it("shows the site's own banner description, in the visitor's language", async () => {
    const texts = { bannerDescription: { en: 'Parley keeps two cookies of its own and asks before any other.', de: 'Parley setzt zwei eigene Cookies und fragt vor allen anderen.' } };
    const english = await mountManager({ categories: CATEGORIES, texts });
    const text = (await shownPart(english, 'banner')).querySelector('#text')!.textContent;
    expect(text).to.contain(texts.bannerDescription.en);
    expect(text, 'instead of the built-in text').to.not.contain('You can change your choice at any time.');
    fixtureCleanup();
    const german = await mountManager({ categories: CATEGORIES, texts }, 'lang="de"');
    await shownPart(german, 'banner');
    await waitFor(() => part(german, 'banner')?.querySelector('#text')?.textContent?.includes(texts.bannerDescription.de) === true, 3000, 'the German description');
  });

  it("uses the site's own texts for the visitor's language and the built-in ones otherwise", async () => {
    const texts = { bannerTitle: { en: 'Cookies at Parley', de: 'Cookies bei Parley' }, policyLink: 'Our cookies' };
    const english = await mountManager({ categories: CATEGORIES, texts, policyUrl: '/cookies' });
    expect((await shownPart(english, 'title')).textContent.trim()).to.equal('Cookies at Parley');
    expect(part(english, 'banner')!.querySelector('a')!.textContent.trim()).to.equal('Our cookies');
    fixtureCleanup();
    const french = await mountManager({ categories: CATEGORIES, texts }, 'lang="fr"');
    await waitFor(() => part(french, 'title')?.textContent?.trim() === 'Ce site utilise des cookies', 3000, 'the French title');
  });

  it('fires consent-ui-show and consent-ui-hide, and obeys showBanner() and hide()', async () => {
    const views: string[] = [];
    const onShow = (event: GlobalEventHandlersEventMap['consent-ui-show']): number => views.push(`show ${event.detail.view}`);
    const onHide = (event: GlobalEventHandlersEventMap['consent-ui-hide']): number => views.push(`hide ${event.detail.view}`);
    document.addEventListener('consent-ui-show', onShow);
    document.addEventListener('consent-ui-hide', onHide);
    const element = await mountManager();
    await shownPart(element, 'banner');
    element.hide();
    await element.updateComplete;
    expect(part(element, 'banner')).to.equal(null);
    expect(element.decided, 'hiding decides nothing').to.equal(false);
    element.acceptAll();
    element.showBanner();
    await element.updateComplete;
    expect(part(element, 'banner'), 'shown again to a visitor who chose').to.not.equal(null);
    (part(element, 'reject-all')!).click();
    await element.updateComplete;
    document.removeEventListener('consent-ui-show', onShow);
    document.removeEventListener('consent-ui-hide', onHide);
    expect(views).to.deep.equal(['show banner', 'hide banner', 'show banner', 'hide banner']);
  });

  for (const layout of ['box', 'bar']) {
    it(`keeps its layout (${layout}) the same while the preferences are open and after they close`, async () => {
      /** Every node of the banner: its box relative to the banner's, and the styles that lay it out. */
      const layoutOf = (banner: HTMLElement): string[] => {
        const origin = banner.getBoundingClientRect();
        return [banner, ...banner.querySelectorAll<HTMLElement>('*')].map((node) => {
          const rect = node.getBoundingClientRect();
          const style = getComputedStyle(node);
          const box = [rect.left - origin.left, rect.top - origin.top, rect.width, rect.height].map(Math.round);
          return `${node.localName}.${node.className} ${box.join(',')} ${style.position} ${style.padding} ${style.borderTopWidth} ${style.borderTopColor} ${style.backgroundColor}`;
        });
      };
      const element = await mountManager(undefined, `layout="${layout}"`);
      const banner = await shownPart(element, 'banner');
      await nextFrames();
      const before = layoutOf(banner);
      element.showPreferences();
      await waitFor(() => part<HTMLDialogElement>(element, 'preferences')?.open === true, 3000, 'the dialog');
      await nextFrames();
      expect(layoutOf(banner), 'while the dialog is open').to.deep.equal(before);
      part(element, 'preferences')!.querySelector<HTMLButtonElement>('.close')!.click();
      await element.updateComplete;
      await nextFrames();
      expect(part(element, 'preferences')).to.equal(null);
      expect(part(element, 'banner') === banner, 'the same banner').to.equal(true);
      expect(layoutOf(banner), 'after the dialog closed').to.deep.equal(before);
    });
  }

  it('fires consent-ui-show once the banner is on screen, bubbling and composed', async () => {
    const shown = nextEvent(document, 'consent-ui-show');
    const element = await mountManager();
    const event = await shown;
    expect(event.detail.view).to.equal('banner');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(part(element, 'banner')).to.not.equal(null);
  });

  it('is not loaded for a visitor who has chosen', async () => {
    const first = await mountManager();
    first.rejectAll();
    fixtureCleanup();
    const next = await mountManager();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(part(next, 'banner')).to.equal(null);
    expect(next.shadowRoot!.adoptedStyleSheets.length, 'no banner styles either').to.equal(1);
  });

  for (const [theme, scheme] of [
    ['light', 'light'],
    ['dark', 'light'],
    ['auto', 'dark'],
  ] as const) {
    it(`is accessible (${theme} theme, ${scheme} system preference)`, async function () {
      await emulateColorSchemeOrSkip(this, scheme);
      const element = await mountManager({ categories: CATEGORIES, policyUrl: '/cookies' }, `theme="${theme}"`);
      await shownPart(element, 'banner');
      await nextFrames();
      await expect(element).to.be.accessible();
    });
  }

  it('is accessible in a right-to-left language, laid out right to left', async () => {
    const element = await mountManager({ categories: CATEGORIES, policyUrl: '/cookies' }, 'lang="ar"');
    const banner = await shownPart(element, 'banner');
    await waitFor(() => part(element, 'title')?.textContent?.trim() === 'يستخدم هذا الموقع ملفات تعريف الارتباط', 3000, 'the Arabic title');
    expect(banner.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(banner).direction).to.equal('rtl');
    const [accept, reject] = parts(element, 'accept-all').concat(parts(element, 'reject-all'));
    expect(accept!.getBoundingClientRect().left, 'the first button is on the right').to.be.greaterThan(reject!.getBoundingClientRect().left);
    await expect(element).to.be.accessible();
  });

  it('keeps the first layer still: no animation to reduce', async function () {
    await emulateMediaOrSkip(this, { reducedMotion: 'reduce' });
    const element = await mountManager();
    const banner = await shownPart(element, 'banner');
    expect(banner.getAnimations()).to.have.length(0);
  });
});

export type { ConsentManagerElement };
