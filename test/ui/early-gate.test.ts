// The script tag's early gate (src/early-gate.ts, issue 15) in each engine, with the built bundle
// (`dist/consent-manager.js`) in frames of this origin: for a visitor whose stored choice allows
// something, the bundle's entry starts the gate before the element is defined, and the element's
// session takes that very gate over. It must never run what the element would not: each case
// below stores a choice the element refuses, or a script it does not vouch for, and checks that
// nothing ran, also in the time before the element started.
import { expect } from '@open-wc/testing';
import { encodeRecord } from '../../src/core/record.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import { BUNDLE_URL, elementStarted, HOLD_ELEMENT, openFrame, removeFrames } from '../helpers/bundle-frames.js';
import { clearBrowserStorage, nextEvent, waitFor } from '../helpers/page-state.js';
import { CATEGORIES } from '../helpers/ui.js';

type Ran = [category: string, elementDefined: boolean];
interface FramePage {
  frame: HTMLIFrameElement;
  win: Window & { ran: Ran[]; releaseElement: () => void };
  doc: Document;
  element: () => ConsentManagerElement;
}

const config = (extra: Record<string, unknown> = {}): string => `<script type="application/json">${JSON.stringify({ categories: CATEGORIES, ...extra })}</script>`;
/** Gated inline scripts that say they ran, and whether the element was defined by then. */
const gated = (category: string, attributes = ''): string =>
  `<script type="text/plain" data-consent="${category}"${attributes}>window.ran.push(['${category}', customElements.get('consent-manager') !== undefined])</script>`;
const TAGS = gated('analytics') + gated('marketing');
const ELEMENT = `<consent-manager script-sources="'unsafe-inline'">${config()}</consent-manager>`;

/** A stored choice's value, as the element writes it. */
function choiceValue(granted: readonly string[], { revision = 0, gpc = false, updatedAt = Math.floor(Date.now() / 1000) - 60 } = {}): string {
  const denied = CATEGORIES.map(({ id }) => id).filter((id) => !granted.includes(id));
  return encodeRecord({ version: 1, id: 'EarlyGateEarlyGate0000', revision, createdAt: updatedAt, updatedAt, granted, denied, method: 'banner', gpc, language: 'en' });
}

/** Stores a choice as the element writes it: the cookie and its localStorage copy. */
function storeChoice(granted: readonly string[], { revision = 0, gpc = false, updatedAt = Math.floor(Date.now() / 1000) - 60, copy = true } = {}): string {
  const value = choiceValue(granted, { revision, gpc, updatedAt });
  document.cookie = `consent=${value}; Path=/`;
  if (copy) localStorage.setItem('consent.copy', value);
  return value;
}

// The gated scripts' log, and the element held back (`releaseElement()`): what runs meanwhile is the early gate's doing.
const HEAD = `<script>window.ran = [];</script>${HOLD_ELEMENT}`;

/** A frame of this origin: `head`, then `body`, then the bundle's script tag; the element is held back (`releaseElement`). */
async function page(body: string, { head = '', bundleAttributes = '', afterBundle = '', bundle = BUNDLE_URL } = {}): Promise<FramePage> {
  const frame = await openFrame(`<!doctype html><html lang="en"><head>${HEAD}${head}</head><body>${body}<script type="module" src="${bundle}"${bundleAttributes}></script>${afterBundle}</body></html>`);
  return { frame, win: frame.contentWindow as FramePage['win'], doc: frame.contentDocument!, element: () => frame.contentDocument!.querySelector<ConsentManagerElement>('consent-manager')! };
}

/** Waits long enough for the early gate to have run what it allows: it takes a chunk of a few KB. */
const gateTime = (): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, 500));

/** Lets the element be defined; resolves once it has started, and the gate has had time to run what it allows. */
async function settled({ frame, win }: FramePage): Promise<ConsentManagerElement> {
  win.releaseElement();
  const element = await elementStarted(frame);
  await gateTime();
  return element;
}

describe("the script tag's early gate", () => {
  beforeEach(() => clearBrowserStorage());
  afterEach(() => {
    removeFrames();
    clearBrowserStorage();
  });

  it('runs what the stored choice allows, once, and hands its gate to the element: a withdrawal then recommends a reload', async () => {
    storeChoice(['necessary', 'analytics']);
    const framePage = await page(TAGS + ELEMENT);
    await waitFor(() => framePage.win.ran.length > 0, 5000, 'the allowed script to run');
    expect(framePage.win.ran, 'run before the element was defined').to.deep.equal([['analytics', false]]);
    const element = await settled(framePage);
    expect(framePage.win.ran.map(([category]) => category), 'not again').to.deep.equal(['analytics']);
    expect(framePage.doc.querySelectorAll('script[data-consent-ran]').length, 'one live copy').to.equal(1);
    const change = nextEvent(element, 'consent-change');
    element.rejectAll();
    // Only the gate that ran the script knows it did: a second gate in the element would not.
    expect((await change).detail.reloadRecommended).to.equal(true);
  });

  it('runs a script added after the element started, under the gate it took over', async () => {
    storeChoice(['necessary', 'analytics']);
    const framePage = await page(ELEMENT);
    await settled(framePage);
    const script = framePage.doc.createElement('script');
    script.type = 'text/plain';
    script.dataset.consent = 'analytics';
    script.text = "window.ran.push(['late', true])";
    framePage.doc.body.append(script);
    await waitFor(() => framePage.win.ran.length > 0, 3000, 'the late script to run');
    expect(framePage.win.ran).to.deep.equal([['late', true]]);
  });

  /** Withdraws through `element`, then adds a gated script: nothing may run it, whichever gate is still watching. */
  async function withdrawThenAdd({ win, doc }: FramePage, element: ConsentManagerElement): Promise<void> {
    const change = nextEvent(element, 'consent-change');
    element.rejectAll();
    await change;
    const script = doc.createElement('script');
    script.type = 'text/plain';
    script.dataset.consent = 'analytics';
    script.text = "window.ran.push(['after the withdrawal', true])";
    doc.body.append(script);
    await gateTime();
    expect(win.ran.map(([category]) => category), 'nothing after the withdrawal').to.not.include('after the withdrawal');
  }

  it('stops a gate offered to an element that left the page before it was defined: the element that starts follows the withdrawal', async () => {
    storeChoice(['necessary', 'analytics']);
    const framePage = await page(TAGS + ELEMENT);
    await waitFor(() => framePage.win.ran.length > 0, 5000, 'the allowed script to run');
    // A framework re-renders the element before it is defined: the offer was for the old node.
    const old = framePage.element();
    old.replaceWith(old.cloneNode(true));
    const element = await settled(framePage);
    expect(element).to.not.equal(old);
    await withdrawThenAdd(framePage, element);
  });

  it('starts one gate for two copies of the bundle on the page (a theme\'s and a plugin\'s), and the element follows the withdrawal', async () => {
    storeChoice(['necessary', 'analytics']);
    const framePage = await page(TAGS + ELEMENT, { head: `<script type="module" src="${BUNDLE_URL}?second-copy"></script>` });
    await waitFor(() => framePage.win.ran.length > 0, 5000, 'the allowed script to run');
    const element = await settled(framePage);
    expect(framePage.win.ran.map(([category]) => category), 'once').to.deep.equal(['analytics']);
    await withdrawThenAdd(framePage, element);
  });

  /** What the element refuses: the choice, or (`scriptRefused`) only the scripts. */
  const refused: [string, () => void, string, { head?: string; afterBundle?: string; scriptRefused?: boolean }?][] = [
    ['a choice from an older revision', () => storeChoice(['necessary', 'analytics', 'marketing']), TAGS + `<consent-manager script-sources="'unsafe-inline'">${config({ revision: 1 })}</consent-manager>`],
    ['an expired choice', () => storeChoice(['necessary', 'analytics', 'marketing'], { updatedAt: Math.floor(Date.now() / 1000) - 400 * 86_400 }), TAGS + ELEMENT],
    [
      'a cookie whose grants were changed by hand (its checksum no longer matches)',
      () => {
        const own = storeChoice(['necessary'], { copy: false });
        const changed = own.replace('&g=necessary&d=analytics.marketing', '&g=necessary.analytics.marketing&d=');
        if (changed === own) throw new Error('the record format changed: this case no longer changes the grants');
        document.cookie = `consent=${changed}; Path=/`;
      },
      TAGS + ELEMENT,
    ],
    [
      'a cookie granting what its localStorage copy denies (a sibling subdomain planted it)',
      () => {
        const own = storeChoice(['necessary']);
        storeChoice(['necessary', 'analytics', 'marketing'], { copy: false, updatedAt: Math.floor(Date.now() / 1000) });
        localStorage.setItem('consent.copy', own);
      },
      TAGS + ELEMENT,
    ],
    [
      'a grant Global Privacy Control overrides',
      () => storeChoice(['necessary', 'marketing']),
      gated('marketing') + ELEMENT,
      { head: "<script>Object.defineProperty(navigator, 'globalPrivacyControl', { get: () => true });</script>" },
    ],
    ['a second element on the page (nothing optional is allowed then)', () => storeChoice(['necessary', 'analytics', 'marketing']), TAGS + ELEMENT + `<consent-manager headless>${config()}</consent-manager>`],
    [
      'a config the page sets from code, under which the choice asks again',
      () => storeChoice(['necessary', 'analytics', 'marketing']),
      TAGS + ELEMENT + `<script>document.querySelector('consent-manager').config = ${JSON.stringify({ categories: CATEGORIES, revision: 3 })};</script>`,
    ],
    [
      'a config a later module script sets from code (it runs after the entry, before the page is parsed)',
      () => storeChoice(['necessary', 'analytics', 'marketing']),
      TAGS + ELEMENT,
      { afterBundle: `<script type="module">document.querySelector('consent-manager').config = ${JSON.stringify({ categories: CATEGORIES, revision: 3 })};</script>` },
    ],
    [
      'a second element in a declarative shadow root (the element counts it, the entry has to look for it)',
      () => storeChoice(['necessary', 'analytics', 'marketing']),
      TAGS + ELEMENT + `<div><template shadowrootmode="open"><consent-manager headless>${config()}</consent-manager></template></div>`,
    ],
    ['scripts the site does not vouch for (no script-sources, no nonce)', () => storeChoice(['necessary', 'analytics', 'marketing']), TAGS + `<consent-manager>${config()}</consent-manager>`, { scriptRefused: true }],
    ['a config with errors (nothing optional is allowed then)', () => storeChoice(['necessary', 'analytics', 'marketing']), TAGS + `<consent-manager script-sources="'unsafe-inline'">${config({ mode: 'sometimes' })}</consent-manager>`],
  ];
  for (const [what, store, body, options] of refused) {
    it(`runs nothing for ${what}, as the element runs nothing`, async () => {
      store();
      const framePage = await page(body, options);
      await gateTime();
      expect(framePage.win.ran, 'nothing ran before the element started').to.deep.equal([]);
      const element = await settled(framePage);
      expect(framePage.win.ran, 'nor after').to.deep.equal([]);
      expect(element.isAllowed('marketing'), 'the category').to.equal(options?.scriptRefused === true);
    });
  }

  it('reads the stored choice again once the page is parsed: a withdrawal by another tab after the entry ran runs nothing', async () => {
    storeChoice(['necessary', 'analytics', 'marketing']);
    // A module script after the bundle's runs after its entry and before the page counts as
    // parsed: the other tab's withdrawal lands in between.
    const withdrawn = choiceValue(['necessary'], { updatedAt: Math.floor(Date.now() / 1000) });
    const framePage = await page(TAGS + ELEMENT, { afterBundle: `<script type="module">document.cookie = 'consent=${withdrawn}; Path=/'; localStorage.setItem('consent.copy', '${withdrawn}');</script>` });
    await gateTime();
    expect(framePage.win.ran, 'nothing ran before the element started').to.deep.equal([]);
    const element = await settled(framePage);
    expect(framePage.win.ran, 'nor after').to.deep.equal([]);
    expect(element.isAllowed('analytics')).to.equal(false);
  });

  it('says when another tab withdrew what the early gate had already run: a change after the ready event, recommending a reload', async () => {
    storeChoice(['necessary', 'analytics']);
    const framePage = await page(TAGS + ELEMENT);
    await waitFor(() => framePage.win.ran.length > 0, 5000, 'the allowed script to run');
    // Another tab withdraws before this page's element has started.
    storeChoice(['necessary'], { updatedAt: Math.floor(Date.now() / 1000) });
    const events: string[] = [];
    framePage.element().addEventListener('consent-ready', () => events.push('ready'));
    const change = nextEvent(framePage.element(), 'consent-change');
    framePage.element().addEventListener('consent-change', () => events.push('change'));
    const element = await settled(framePage);
    const { detail } = await change;
    expect(events).to.deep.equal(['ready', 'change']);
    expect(detail.changed).to.deep.equal(['analytics']);
    expect(detail.reloadRecommended, 'the script it allowed already ran').to.equal(true);
    expect(element.isAllowed('analytics')).to.equal(false);
  });

  // WordPress adds `?ver=` to every script it enqueues; the chunks import the entry without it, so
  // the page runs two instances of the entry module, and the element runs on the second.
  it("runs every allowed script under a Trusted Types allow-list when the bundle's URL carries a query: one policy for the page", async () => {
    storeChoice(['necessary', 'analytics']);
    const log = new URL('/test/e2e/pages/gated-log.js', location.href).href;
    const framePage = await page(`<script type="text/plain" data-consent="analytics" data-src="${log}" data-name="early"></script><consent-manager script-sources="'self'">${config()}</consent-manager>`, {
      head: `<meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; trusted-types consent-manager lit-html">`,
      bundle: `${BUNDLE_URL}?ver=1`,
    });
    const win = framePage.win as FramePage['win'] & { e2eLog?: string[] };
    await waitFor(() => (win.e2eLog ?? []).includes('early'), 5000, 'the allowed script');
    await settled(framePage);
    const later = framePage.doc.createElement('script');
    later.type = 'text/plain';
    for (const [name, value] of [['data-consent', 'analytics'], ['data-src', log], ['data-name', 'later']] as const) later.setAttribute(name, value);
    framePage.doc.body.append(later);
    await waitFor(() => (win.e2eLog ?? []).includes('later'), 5000, 'the script added once the element runs the gate');
    expect(win.e2eLog).to.deep.equal(['early', 'later']);
  });

  it("loads a vendor adapter's script under a Trusted Types allow-list when the bundle's URL carries a query, after the entry made the policy", async () => {
    storeChoice(['necessary', 'analytics']);
    const log = new URL('/test/e2e/pages/gated-log.js', location.href).href;
    // The entry's instance runs the gated script first, so it creates the page's policy; the
    // adapter runs in the element's instance, which must use that policy, not make another.
    const watch = `<script>
window.violations = []; window.errors = [];
document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
const error = console.error.bind(console);
console.error = (...args) => { errors.push(args.map(String).join(' ')); error(...args); };
</script>`;
    const framePage = await page(`<script type="text/plain" data-consent="analytics" data-src="${log}" data-name="early"></script><consent-manager script-sources="'self'">${config({ adapters: { 'google-analytics': { measurementId: 'G-TEST1234' } } })}</consent-manager>`, {
      head: `<meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; trusted-types consent-manager lit-html">${watch}`,
      bundle: `${BUNDLE_URL}?ver=1`,
    });
    const win = framePage.win as FramePage['win'] & { e2eLog?: string[]; violations: string[]; errors: string[] };
    await waitFor(() => (win.e2eLog ?? []).includes('early'), 5000, 'the allowed script');
    await settled(framePage);
    const gtag = (): HTMLScriptElement | null => framePage.doc.querySelector('script[src^="https://www.googletagmanager.com/gtag/js"]');
    await waitFor(() => gtag() !== null, 5000, "the adapter's gtag.js");
    expect(gtag()!.src).to.equal('https://www.googletagmanager.com/gtag/js?id=G-TEST1234');
    expect(win.violations, 'no Trusted Types violation').to.deep.equal([]);
    expect(win.errors.filter((text) => /trusted/i.test(text)), 'no refused policy').to.deep.equal([]);
  });

  it("hands its gate to the element when the bundle's URL carries a query: a withdrawal then recommends a reload", async () => {
    storeChoice(['necessary', 'analytics']);
    const framePage = await page(TAGS + ELEMENT, { bundle: `${BUNDLE_URL}?ver=1` });
    await waitFor(() => framePage.win.ran.length > 0, 5000, 'the allowed script to run');
    const element = await settled(framePage);
    expect(framePage.win.ran.map(([category]) => category), 'once').to.deep.equal(['analytics']);
    const change = nextEvent(element, 'consent-change');
    element.rejectAll();
    expect((await change).detail.reloadRecommended, 'the script the entry ran is known to the element').to.equal(true);
  });

  it("vouches by the bundle tag's nonce when its URL carries a query, also once the element runs the gate", async () => {
    storeChoice(['necessary', 'analytics']);
    const framePage = await page(gated('analytics', ' nonce="query-nonce"') + `<consent-manager>${config()}</consent-manager>`, { bundleAttributes: ' nonce="query-nonce"', bundle: `${BUNDLE_URL}?ver=1` });
    await waitFor(() => framePage.win.ran.length > 0, 5000, 'the vouched-for script to run');
    await settled(framePage);
    const later = framePage.doc.createElement('script');
    later.type = 'text/plain';
    later.setAttribute('data-consent', 'analytics');
    later.setAttribute('nonce', 'query-nonce');
    later.text = "window.ran.push(['later', true])";
    framePage.doc.body.append(later);
    await waitFor(() => framePage.win.ran.length > 1, 3000, 'the script added once the element runs the gate');
    expect(framePage.win.ran).to.deep.equal([
      ['analytics', false],
      ['later', true],
    ]);
  });

  it("vouches for a script by the bundle tag's nonce, as the element does, and for no other", async () => {
    storeChoice(['necessary', 'analytics', 'marketing']);
    const framePage = await page(gated('analytics', ' nonce="early-nonce"') + gated('marketing') + `<consent-manager>${config()}</consent-manager>`, { bundleAttributes: ' nonce="early-nonce"' });
    await waitFor(() => framePage.win.ran.length > 0, 5000, 'the vouched-for script to run');
    await settled(framePage);
    expect(framePage.win.ran).to.deep.equal([['analytics', false]]);
  });
});
