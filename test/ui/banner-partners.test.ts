import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import { parseConfig } from '../../src/core/config.js';
import { allLocales } from '../../src/l10n/generated/locale-codes.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import { noticeTexts } from '../../src/ui/notice-texts.js';
import { waitFor } from '../helpers/page-state.js';
import { deepActiveElement, isolateUiTests, mountManager, nextFrames, part, shownPart } from '../helpers/ui.js';

const NECESSARY = { id: 'necessary', required: true, cookies: [{ name: 'sid', party: 'first', provider: 'Parley', purpose: 'Keeps you signed in', lifetime: 'session' }] };
const CATEGORIES = [NECESSARY, { id: 'analytics' }, { id: 'marketing' }];
const META = { 'meta-pixel': { pixelId: '1234567890' } };
const GOOGLE_ANALYTICS = { 'google-analytics': { measurementId: 'G-TEST1234' } };
const vimeo = (provider = 'Vimeo') => ({ id: 'marketing', cookies: [{ name: 'vuid', party: 'third', provider, purpose: 'Counts plays', lifetime: '2 years' }] });
/** Four companies: Meta, Google, Microsoft and Vimeo. */
const FOUR = {
  categories: [NECESSARY, { id: 'analytics' }, vimeo()],
  adapters: { ...META, ...GOOGLE_ANALYTICS, 'microsoft-clarity': { projectId: 'abcde12345' } },
};

/** Whether `node` is rendered: a closed disclosure's content is not. */
const visible = (node: Element): boolean => node.checkVisibility?.() ?? node.getClientRects().length > 0;
const and = (language: string, items: string[]): string => new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
const sentence = (items: string[]): string => `We work with these partners: ${and('en', items)}.`;

async function partnerLine(element: ConsentManagerElement): Promise<HTMLElement> {
  await shownPart(element, 'banner');
  return shownPart(element, 'partners');
}

describe('the banner names the partners', () => {
  isolateUiTests();

  it('names the companies of the configured adapters, then the providers the site declares', async () => {
    const element = await mountManager({ categories: [NECESSARY, { id: 'analytics' }, vimeo()], adapters: { ...META, ...GOOGLE_ANALYTICS } });
    const line = await partnerLine(element);
    expect(line.localName).to.equal('p');
    expect(line.textContent).to.equal(sentence(['Meta', 'Google', 'Vimeo']));
  });

  it('adds the company of an adapter the config adds', async () => {
    const element = await mountManager({ categories: CATEGORIES, adapters: META });
    expect((await partnerLine(element)).textContent).to.equal(sentence(['Meta']));
    element.config = { categories: CATEGORIES, adapters: { ...META, 'tiktok-pixel': { pixelId: 'C4TESTPIXEL12345ABCD' } } };
    await waitFor(() => part(element, 'partners')?.textContent === sentence(['Meta', 'TikTok']), 3000, 'TikTok added');
  });

  it('names Google once for Google Analytics, Google Ads and Tag Manager', async () => {
    const element = await mountManager({
      categories: [NECESSARY, { id: 'analytics', cookies: [{ name: '_gid', party: 'third', provider: 'Google Analytics' }] }, { id: 'marketing' }],
      adapters: { ...GOOGLE_ANALYTICS, 'google-ads': { conversionId: 'AW-123456789' }, 'google-tag-manager': { containerId: 'GTM-TEST123' } },
    });
    expect((await partnerLine(element)).textContent).to.equal(sentence(['Google']));
  });

  it('shows no partner sentence, not an empty one, when there are no adapters and no third-party providers', async () => {
    const element = await mountManager({ categories: CATEGORIES });
    const banner = await shownPart(element, 'banner');
    expect(part(element, 'partners')).to.equal(null);
    expect(banner.textContent).not.to.contain('partners');
    expect(banner.querySelectorAll('.content > p:empty, details')).to.have.length(0);
  });

  it('counts the others past two names, and opens the full list by keyboard', async function () {
    // axe and WebDriver keys are slow on a loaded machine; the limit is for hangs, not for speed.
    this.timeout(30_000);
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.prepend(before);
    try {
      const element = await mountManager(FOUR);
      const disclosure = await partnerLine(element);
      expect(disclosure.localName).to.equal('details');
      const summary = disclosure.querySelector('summary')!;
      expect(summary.textContent).to.equal(sentence(['Meta', 'Google', '2 others']));
      const full = disclosure.querySelector('p')!;
      expect(full.textContent).to.equal(and('en', ['Meta', 'Google', 'Microsoft', 'Vimeo']));
      expect(visible(full), 'closed at first').to.equal(false);
      // The disclosure is the banner's first stop: Enter opens it, and a screen reader hears "expanded".
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement() === summary, 'Tab reaches the partner sentence').to.equal(true);
      await sendKeys({ press: 'Enter' });
      await waitFor(() => (disclosure as HTMLDetailsElement).open, 3000, 'the list opened');
      expect(visible(full)).to.equal(true);
      await nextFrames();
      await expect(element).to.be.accessible();
    } finally {
      before.remove();
    }
  });

  it('lets the site word the partner line itself, or leave it out', async () => {
    const element = await mountManager({ ...FOUR, texts: { bannerPartners: { en: 'Parley shares data with Meta, Google, Microsoft and Vimeo.', de: 'Anders.' } } });
    const line = await partnerLine(element);
    expect(line.localName).to.equal('p');
    expect(line.textContent).to.equal('Parley shares data with Meta, Google, Microsoft and Vimeo.');
    element.config = { ...FOUR, texts: { bannerPartners: '' } };
    await waitFor(() => part(element, 'partners') === null, 3000, 'no partner line');
  });

  it('renders a hostile provider name and settings link text as text, not markup', async () => {
    const hostile = '<img src=x onerror="window.partnerAttack=1">Evil & Co';
    const opener = document.createElement('a');
    opener.setAttribute('data-consent-open', '');
    opener.textContent = hostile;
    document.body.append(opener);
    try {
      const element = await mountManager({ categories: [NECESSARY, vimeo(hostile)] });
      const line = await partnerLine(element);
      expect(line.textContent).to.equal(sentence([hostile]));
      expect(element.shadowRoot!.querySelector('#text')!.textContent).to.contain(`use “${hostile}” on this page`);
      expect(element.shadowRoot!.querySelector('img')).to.equal(null);
      expect((window as { partnerAttack?: number }).partnerAttack).to.equal(undefined);
    } finally {
      opener.remove();
    }
  });

  it('follows adapters filed under categories the site renamed', async () => {
    const categories = [NECESSARY, { id: 'statistics', label: 'Statistics' }, { id: 'advertising', label: 'Advertising', cookies: [{ name: 'IDE', party: 'third', provider: 'Google DoubleClick' }] }];
    const element = await mountManager({ categories, adapters: { 'google-analytics': { measurementId: 'G-TEST1234', category: 'statistics' }, 'meta-pixel': { pixelId: '1234567890', category: 'advertising' } } });
    expect((await partnerLine(element)).textContent).to.equal(sentence(['Google', 'Meta']));
  });

  it('names adapters given from code by the cookies they declare', async () => {
    const element = await fixture<ConsentManagerElement>(html`
      <consent-manager .adapters=${[{ id: 'acme', cookies: [{ name: 'acme', party: 'third', provider: 'Acme Analytics', category: 'analytics' }] }]}
        ><script type="application/json">${JSON.stringify({ categories: CATEGORIES })}</script></consent-manager
      >
    `);
    await element.ready;
    expect((await partnerLine(element)).textContent).to.equal(sentence(['Acme Analytics']));
  });

  it('says where to change the choice later: the page link that reopens the settings', async () => {
    const page = await fixture<HTMLElement>(html`
      <div>
        <consent-manager><script type="application/json">${JSON.stringify({ categories: CATEGORIES })}</script></consent-manager>
        <footer><a href="#cookie-settings" data-consent-open> Cookie   settings </a></footer>
      </div>
    `);
    const element = page.querySelector('consent-manager')!;
    await element.ready;
    const banner = await shownPart(element, 'banner');
    expect(banner.querySelector('#text')!.textContent).to.contain('You can change your choice at any time. To change your choice later, use “Cookie settings” on this page.');
  });

  it('does not point to a settings link the page does not have, nor add to the description the site wrote', async () => {
    const element = await mountManager({ categories: CATEGORIES });
    expect((await shownPart(element, 'banner')).querySelector('#text')!.textContent).not.to.contain('To change your choice later');
    fixtureCleanup();
    const page = await fixture<HTMLElement>(html`
      <div>
        <consent-manager><script type="application/json">${JSON.stringify({ categories: CATEGORIES, texts: { bannerDescription: 'Our own words.' } })}</script></consent-manager>
        <a href="#" data-consent-open>Cookie settings</a>
      </div>
    `);
    const own = page.querySelector('consent-manager')!;
    await own.ready;
    expect((await shownPart(own, 'banner')).querySelector('#text')!.textContent).to.equal('Our own words.');
  });

  it('puts the partner sentence and the full list in the notice the consent log proves', () => {
    const { config } = parseConfig(FOUR);
    const texts = noticeTexts(config, 'en', false);
    expect(texts.partners).to.equal(sentence(['Meta', 'Google', '2 others']));
    expect(texts.partnerList).to.equal(and('en', ['Meta', 'Google', 'Microsoft', 'Vimeo']));
    expect(noticeTexts(parseConfig({ categories: CATEGORIES }).config, 'en', false)).not.to.have.property('partners');
  });

  it('renders a translated partner sentence, with the count in the language, in each of the 30 languages', async function () {
    // Each language is a chunk of its own; the limit is for hangs, not for speed.
    this.timeout(60_000);
    const config = { ...FOUR, categories: [...FOUR.categories, { id: 'payments', cookies: [{ name: 'x', party: 'third', provider: 'Stripe' }] }] };
    for (const language of allLocales) {
      const element = await mountManager(config, `lang="${language}"`);
      await waitFor(() => part(element, 'banner')?.getAttribute('lang') === language, 5000, `the banner in ${language}`);
      // The banner is rebuilt once the language's texts arrive: read it afresh.
      const summary = (): string | undefined => part(element, 'partners')?.querySelector('summary')?.textContent;
      const count = new Intl.NumberFormat(language).format(3);
      await waitFor(() => summary() !== undefined && (language === 'en' || !summary()!.startsWith('We work')), 5000, `the ${language} sentence`);
      expect(summary(), language).to.contain('Meta').and.to.contain('Google').and.to.contain(count);
      expect(summary(), language).not.to.contain('Microsoft');
      if (language !== 'en') expect(summary(), language).not.to.match(/\bothers?\b/);
      fixtureCleanup();
    }
  });
});
