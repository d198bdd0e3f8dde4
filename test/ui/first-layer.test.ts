// The script tag's first layer (src/first-layer.ts, issue 15) in each engine, with the built
// bundle (`dist/consent-manager.js`) in frames of this origin: a new visitor's banner is painted by
// the bundle's small entry before the element is even defined, and the element, once it is,
// adopts those very nodes (node identity is the parity check with the element's own banner);
// wherever the first layer cannot be sure of painting the banner the element would show, it
// paints nothing and the element shows its own.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BANNER_MESSAGE_LOADERS } from '../../src/core/generated/banner-message-loaders.js';
import { BANNER_MESSAGES } from '../../src/core/generated/banner-messages.js';
import { encodeRecord } from '../../src/core/record.js';
import { LANGUAGES } from '../../src/l10n/language.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import { BUNDLE_URL, elementStarted, HOLD_ELEMENT, openFrame, removeFrames } from '../helpers/bundle-frames.js';
import { clearBrowserStorage, storedCookieValue, storedMethod, waitFor } from '../helpers/page-state.js';
import { CATEGORIES } from '../helpers/ui.js';

interface FirstLayerSeen {
  /** Whether the banner was in the element's shadow root when the page's next module script ran. */
  painted: boolean;
  banner: HTMLElement | null;
  defined: boolean;
  position: string | null;
  sheets: CSSStyleSheet[];
}

/** The first frame in which a banner was in the element's shadow root, and whether the element was defined then. */
interface FirstBannerSeen {
  banner: HTMLElement;
  defined: boolean;
}

interface FramePage {
  frame: HTMLIFrameElement;
  doc: Document;
  win: Window & { firstLayer: FirstLayerSeen; firstBanner?: FirstBannerSeen; probeErrors: string[] };
  element: () => ConsentManagerElement;
}

const config = (extra: Record<string, unknown> = {}): string => `<script type="application/json">${JSON.stringify({ categories: CATEGORIES, ...extra }).replaceAll('<', '\\u003c')}</script>`;

// Runs right after the bundle's entry, before anything it imports later: what the first layer
// painted. A banner there now is the first layer's: even an element defined this early starts
// only once the page is parsed (DOMContentLoaded), after this script.
const PROBE = `
const host = document.querySelector('consent-manager');
const banner = host?.shadowRoot?.querySelector('.banner') ?? null;
window.firstLayer = {
  painted: banner !== null,
  banner,
  defined: customElements.get('consent-manager') !== undefined,
  position: banner ? getComputedStyle(banner).position : null,
  sheets: [...(host?.shadowRoot?.adoptedStyleSheets ?? [])],
};`;

// Watches every frame for the first banner in the element's shadow root, whoever put it there.
const BANNER_WATCH = `
const watch = () => {
  const banner = document.querySelector('consent-manager')?.shadowRoot?.querySelector('.banner');
  if (banner) window.firstBanner = { banner, defined: customElements.get('consent-manager') !== undefined };
  else requestAnimationFrame(watch);
};
requestAnimationFrame(watch);`;

/**
 * A frame of this origin whose body holds `body`, then the bundle's script tag (`bundle`, the
 * built one unless given) and the probe; `after` is a module script run after the probe.
 */
async function page(body: string, { lang = 'en', head = '', bundle = BUNDLE_URL, after = '' }: { lang?: string; head?: string; bundle?: string; after?: string } = {}): Promise<FramePage> {
  const frame = await openFrame(
    `<!doctype html><html lang="${lang}"><head>${head}<script>window.probeErrors = []; addEventListener('error', (event) => probeErrors.push(String(event.message)));${BANNER_WATCH}</script></head><body><main><p>Products.</p></main>${body}<script type="module" src="${bundle}"></script><script type="module">${PROBE}</script>${after ? `<script type="module">${after}</script>` : ''}</body></html>`,
    'width: 800px; height: 600px',
  );
  const win = frame.contentWindow as FramePage['win'];
  await waitFor(() => win.firstLayer !== undefined, 5000, 'the probe to run');
  return { frame, doc: frame.contentDocument!, win, element: () => frame.contentDocument!.querySelector<ConsentManagerElement>('consent-manager')! };
}

/** Resolves once the element is defined and has started. */
const started = ({ frame }: FramePage): Promise<ConsentManagerElement> => elementStarted(frame);

/** Resolves once the element shows its banner, adopted or its own: its part adds the banner's styles to the root first. */
async function bannerShown(framePage: FramePage): Promise<HTMLElement> {
  const element = await started(framePage);
  await waitFor(() => element.shadowRoot!.querySelector('[part="banner"]') !== null && element.shadowRoot!.adoptedStyleSheets.length >= 3, 5000, 'the banner part');
  await element.updateComplete;
  return element.shadowRoot!.querySelector<HTMLElement>('[part="banner"]')!;
}

describe('the first layer of the script tag', () => {
  beforeEach(() => clearBrowserStorage());
  afterEach(() => {
    removeFrames();
    clearBrowserStorage();
  });

  it("paints a new visitor's banner, styled, before the element is defined; the element adopts those very nodes", async () => {
    const framePage = await page(`<consent-manager>${config()}</consent-manager>`);
    const seen = framePage.win.firstLayer;
    expect(seen.painted, 'painted by the entry').to.equal(true);
    expect(seen.defined, 'before the element is defined').to.equal(false);
    expect(seen.position, 'with its styles').to.equal('fixed');
    expect(framePage.element().getAttribute('showing')).to.equal('banner');
    const shown = await bannerShown(framePage);
    expect(shown === seen.banner, 'the painted banner adopted, not replaced').to.equal(true);
    const root = framePage.element().shadowRoot!;
    expect(root.querySelectorAll('[part="banner"]').length).to.equal(1);
    expect(
      seen.sheets.every((sheet) => !root.adoptedStyleSheets.includes(sheet)),
      "the first layer's stylesheet gives way to the element's",
    ).to.equal(true);
    expect(framePage.win.getComputedStyle(shown).position).to.equal('fixed');
    shown.querySelector<HTMLButtonElement>('[part="reject-all"]')!.click();
    await waitFor(() => storedCookieValue() !== null, 3000, 'the stored choice');
    expect(storedMethod()).to.equal('banner');
    expect(framePage.win.probeErrors).to.deep.equal([]);
  });

  it('keeps a click made on the painted banner before the element adopts it, and records it as made in the banner', async () => {
    const framePage = await page(`<consent-manager>${config()}</consent-manager>`);
    const { banner } = framePage.win.firstLayer;
    banner!.querySelector<HTMLButtonElement>('[part="accept-all"]')!.click();
    expect(storedCookieValue(), 'nothing stored before the element runs').to.equal(null);
    const element = await started(framePage);
    await waitFor(() => element.decided, 5000, 'the kept click to be made');
    expect(element.consent).to.deep.equal({ necessary: true, analytics: true, marketing: true });
    expect(storedMethod()).to.equal('banner');
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part="banner"]') === null, 'the banner closed').to.equal(true);
  });

  /**
   * Paints the banner with the element's definition held back, so that what `act` does to the
   * painted banner certainly comes before the adoption; then lets the element start and returns
   * the choice it made of what was kept.
   */
  async function keptBeforeAdoption(act: (banner: HTMLElement) => Promise<void>): Promise<ConsentManagerElement> {
    const framePage = await page(`<consent-manager>${config()}</consent-manager>`, { head: HOLD_ELEMENT });
    const win = framePage.win as FramePage['win'] & { releaseElement: () => void };
    await act(win.firstLayer.banner!);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(win.customElements.get('consent-manager'), 'still not defined').to.equal(undefined);
    expect(storedCookieValue(), 'nothing stored before the element runs').to.equal(null);
    win.releaseElement();
    const element = await started(framePage);
    await waitFor(() => element.decided, 5000, 'the kept choice to be made');
    return element;
  }

  it('keeps an Escape pressed in the painted banner before the element adopts it: a rejection, recorded as made in the banner', async () => {
    const element = await keptBeforeAdoption(async (banner) => {
      banner.querySelector<HTMLButtonElement>('[part="accept-all"]')!.focus();
      await sendKeys({ press: 'Escape' });
    });
    expect(element.consent).to.deep.equal({ necessary: true, analytics: false, marketing: false });
    expect(storedMethod()).to.equal('banner');
  });

  it("does not let a script's click on the painted banner replace the visitor's", async () => {
    const element = await keptBeforeAdoption(async (banner) => {
      // Enter on a focused button is the visitor's own (trusted) click.
      banner.querySelector<HTMLButtonElement>('[part="reject-all"]')!.focus();
      await sendKeys({ press: 'Enter' });
      banner.querySelector<HTMLButtonElement>('[part="accept-all"]')!.click();
    });
    expect(element.consent).to.deep.equal({ necessary: true, analytics: false, marketing: false });
    expect(storedMethod()).to.equal('banner');
  });

  it("does not keep a script's Escape on the painted banner", async () => {
    const framePage = await page(`<consent-manager>${config()}</consent-manager>`);
    framePage.win.firstLayer.banner!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    const shown = await bannerShown(framePage);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(framePage.element().decided, 'no choice made').to.equal(false);
    expect(shown.isConnected, 'the banner still shown').to.equal(true);
    expect(storedCookieValue()).to.equal(null);
  });

  it('paints the blocking banner, which the element then makes modal', async () => {
    const framePage = await page(`<consent-manager blocking>${config()}</consent-manager>`);
    expect(framePage.win.firstLayer.painted).to.equal(true);
    const shown = await bannerShown(framePage);
    expect(shown === framePage.win.firstLayer.banner).to.equal(true);
    await waitFor(() => shown.matches(':modal'), 3000, 'the dialog to be modal');
  });

  it('keeps the focus of a visitor who tabbed onto a button of the painted blocking banner when the element makes it modal', async () => {
    // With a policy link, the first focusable element, where showModal() alone puts the focus.
    const framePage = await page(`<consent-manager blocking>${config({ policyUrl: '/privacy' })}</consent-manager>`);
    const { banner } = framePage.win.firstLayer;
    const reject = banner!.querySelector<HTMLButtonElement>('[part="reject-all"]')!;
    reject.focus();
    expect(banner!.matches(':modal'), 'focused before the element adopts the dialog').to.equal(false);
    const shown = await bannerShown(framePage);
    await waitFor(() => shown.matches(':modal'), 3000, 'the dialog to be modal');
    expect(shown === banner, 'the painted dialog adopted').to.equal(true);
    expect(framePage.element().shadowRoot!.activeElement === reject, 'the focus still on "Reject all"').to.equal(true);
  });

  it("keeps every text of the config a text: markup in a title or a provider's name builds no element", async () => {
    const hostile = '<img src="x" onerror="window.pwned = 1">&amp; "quoted"';
    const categories = [...CATEGORIES.slice(0, 2), { id: 'marketing', cookies: [{ name: 'm', party: 'third', provider: hostile }] }];
    const framePage = await page(`<consent-manager>${config({ categories, texts: { bannerTitle: { en: hostile } } })}</consent-manager>`);
    const { banner } = framePage.win.firstLayer;
    expect(banner !== null, 'painted').to.equal(true);
    expect(banner!.querySelector('img') === null, 'no element from the markup').to.equal(true);
    expect(banner!.querySelector('[part="title"]')!.textContent).to.equal(hostile);
    expect(banner!.querySelector('[part="partners"]')!.textContent).to.contain(hostile);
    const shown = await bannerShown(framePage);
    expect(shown === banner, 'the same texts as the element: adopted').to.equal(true);
    expect((framePage.win as unknown as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('paints nothing for a visitor with a valid stored choice, and the element shows no banner', async () => {
    const first = await page(`<consent-manager>${config()}</consent-manager>`);
    (await bannerShown(first)).querySelector<HTMLButtonElement>('[part="reject-all"]')!.click();
    await waitFor(() => storedCookieValue() !== null, 3000, 'the stored choice');
    const framePage = await page(`<consent-manager>${config()}</consent-manager>`);
    expect(framePage.win.firstLayer.painted).to.equal(false);
    const element = await started(framePage);
    expect(element.decided).to.equal(true);
    expect(element.shadowRoot!.querySelector('[part="banner"]') === null, 'no banner').to.equal(true);
  });

  it('paints the banner when what is stored is no valid choice: forged, damaged, or from an older revision', async () => {
    const forged = [
      'consent=v=1&id=forged&g=necessary.analytics.marketing&d=&t=1700000000&r=1&m=banner&c=0000',
      'consent=not-a-record',
      `consent=${encodeURIComponent('v=1&id=x&g=necessary.analytics')}`,
    ];
    for (const cookie of forged) {
      clearBrowserStorage();
      document.cookie = `${cookie}; Path=/`;
      const framePage = await page(`<consent-manager>${config({ revision: 2 })}</consent-manager>`);
      expect(framePage.win.firstLayer.painted, cookie).to.equal(true);
      const element = await started(framePage);
      expect(element.decided, cookie).to.equal(false);
      expect(element.consent, cookie).to.deep.equal({ necessary: true, analytics: false, marketing: false });
      removeFrames();
    }
  });

  const unsure: [string, string, { lang?: string }?][] = [
    ['an element without its JSON config (the config may come from code)', '<consent-manager></consent-manager>'],
    ['malformed JSON', '<consent-manager><script type="application/json">{"categories": [</script></consent-manager>'],
    ['a config with errors', `<consent-manager>${config({ categories: [{ id: 'Not An Id!' }] })}</consent-manager>`],
    ['two elements on the page', `<consent-manager>${config()}</consent-manager><consent-manager>${config()}</consent-manager>`],
  ];
  for (const markup of ['<img name="querySelectorAll">', '<iframe name="documentElement"></iframe>', '<form name="cookie"></form>']) {
    it(`paints nothing where markup shadows a document property the element reads (${markup}): no banner whose buttons could never work`, async () => {
      const framePage = await page(`${markup}<consent-manager>${config()}</consent-manager>`);
      expect(framePage.win.firstLayer.painted).to.equal(false);
      expect(storedCookieValue(), 'nothing granted or stored').to.equal(null);
    });
  }
  for (const [what, body, options] of unsure) {
    it(`paints nothing for ${what}, and the element shows its own banner`, async () => {
      const framePage = await page(body, options);
      expect(framePage.win.firstLayer.painted).to.equal(false);
      const shown = await bannerShown(framePage);
      expect(shown.isConnected).to.equal(true);
      expect(storedCookieValue(), 'nothing granted or stored').to.equal(null);
    });
  }

  it('paints for markup whose names shadow nothing of the document: form fields and meta tags named like its properties', async () => {
    const framePage = await page(`<meta name="title" content="x"><form><input name="title"><input name="cookie"></form><consent-manager>${config()}</consent-manager>`);
    expect(framePage.win.firstLayer.painted).to.equal(true);
  });

  it('paints nothing for a headless element, which shows no banner', async () => {
    const framePage = await page(`<consent-manager headless>${config()}</consent-manager>`);
    expect(framePage.win.firstLayer.painted).to.equal(false);
    const element = await started(framePage);
    expect(element.shadowRoot?.querySelector('[part="banner"]') == null, 'no banner').to.equal(true);
  });

  // The language the element picks for the page's `lang` (French for a Canadian French page), and
  // right-to-left Arabic: painted from that language's chunk, adopted as it is.
  const languages: [string, string][] = [
    ['de', 'de'],
    ['fr-CA', 'fr'],
    ['pt-BR', 'pt-BR'],
    ['ar', 'ar'],
  ];
  for (const [lang, language] of languages) {
    it(`paints the banner of a page in ${lang} in ${language}, from that language's chunk, before the element is defined; the element adopts it`, async () => {
      const framePage = await page(`<consent-manager>${config()}</consent-manager>`, { lang });
      await waitFor(() => framePage.win.firstBanner !== undefined, 5000, 'a banner');
      const { banner, defined } = framePage.win.firstBanner!;
      expect(defined, 'painted before the element is defined').to.equal(false);
      expect(banner.getAttribute('lang')).to.equal(language);
      expect(banner.querySelector('[part="title"]')!.textContent).to.equal(BANNER_MESSAGES[language]!['cm.banner.title']);
      expect(banner.getAttribute('dir')).to.equal(language === 'ar' ? 'rtl' : 'ltr');
      const chunks = framePage.win.performance.getEntriesByType('resource').map(({ name }) => name);
      expect(chunks.some((name) => new RegExp(`/chunks/banner-messages-${language}-[\\w-]+\\.js$`).test(name)), `the ${language} chunk: ${chunks.join(', ')}`).to.equal(true);
      const shown = await bannerShown(framePage);
      await waitFor(() => framePage.element().language === language, 5000, `the element's language, ${language}`);
      await framePage.element().updateComplete;
      expect(framePage.element().shadowRoot!.querySelector('[part="banner"]') === banner, 'the painted banner adopted, not replaced').to.equal(true);
      expect(shown.isConnected).to.equal(true);
      expect(framePage.win.probeErrors).to.deep.equal([]);
    });
  }

  it("has the texts of every language the element speaks, and of no other", () => {
    expect(['en', ...Object.keys(BANNER_MESSAGE_LOADERS)].sort()).to.deep.equal([...LANGUAGES].sort());
  });

  it("paints nothing when the language's chunk cannot be loaded, and the element shows its own banner in that language", async () => {
    const framePage = await page(`<consent-manager>${config()}</consent-manager>`, { lang: 'de', bundle: new URL('/dist-language-chunks/fail/consent-manager.js', location.href).href });
    const shown = await bannerShown(framePage);
    await waitFor(() => framePage.element().language === 'de', 5000, 'German');
    await waitFor(() => framePage.win.firstBanner !== undefined, 3000, 'the watcher to see the banner');
    expect(framePage.win.firstBanner!.defined, 'the first banner in the page was the element’s').to.equal(true);
    expect(shown.getAttribute('lang')).to.equal('de');
    expect(storedCookieValue(), 'nothing granted or stored').to.equal(null);
  });

  it("shows the element's banner when the language's chunk has not come within 3 s, and paints nothing when it comes later", async () => {
    const framePage = await page(`<consent-manager>${config()}</consent-manager>`, { lang: 'de', bundle: new URL('/dist-language-chunks/stalled/consent-manager.js', location.href).href });
    const shown = await bannerShown(framePage);
    await waitFor(() => framePage.win.firstBanner !== undefined, 3000, 'the watcher to see the banner');
    expect(framePage.win.firstBanner!.defined, 'the first banner in the page was the element’s').to.equal(true);
    // Once the chunk has come (it is listed once its response has ended) and a frame has passed.
    await waitFor(() => framePage.win.performance.getEntriesByType('resource').some(({ name }) => /\/banner-messages-de-[\w-]+\.js$/.test(name)), 8000, 'the stalled chunk to come');
    await new Promise((resolve) => framePage.win.requestAnimationFrame(() => setTimeout(resolve, 100)));
    const root = framePage.element().shadowRoot!;
    expect(root.querySelectorAll('.banner').length, 'one banner').to.equal(1);
    expect(root.querySelector('[part="banner"]') === shown, "still the element's").to.equal(true);
  });

  it('reads the page again when the language\'s chunk has come: a config set from code meanwhile gets the element\'s banner, none painted', async () => {
    const framePage = await page(`<consent-manager>${config()}</consent-manager>`, {
      lang: 'de',
      bundle: new URL('/dist-language-chunks/slow/consent-manager.js', location.href).href,
      after: `document.querySelector('consent-manager').config = ${JSON.stringify({ categories: CATEGORIES.slice(0, 2) })};`,
    });
    const shown = await bannerShown(framePage);
    await waitFor(() => framePage.win.firstBanner !== undefined, 3000, 'the watcher to see the banner');
    expect(framePage.win.firstBanner!.defined, 'the first banner in the page was the element’s').to.equal(true);
    expect(shown.isConnected).to.equal(true);
    expect(framePage.element().consent, 'the config from code').to.deep.equal({ necessary: true, analytics: false });
  });

  it('reads the page again when the language\'s chunk has come: a choice stored meanwhile (another tab) gets no banner', async () => {
    const now = Math.floor(Date.now() / 1000);
    const value = encodeRecord({ version: 1, id: 'FirstLayerFirstLayer00', revision: 0, createdAt: now, updatedAt: now, granted: ['necessary'], denied: ['analytics', 'marketing'], method: 'banner', gpc: false, language: 'de' });
    const framePage = await page(`<consent-manager>${config()}</consent-manager>`, {
      lang: 'de',
      bundle: new URL('/dist-language-chunks/slow/consent-manager.js', location.href).href,
      after: `document.cookie = ${JSON.stringify(`consent=${value}; Path=/`)}; localStorage.setItem('consent.copy', ${JSON.stringify(value)});`,
    });
    const element = await started(framePage);
    expect(element.decided).to.equal(true);
    await element.updateComplete;
    expect(framePage.win.firstBanner, 'no banner painted or shown').to.equal(undefined);
  });

  it('paints under Trusted Types without a policy: it parses no markup, so the page has nothing to refuse', async function () {
    if (!('trustedTypes' in window)) this.skip();
    const framePage = await page(`<consent-manager>${config()}</consent-manager>`, {
      head: `<meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; trusted-types lit-html consent-manager">`,
    });
    expect(framePage.win.firstLayer.painted).to.equal(true);
    const shown = await bannerShown(framePage);
    expect(shown === framePage.win.firstLayer.banner).to.equal(true);
    expect(framePage.win.probeErrors).to.deep.equal([]);
  });
});
