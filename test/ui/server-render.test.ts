// The server-rendered first layer (src/core/server-render.ts) in real browsers: the element adopts
// the banner the server rendered, the same nodes, and gives it the client banner's behaviour. The
// element adopts only a banner that is node for node the one it builds itself (`isEqualNode`),
// so node identity here is the parity check between the two renderers, for every language and variant.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import { BANNER_LANGUAGES, inlineFirstLayerSources, renderConsentManager, type RenderConsentManagerOptions } from '../../src/core/server-render.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import type { ConsentChangeEvent } from '../../src/events/consent-events.js';
import { clearBrowserStorage, nextEvent, setGlobalPrivacyControl, storedMethod, waitFor } from '../helpers/page-state.js';
import { CATEGORIES, deepActiveElement, isolateUiTests, mountManager, nextFrames, part } from '../helpers/ui.js';

const STYLESHEET = '/dist/consent-banner.css';
/** Four partners, two of them counted ("and 2 others": the plural form `two` or `few` in some languages), one with a name made of markup. */
const PARTNER_CATEGORIES = [
  ...CATEGORIES.slice(0, 2),
  { id: 'marketing', cookies: ['Meta Pixel', 'Acme <b>&amp;</b> "Co"', 'Globex'].map((provider, index) => ({ name: `m${index}`, party: 'third', provider })) },
];
const mounted: Element[] = [];

interface Served {
  element: ConsentManagerElement;
  /** The banner as parsed from the server's markup, before the element upgraded. */
  banner: HTMLElement;
  /** Every node of the served shadow root, in order. */
  nodes: Node[];
}

function nodesOf(root: Node): Node[] {
  const walker = document.createTreeWalker(root);
  const nodes: Node[] = [];
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) nodes.push(node);
  return nodes;
}

/**
 * Parses the server's markup as a page's parser would (Declarative Shadow DOM included) in a
 * document of its own, where the element is not upgraded, keeps its nodes, then moves the element
 * into this page, where it upgrades.
 */
function serve(options: Partial<RenderConsentManagerOptions> = {}, edit?: (root: ShadowRoot) => void): Served {
  const markup = renderConsentManager({ config: { categories: CATEGORIES }, stylesheet: STYLESHEET, ...options });
  const parsed = Document.parseHTMLUnsafe(`<!doctype html><body>${markup}`);
  const element = parsed.querySelector('consent-manager')!;
  const root = element.shadowRoot!;
  expect(root, 'the template became a shadow root').to.not.equal(null);
  edit?.(root);
  const banner = root.querySelector<HTMLElement>('.banner')!;
  const nodes = nodesOf(root);
  document.body.append(document.adoptNode(element));
  mounted.push(element);
  return { element, banner, nodes };
}

/** Resolves once the banner part has rendered or adopted the banner (it adds its styles to the root first). */
async function bannerPartDone(element: ConsentManagerElement): Promise<void> {
  await element.ready;
  // A hang limit, not a measure: in another language the part waits for the localization and
  // that language's chunk, which took over 5 s once in WebKit on a CI machine busy with more.
  await waitFor(() => element.shadowRoot!.adoptedStyleSheets.length >= 3, 10_000, 'the banner part');
  await element.updateComplete;
}

describe('the server-rendered banner', () => {
  const output = isolateUiTests();
  afterEach(() => {
    for (const element of mounted.splice(0)) element.remove();
  });

  it('paints from the markup alone, styled by the linked stylesheet, before the element is defined', async () => {
    const markup = renderConsentManager({ config: { categories: CATEGORIES }, stylesheet: STYLESHEET, attributes: { layout: 'bar' } });
    // Another tag name, never defined: the markup with no script at all.
    const host = document.createElement('div');
    host.setHTMLUnsafe(markup.replaceAll('consent-manager', 'consent-manager-static'));
    document.body.append(host);
    mounted.push(host);
    const banner = host.querySelector('consent-manager-static')!.shadowRoot!.querySelector<HTMLElement>('.banner')!;
    await waitFor(() => getComputedStyle(banner).position === 'fixed', 5000, 'the stylesheet');
    const rect = banner.getBoundingClientRect();
    expect(Math.round(rect.bottom)).to.equal(window.innerHeight);
    expect(Math.round(rect.width)).to.equal(document.documentElement.clientWidth);
    expect(banner.querySelector('button')!.getBoundingClientRect().height).to.be.at.least(44);
  });

  it('is adopted: the same nodes, never removed or re-rendered, and its buttons record a banner choice', async () => {
    const { element, banner, nodes } = serve({ config: { categories: CATEGORIES, policyUrl: '/cookies' } });
    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((records) => mutations.push(...records));
    observer.observe(element.shadowRoot!, { childList: true, subtree: true, characterData: true, attributes: true });
    // The served showing="banner" stays as it was, from the first paint on (README, "Finding the banner").
    expect(element.getAttribute('showing'), 'served with the banner').to.equal('banner');
    const hostChanges: string[] = [];
    const hostObserver = new MutationObserver((records) => hostChanges.push(...records.map((record) => `${record.attributeName}: ${element.getAttribute(record.attributeName!)}`)));
    hostObserver.observe(element, { attributeFilter: ['showing'] });
    await bannerPartDone(element);
    await nextFrames();
    hostObserver.disconnect();
    expect(hostChanges, 'showing never changed while the banner was adopted').to.deep.equal([]);
    expect(part(element, 'banner') === banner, 'the served banner is the banner').to.equal(true);
    const kept = nodesOf(element.shadowRoot!);
    const link = nodes.find((node) => node instanceof HTMLLinkElement)!;
    expect(
      nodes.every((node) => node === link || kept.includes(node)),
      'every served node but the stylesheet link is still there',
    ).to.equal(true);
    expect(link.isConnected, "the stylesheet link goes once the element's own styles are adopted").to.equal(false);
    expect(getComputedStyle(banner).position, 'still styled without it').to.equal('fixed');
    expect(element.shadowRoot!.querySelectorAll('[aria-live]').length, 'the served live region is the one live region').to.equal(1);
    observer.disconnect();
    // The element adds nothing inside the banner and moves nothing; its own root may only gain what it had none of.
    expect(mutations.filter((record) => banner.contains(record.target) || [...record.removedNodes].some((node) => node !== link))).to.deep.equal([]);
    expect(element.shadowRoot!.activeElement, 'a non-blocking banner takes no focus').to.equal(null);

    const change = nextEvent(element, 'consent-change');
    part(element, 'accept-all')!.click();
    expect((await change).detail.categories).to.deep.equal({ necessary: true, analytics: true, marketing: true });
    expect(storedMethod()).to.equal('banner');
    await element.updateComplete;
    expect(part(element, 'banner')).to.equal(null);
    expect(banner.isConnected).to.equal(false);
  });

  it('tells the first-paint loader when its buttons work: consent-banner-adopted, once, on the served banner', async () => {
    const events: { target: EventTarget | null; bubbles: boolean }[] = [];
    let change: Promise<ConsentChangeEvent> | undefined;
    const { element, banner } = serve({}, (root) =>
      root.querySelector('.banner')!.addEventListener('consent-banner-adopted', (event) => {
        // Read now: an event dispatched in a shadow tree has no target once it is over.
        events.push({ target: event.target, bubbles: event.bubbles });
        // What src/first-paint-loader.ts does with a click the visitor made before this.
        change = nextEvent(element, 'consent-change');
        setTimeout(() => part(element, 'reject-all')!.click());
      }),
    );
    await bannerPartDone(element);
    expect(events.length).to.equal(1);
    expect(events[0]!.target === banner, 'on the served banner').to.equal(true);
    expect(events[0]!.bubbles).to.equal(false);
    expect((await change!).detail.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false });
    expect(storedMethod()).to.equal('banner');
  });

  it('rejects with its Reject all button and with Escape, and opens the preferences with Customize', async () => {
    let served = serve();
    await bannerPartDone(served.element);
    let change = nextEvent(served.element, 'consent-change');
    part(served.element, 'reject-all')!.click();
    expect((await change).detail.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false });
    expect(storedMethod()).to.equal('banner');
    served.element.remove();
    clearBrowserStorage();

    served = serve();
    await bannerPartDone(served.element);
    part(served.element, 'accept-all')!.focus();
    change = nextEvent(served.element, 'consent-change');
    await sendKeys({ press: 'Escape' });
    expect((await change).detail.categories.analytics).to.equal(false);
    served.element.remove();
    clearBrowserStorage();

    served = serve();
    await bannerPartDone(served.element);
    part(served.element, 'customize')!.click();
    await waitFor(() => part(served.element, 'preferences') !== null, 5000, 'the preferences');
    expect(part<HTMLDialogElement>(served.element, 'preferences')!.open).to.equal(true);
  });

  it('blocking: the served open dialog becomes the modal, the same node, with the focus in it', async () => {
    const { element, banner } = serve({ attributes: { blocking: true } });
    expect(banner.localName).to.equal('dialog');
    await bannerPartDone(element);
    expect(part(element, 'banner') === banner).to.equal(true);
    expect(banner.matches(':modal')).to.equal(true);
    expect(deepActiveElement() === part(element, 'accept-all'), 'the focus is on the first button, as with the client-rendered dialog').to.equal(true);
    const change = nextEvent(element, 'consent-change');
    await sendKeys({ press: 'Escape' });
    expect((await change).detail.categories.marketing).to.equal(false);
  });

  it('blocking: a visitor who tabbed onto a button of the served dialog keeps the focus there when it becomes modal', async () => {
    // With a policy link, the first focusable element, where showModal() alone puts the focus.
    const { element, banner } = serve({ config: { categories: CATEGORIES, policyUrl: '/privacy' }, attributes: { blocking: true } });
    const reject = banner.querySelector<HTMLButtonElement>('[part="reject-all"]')!;
    reject.focus();
    expect(banner.matches(':modal'), 'focused before the element adopts the dialog').to.equal(false);
    expect(deepActiveElement() === reject).to.equal(true);
    await bannerPartDone(element);
    expect(part(element, 'banner') === banner && banner.matches(':modal'), 'adopted as the modal').to.equal(true);
    expect(deepActiveElement() === reject, 'the focus still on "Reject all"').to.equal(true);
  });

  it('is the banner the element builds, in every shipped language, box and blocking, with the GPC line and site texts', async function () {
    // 60 elements upgraded one after the other: on a loaded machine, with three engines, that outlasts the default.
    this.timeout(120_000);
    const restore = setGlobalPrivacyControl(true);
    try {
      for (const language of BANNER_LANGUAGES) {
        for (const blocking of [false, true]) {
          const config = { categories: PARTNER_CATEGORIES, policyUrl: { en: '/cookies', de: '/de/cookies' }, texts: { bannerTitle: { de: 'Kekse & <Sahne>' } } };
          const { element, banner } = serve({ config, lang: language, gpc: true, attributes: { blocking } });
          await bannerPartDone(element);
          await waitFor(() => element.language === language, 5000, `the language ${language}`);
          await element.updateComplete;
          expect(part(element, 'banner') === banner, `adopted in ${language}${blocking ? ', blocking' : ''}`).to.equal(true);
          expect(element.shadowRoot!.querySelectorAll('.banner').length, 'and no other').to.equal(1);
          expect(banner.getAttribute('lang')).to.equal(language);
          // The accessible name: the region or dialog is labelled by its title.
          expect(element.shadowRoot!.getElementById(banner.getAttribute('aria-labelledby')!)!.textContent).to.equal(part(element, 'title')!.textContent);
          if (language === 'de') expect(part(element, 'title')!.textContent).to.equal('Kekse & <Sahne>');
          expect(banner.querySelectorAll(':scope > .content > p').length, 'the GPC line').to.equal(2);
          expect(banner.querySelector('details[part="partners"] > p')!.textContent, 'every partner, the hostile name as text').to.include('Acme <b>&amp;</b>');
          element.remove();
        }
      }
    } finally {
      restore();
    }
  });

  it('is adopted when site texts hold what an HTML parser changes: Windows line breaks, a lone CR, NUL, a lone surrogate', async () => {
    const texts = { bannerTitle: 'Cookies\r\non this site', bannerDescription: 'We ask first.\rThen we set them.\u0000 Broken: \uD800.', policyLink: 'Our\r\npolicy' };
    const { element, banner } = serve({ config: { categories: CATEGORIES, policyUrl: '/cookies', texts } });
    await bannerPartDone(element);
    expect(part(element, 'banner') === banner, 'adopted').to.equal(true);
    expect(part(element, 'title')!.textContent).to.equal('Cookies\non this site');
    expect(banner.querySelector('#text')!.textContent).to.include('We ask first.\nThen we set them. Broken: \uFFFD.');
    // A settings link whose 80-character cut would fall between the halves of an emoji.
    const link = Object.assign(document.createElement('a'), { href: '#cookies', textContent: `${'x'.repeat(79)}\u{1F36A} more` });
    link.setAttribute('data-consent-open', '');
    document.body.append(link);
    try {
      element.remove();
      const hinted = serve({ settingsLabel: link.textContent });
      await bannerPartDone(hinted.element);
      expect(part(hinted.element, 'banner') === hinted.banner, 'adopted with the hint').to.equal(true);
      expect(hinted.banner.querySelector('#text')!.textContent).to.include(`${'x'.repeat(79)}\u{1F36A}`);
    } finally {
      link.remove();
    }
  });

  it("is adopted with the settings hint when given the text of the page's settings link, and replaced without it", async () => {
    const link = Object.assign(document.createElement('a'), { href: '#cookies', textContent: ' Cookie  settings ' });
    link.setAttribute('data-consent-open', '');
    document.body.append(link);
    try {
      const hinted = serve({ settingsLabel: 'Cookie settings' });
      await bannerPartDone(hinted.element);
      expect(part(hinted.element, 'banner') === hinted.banner, 'adopted').to.equal(true);
      expect(hinted.banner.querySelector('#text')!.textContent).to.include('use “Cookie settings” on this page');
      hinted.element.remove();
      const unhinted = serve();
      await bannerPartDone(unhinted.element);
      expect(part(unhinted.element, 'banner') === unhinted.banner, 'replaced: the element says where the link is').to.equal(false);
      expect(part(unhinted.element, 'banner')!.querySelector('#text')!.textContent).to.include('use “Cookie settings” on this page');
    } finally {
      link.remove();
    }
  });

  it('is replaced, not adopted, when it differs from the banner the element builds', async () => {
    let adoptedEvents = 0;
    const { element, banner } = serve({}, (root) => {
      root.querySelector('[part="title"]')!.textContent = 'Injected title';
      root.querySelector('.banner')!.addEventListener('consent-banner-adopted', () => adoptedEvents++);
    });
    await bannerPartDone(element);
    expect(part(element, 'banner') === banner).to.equal(false);
    expect(adoptedEvents, 'a replaced banner is not announced as adopted').to.equal(0);
    expect(banner.isConnected).to.equal(false);
    expect(element.shadowRoot!.querySelectorAll('.banner').length).to.equal(1);
    expect(part(element, 'title')!.textContent).to.equal('This site uses cookies');
  });

  /** Markup a server-side injection could put into the served root: a style hiding Reject all, look-alike buttons, another live region. */
  function inject(root: ShadowRoot): void {
    const region = root.querySelector('[aria-live]')!;
    root.prepend(
      document
        .createRange()
        .createContextualFragment('<div aria-live="polite"><p>decoy</p></div><style>#cookie-consent-reject-all{display:none}</style><button part="reject-all" id="decoy-root">Reject all</button>'),
    );
    region.prepend(document.createRange().createContextualFragment('<div><button part="accept-all" id="decoy-region">Accept all</button></div><link rel="stylesheet" href="data:text/css,section{display:none}">'));
  }

  for (const [variant, edit] of [
    ['adopted', inject],
    ['replaced, as it differs', (root: ShadowRoot) => (inject(root), (root.querySelector('[part="title"]')!.textContent = 'Injected title'))],
  ] as const) {
    it(`keeps nothing else of the served root once its banner is ${variant}: injected styles and look-alike buttons go`, async () => {
      const { element, banner } = serve({}, edit);
      await bannerPartDone(element);
      const root = element.shadowRoot!;
      expect(part(element, 'banner') === banner, 'adopted or replaced as it should be').to.equal(variant === 'adopted');
      expect(root.querySelectorAll('style, link, #decoy-root, #decoy-region').length, 'nothing injected is left').to.equal(0);
      expect(root.querySelectorAll('[aria-live]').length, 'one live region').to.equal(1);
      expect([...root.querySelector('[aria-live]')!.childNodes], 'the live region holds the banner alone').to.deep.equal([part(element, 'banner')]);
      expect(root.querySelectorAll('button[part="reject-all"]').length).to.equal(1);
      expect(getComputedStyle(part(element, 'banner')!).display).to.not.equal('none');
      expect(getComputedStyle(part(element, 'reject-all')!).display).to.not.equal('none');
      const change = nextEvent(element, 'consent-change');
      part(element, 'reject-all')!.click();
      expect((await change).detail.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false });
    });
  }

  it('goes when the browser holds a valid choice the server did not see, which is applied', async () => {
    const first = await mountManager();
    first.rejectAll();
    first.remove();
    const { element, banner } = serve({ cookieHeader: '' });
    const hidden = nextEvent(element, 'consent-ui-hide');
    await element.ready;
    await element.updateComplete;
    await hidden;
    expect(banner.isConnected).to.equal(false);
    expect(element.decided).to.equal(true);
    expect(element.consent.analytics).to.equal(false);
  });

  it('renders no banner for a valid choice in the cookie header, or for a headless element', async () => {
    const first = await mountManager();
    first.acceptAll();
    first.remove();
    const withChoice = renderConsentManager({ config: { categories: CATEGORIES }, stylesheet: STYLESHEET, cookieHeader: document.cookie });
    expect(withChoice).to.not.contain('<template');
    const headless = renderConsentManager({ config: { categories: CATEGORIES }, stylesheet: STYLESHEET, attributes: { headless: true } });
    expect(headless).to.not.contain('<template');
    await Promise.resolve();
    expect([...output.error]).to.deep.equal([]);
  });

  it('is adopted in its language after a cookie table and its manager have left the page', async () => {
    // A single-page site leaving its cookie policy page: the manager removed with it must not
    // choose a language for the page any more when the next element asks for one.
    const policy = await fixture<HTMLElement>(html`<div><consent-manager><script type="application/json">${JSON.stringify({ categories: CATEGORIES })}</script></consent-manager><consent-cookie-table></consent-cookie-table></div>`);
    const table = policy.querySelector('consent-cookie-table')!;
    await waitFor(() => (table.shadowRoot?.querySelectorAll('[part="category"]').length ?? 0) > 0, 3000, 'the cookie table');
    policy.remove();
    const { element, banner } = serve({ lang: 'ar' });
    await bannerPartDone(element);
    await waitFor(() => element.language === 'ar', 5000, 'Arabic');
    await element.updateComplete;
    expect(part(element, 'banner') === banner, 'the served Arabic banner adopted').to.equal(true);
  });
});

// The inline first layer under a fixed policy (`inlineFirstLayerSources`), in each engine: a frame
// whose own policy, in a <meta>, allows only the hashes. test/e2e/server-render.test.mjs sends the
// policy as a header in Chromium and checks that no violation is reported.
describe('the inline first layer under a policy with its hashes', () => {
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  /** A frame of this origin whose document is `markup` under `policy`; resolves once it has loaded. */
  async function frameUnder(policy: string, markup: string): Promise<Document> {
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="${policy}"></head><body><main><p>Products.</p></main>${markup}</body></html>`;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frames.push(frame);
    document.body.append(frame);
    await loaded;
    return frame.contentDocument!;
  }

  const bundle = new URL('/dist/consent-manager.js', location.href).href;
  // Firefox matches 'self' in an about:srcdoc document against no origin, which would refuse the
  // bundle itself: this page's origin is named as well. The hashes are what is under test.
  const self = `'self' ${location.origin}`;
  const markup = (): string => renderConsentManager({ config: { categories: CATEGORIES }, inline: { bundle } });
  const servedBanner = (page: Document): HTMLElement => page.querySelector('consent-manager')!.shadowRoot!.querySelector<HTMLElement>('.banner')!;

  for (const strictDynamic of [false, true]) {
    it(`applies the hashed style and runs the hashed loader, which brings the bundle that adopts the banner${strictDynamic ? ", under 'strict-dynamic'" : ''}`, async () => {
      const { script, style } = await inlineFirstLayerSources(bundle);
      const page = await frameUnder(`default-src 'self'; script-src ${strictDynamic ? "'strict-dynamic'" : self} ${script}; style-src 'self' ${style}`, markup());
      const banner = servedBanner(page);
      expect(page.defaultView!.getComputedStyle(banner).position, 'styled by the hashed <style>').to.equal('fixed');
      await waitFor(() => page.defaultView!.customElements.get('consent-manager') !== undefined, 6000, 'the loader to import the bundle');
      const element = page.querySelector<ConsentManagerElement>('consent-manager')!;
      await waitFor(() => element.shadowRoot!.adoptedStyleSheets.length >= 3, 4000, 'the banner part');
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('[part="banner"]') === banner, 'the served banner adopted').to.equal(true);
    });
  }

  it('is refused without the hashes: the style does not apply (the policy in the frame is enforced)', async () => {
    const page = await frameUnder(`default-src 'self'; script-src ${self}; style-src 'self'`, markup());
    expect(page.defaultView!.getComputedStyle(servedBanner(page)).position).to.not.equal('fixed');
  });
});
