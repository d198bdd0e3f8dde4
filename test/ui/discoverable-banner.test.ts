// Issue 16 §2: compliance scanners and consent-automation tools find the banner, its buttons and
// its policy link by the names they look for (test/helpers/banner-heuristic.mjs plays such a tool),
// and the names change neither the look nor the accessible name.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import { findConsentBanners } from '../helpers/banner-heuristic.mjs';
import { waitFor } from '../helpers/page-state.js';
import { CATEGORIES, isolateUiTests, mountManager, nextFrames, part, shownPart } from '../helpers/ui.js';

const POLICY = { categories: CATEGORIES, policyUrl: '/cookies' };

/** What the scanner-like finder takes for the banner, and the element's own parts it should be. */
function expectFoundAsTheBanner(element: ConsentManagerElement, label: string): void {
  const [found, ...others] = findConsentBanners(document);
  expect(found, `${label}: a banner is found`).to.not.equal(undefined);
  expect(found!.element === part(element, 'banner'), `${label}: the element's banner is the best match`).to.equal(true);
  expect(others.map((other) => other.element.outerHTML.slice(0, 80)), `${label}: nothing else looks like one`).to.deep.equal([]);
  expect(found!.buttons.accept === part(element, 'accept-all'), `${label}: accept`).to.equal(true);
  expect(found!.buttons.reject === part(element, 'reject-all'), `${label}: reject`).to.equal(true);
  expect(found!.buttons.settings === part(element, 'customize'), `${label}: settings`).to.equal(true);
}

describe('a banner other tools can find', () => {
  isolateUiTests();

  it('is found by its id, class and accessible name, with its accept, reject and settings buttons and its policy link', async () => {
    const element = await mountManager(POLICY);
    const banner = await shownPart(element, 'banner');
    expectFoundAsTheBanner(element, 'English');
    const [found] = findConsentBanners(document);
    expect(found!.signals).to.deep.equal(['id', 'class', 'name']);
    expect(found!.policyLink === banner.querySelector('a'), 'the policy link').to.equal(true);
    // The stable hooks a rule or a scanner can name (README "Finding the banner").
    expect(banner.id).to.equal('cookie-consent-banner');
    expect(banner.classList.contains('cookie-consent') && banner.classList.contains('consent-banner')).to.equal(true);
    expect(['accept-all', 'reject-all', 'customize'].map((name) => part(element, name)!.id)).to.deep.equal(['cookie-consent-accept-all', 'cookie-consent-reject-all', 'cookie-consent-customize']);
    expect(banner.querySelector('a')!.id).to.equal('cookie-consent-policy');
    expect(banner.querySelector('a')!.rel).to.equal('privacy-policy');
  });

  it('is found in a language whose words the finder does not know, by its ids (Finnish)', async () => {
    const element = await mountManager(POLICY, 'lang="fi"');
    await shownPart(element, 'banner');
    await waitFor(() => part(element, 'reject-all')?.textContent !== 'Reject all', 3000, 'the Finnish texts');
    expect(part(element, 'title')!.textContent, 'the title says "evästeitä", not "cookie"').to.not.match(/cookie/i);
    expectFoundAsTheBanner(element, 'Finnish');
    expect(findConsentBanners(document)[0]!.signals, 'by its id and class alone').to.deep.equal(['id', 'class']);
  });

  it('is found as a modal dialog when the site sets blocking', async () => {
    const element = await mountManager(POLICY, 'blocking');
    const banner = await shownPart(element, 'banner');
    expect(banner.localName).to.equal('dialog');
    expectFoundAsTheBanner(element, 'blocking');
  });

  it('outranks another fixed element that speaks of consent, and a returning visitor has no banner to find', async () => {
    const decoy = document.createElement('aside');
    decoy.setAttribute('aria-label', 'Consent events');
    decoy.className = 'consent-log';
    decoy.style.cssText = 'position: fixed; bottom: 0; left: 0';
    decoy.append(Object.assign(document.createElement('button'), { textContent: 'Clear' }));
    document.body.append(decoy);
    try {
      const element = await mountManager(POLICY);
      await shownPart(element, 'banner');
      const found = findConsentBanners(document);
      expect(found.map((banner) => banner.element === part(element, 'banner') || banner.element === decoy)).to.deep.equal([true, true]);
      expect(found[0]!.element === part(element, 'banner'), 'the banner comes first').to.equal(true);

      part(element, 'reject-all')!.click();
      await element.updateComplete;
      expect(findConsentBanners(document).map((banner) => banner.element === decoy), 'only the decoy is left').to.deep.equal([true]);
    } finally {
      decoy.remove();
    }
  });

  it('keeps its accessible name: the title in the visitor\'s language, through aria-labelledby, with no other label', async () => {
    const element = await mountManager(POLICY, 'lang="de"');
    const banner = await shownPart(element, 'banner');
    await waitFor(() => part(element, 'title')?.textContent === 'Diese Website verwendet Cookies', 3000, 'the German title');
    expect(banner.getAttribute('aria-labelledby')).to.equal('title');
    expect(banner.hasAttribute('aria-label')).to.equal(false);
    expect(banner.getAttribute('role')).to.equal('region');
  });

  it('is styled by none of the names that are there for the tools', async () => {
    const element = await mountManager(POLICY);
    await shownPart(element, 'banner');
    await nextFrames();
    /** The selectors of every style rule, inside `@media` and other grouping rules too. */
    const selectorsOf = (rules: CSSRuleList): string[] =>
      [...rules].flatMap((rule) => [...(rule instanceof CSSStyleRule ? [rule.selectorText] : []), ...('cssRules' in rule ? selectorsOf(rule.cssRules as CSSRuleList) : [])]);
    const selectors = element.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => selectorsOf(sheet.cssRules));
    expect(selectors).to.include('.banner');
    expect(selectors.filter((selector) => /cookie-consent|consent-banner|privacy-policy/.test(selector))).to.deep.equal([]);
  });
});
