import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/define.js';
import { decodeRecord, encodeRecord } from '../../src/core/record.js';
import { type ConsentChangeEvent, ConsentReadyEvent } from '../../src/events/consent-events.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import { reported } from '../../src/diagnostics/report.js';
import { captureConsole, type CapturedConsole } from '../helpers/console.js';
import { blockCookies, blockLocalStorage, clearBrowserStorage, ignoreCookieWrites, nextEvent, setGlobalPrivacyControl, storedCookieValue, waitFor } from '../helpers/page-state.js';
import { gateSettled } from '../helpers/gate-log.js';

const CATEGORIES = [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }];

function jsonConfig(config: object = { categories: CATEGORIES }): string {
  return JSON.stringify(config);
}

/** Mounts an element configured by its JSON child, as a site would write it, and waits until it is ready. */
async function mount(config: object | string = { categories: CATEGORIES }): Promise<ConsentManagerElement> {
  const text = typeof config === 'string' ? config : jsonConfig(config);
  // The site vouches for the inline gated scripts these tests add.
  const element = await fixture<ConsentManagerElement>(html`<consent-manager script-sources="'unsafe-inline'"><script type="application/json">${text}</script></consent-manager>`);
  await element.ready;
  await element.updateComplete;
  return element;
}

function storedRecord(name = 'consent') {
  const value = storedCookieValue(name);
  return value === null ? null : decodeRecord(value);
}

function banner(element: ConsentManagerElement): HTMLElement | null {
  return element.shadowRoot!.querySelector('[part="banner"]');
}

/** The banner comes in a chunk of its own: waits until it is on screen. */
async function bannerShown(element: ConsentManagerElement): Promise<HTMLElement> {
  await waitFor(() => banner(element) !== null, 2000, 'the banner');
  return banner(element)!;
}

/**
 * Adds `<script type="text/plain" data-consent="category">` that logs `entry` to `window[logName]`
 * when it runs, and returns a reader of that log. Removed after each test with `.element-test`.
 */
function addGatedScript(category: string, logName: string, entry: string): () => string[] {
  const script = document.createElement('script');
  script.type = 'text/plain';
  script.dataset.consent = category;
  script.text = `(window.${logName} ??= []).push(${JSON.stringify(entry)})`;
  script.className = 'element-test';
  document.body.append(script);
  return () => (window as unknown as Record<string, string[] | undefined>)[logName] ?? [];
}

/** The test config with the analytics label edited, and the revision unchanged. */
const RELABELLED = { categories: CATEGORIES.map((category) => (category.id === 'analytics' ? { ...category, label: 'Audience measurement' } : category)) };

describe('<consent-manager>', () => {
  // The UI speaks the page's language; these tests read English texts.
  before(() => {
    document.documentElement.lang = 'en';
  });

  let output: CapturedConsole;

  beforeEach(() => {
    clearBrowserStorage();
    output = captureConsole();
  });

  afterEach(async () => {
    fixtureCleanup();
    // A warning a test's last element reported prints late (its sentences are a chunk): it must
    // land in that test's output, not the next one's (seen in WebKit under load).
    await reported();
    output.restore();
    clearBrowserStorage();
    document.querySelectorAll('.element-test').forEach((element) => element.remove());
  });

  describe('configuration', () => {
    it('reads its config from a child JSON script', async () => {
      const element = await mount({ categories: [...CATEGORIES, { id: 'payments' }], mode: 'opt-out' });
      expect(element.consent).to.deep.equal({ necessary: true, analytics: true, marketing: true, payments: true });
      expect(element.effectiveConfig.mode).to.equal('opt-out');
      await reported();
      expect(output.error).to.deep.equal([]);
    });

    it('reads its config from the config property, as an object or a JSON string', async () => {
      const element = document.createElement('consent-manager');
      element.config = { categories: [{ id: 'essential', required: true }, { id: 'stats' }] };
      document.body.append(element);
      element.classList.add('element-test');
      await element.ready;
      expect(element.consent).to.deep.equal({ essential: true, stats: false });
      // One element per page: a second one would allow nothing optional.
      element.remove();

      const fromString = document.createElement('consent-manager');
      fromString.config = jsonConfig({ categories: [{ id: 'essential', required: true }, { id: 'ads' }] });
      fromString.classList.add('element-test');
      document.body.append(fromString);
      await fromString.ready;
      expect(fromString.consent).to.deep.equal({ essential: true, ads: false });
    });

    it('uses the default categories without any config', async () => {
      const element = await fixture<ConsentManagerElement>(html`<consent-manager></consent-manager>`);
      await element.ready;
      expect(Object.keys(element.consent)).to.deep.equal(['necessary', 'preferences', 'analytics', 'marketing']);
      await reported();
      expect(output.error).to.deep.equal([]);
    });

    it('reports an invalid config once, naming the field, and falls back to the safe state with the banner shown', async () => {
      // A stored grant must not be honoured while the config is broken, but must not be lost either.
      const granted = encodeRecord({ version: 1, id: 'AAAAAAAAAAAAAAAAAAAAAA', revision: 0, createdAt: 1, updatedAt: Math.floor(Date.now() / 1000), granted: ['necessary', 'analytics', 'marketing'], denied: [], method: 'banner', gpc: false, language: 'en' });
      document.cookie = `consent=${granted}; Path=/`;
      const element = await mount({ categories: CATEGORIES, mode: 'opt-out', storage: { expiresDays: 'forever' } });
      await reported();
      expect(output.error).to.have.length(1);
      expect(output.error[0]).to.contain('storage.expiresDays');
      expect(element.consent).to.deep.equal({ necessary: true, analytics: false, marketing: false });
      expect(element.decided).to.equal(false);
      await bannerShown(element);
      expect(storedRecord()?.granted).to.deep.equal(['necessary', 'analytics', 'marketing']);
    });

    it('reports malformed JSON once and falls back to the safe state', async () => {
      const element = await mount('{ "categories": [ { "id": "analytics" ');
      await reported();
      expect(output.error).to.have.length(1);
      expect(output.error[0]).to.contain('not valid JSON');
      expect(element.consent).to.deep.equal({ necessary: true, preferences: false, analytics: false, marketing: false });
      await bannerShown(element);
    });

    it('ignores a config property replaced by an equal one, as frameworks do on every render', async () => {
      const element = document.createElement('consent-manager');
      element.config = { categories: CATEGORIES };
      element.classList.add('element-test');
      document.body.append(element);
      await element.ready;
      element.acceptAll();
      const changes: string[] = [];
      element.addEventListener('consent-change', (event) => changes.push(event.detail.source));
      element.config = { categories: CATEGORIES.map((category) => ({ ...category })) };
      element.config = JSON.stringify({ categories: CATEGORIES });
      await element.updateComplete;
      expect(changes).to.deep.equal([]);
      expect(element.consent.marketing).to.equal(true);
    });

    it('applies a config property replaced at run time', async () => {
      const element = await mount();
      element.acceptAll();
      const change = nextEvent(element, 'consent-change');
      element.config = { categories: CATEGORIES, revision: 1 };
      const event = await change;
      expect(event.detail.decided).to.equal(false);
      expect(event.detail.changed).to.deep.equal(['analytics', 'marketing']);
      expect(element.consent.analytics).to.equal(false);
    });

    it('keeps the stored choice, and grants nothing new, when a config replaced at run time keeps its revision', async () => {
      const log = addGatedScript('marketing', 'relabelGateLog', 'marketing ran');
      const element = await mount();
      element.save({ analytics: true });
      const storedBefore = document.cookie;
      const recordBefore = element.record;
      const changes: ConsentChangeEvent[] = [];
      element.addEventListener('consent-change', (event) => changes.push(event));

      element.config = RELABELLED;
      await element.updateComplete;
      // Gated scripts run from a promise chain, in order: a wrongly allowed one has run by the sentinel's turn.
      await gateSettled();

      expect(element.effectiveConfig.categories.find(({ id }) => id === 'analytics')?.label, 'the new config is in effect').to.equal('Audience measurement');
      expect(element.decided).to.equal(true);
      expect(element.consent).to.deep.equal({ necessary: true, analytics: true, marketing: false });
      expect(element.record).to.deep.equal(recordBefore);
      expect(document.cookie, 'the stored record is not rewritten').to.equal(storedBefore);
      expect(changes.flatMap((event) => event.detail.changed)).to.deep.equal([]);
      expect(log(), 'no gated script of a denied category runs').to.deep.equal([]);
      expect(banner(element)).to.equal(null);
    });

    it('asks again, with the new category denied, when a config replaced at run time adds an optional category', async () => {
      const element = await mount();
      element.acceptAll();
      await element.updateComplete;
      expect(banner(element)).to.equal(null);
      const change = nextEvent(element, 'consent-change');

      element.config = { categories: [...CATEGORIES, { id: 'payments' }] };
      const event = await change;

      expect(event.detail.decided).to.equal(false);
      expect(event.detail.categories.payments).to.equal(false);
      expect(element.decided).to.equal(false);
      expect(element.isAllowed('payments')).to.equal(false);
      await bannerShown(element);
      element.save({ payments: true });
      expect(element.decided, 'answering about the new category settles it').to.equal(true);
      expect(storedRecord()?.granted).to.include('payments');
    });
  });

  describe('API', () => {
    it('starts undecided with only required categories allowed, and shows the banner', async () => {
      const element = await mount();
      expect(element.decided).to.equal(false);
      expect(element.consent).to.deep.equal({ necessary: true, analytics: false, marketing: false });
      expect(element.isAllowed('necessary')).to.equal(true);
      expect(element.isAllowed('analytics')).to.equal(false);
      expect(element.record).to.equal(null);
      await bannerShown(element);
    });

    it('acceptAll, rejectAll and save store the choice, and the banner goes', async () => {
      const element = await mount();
      element.acceptAll();
      await element.updateComplete;
      expect(element.consent).to.deep.equal({ necessary: true, analytics: true, marketing: true });
      expect(element.decided).to.equal(true);
      expect(banner(element)).to.equal(null);
      expect(storedRecord()?.granted).to.deep.equal(['necessary', 'analytics', 'marketing']);
      expect(storedRecord()?.method).to.equal('api');

      element.rejectAll();
      expect(element.consent).to.deep.equal({ necessary: true, analytics: false, marketing: false });
      expect(storedRecord()?.denied).to.deep.equal(['analytics', 'marketing']);

      element.save({ analytics: true });
      expect(element.consent).to.deep.equal({ necessary: true, analytics: true, marketing: false });
      expect(element.isAllowed('analytics marketing')).to.equal(false);
      expect(element.isAllowed('necessary analytics')).to.equal(true);
      expect(element.record?.granted).to.deep.equal(['necessary', 'analytics']);
    });

    it('save reports, and ignores, unknown categories and non-boolean values', async () => {
      const element = await mount();
      element.save({ analytics: true, ads: true, marketing: 'yes' as unknown as boolean });
      expect(element.consent).to.deep.equal({ necessary: true, analytics: true, marketing: false });
      await reported();
      expect(output.error).to.have.length(2);
      expect(output.error.join('\n')).to.contain('"ads"').and.contain('"marketing"');
    });

    it('save reports at most ten ignored keys of a huge object, and saves what it can', async () => {
      const element = await mount();
      const huge: Record<string, boolean> = Object.fromEntries(Array.from({ length: 5000 }, (_, index) => [`unknown${index}`, true]));
      element.save({ ...huge, analytics: true });
      expect(element.consent).to.deep.equal({ necessary: true, analytics: true, marketing: false });
      await reported();
      expect(output.error).to.have.length(10);
    });

    it('isAllowed answers false, never throws, for what is not a string of category ids', async () => {
      const element = await mount();
      element.acceptAll();
      const notStrings: unknown[] = [42, {}, ['analytics'], null, undefined];
      for (const [index, value] of notStrings.entries()) expect(element.isAllowed(value as string), `value ${index}`).to.equal(false);
      expect(element.isAllowed('analytics')).to.equal(true);
    });

    it('reset forgets the choice and asks again', async () => {
      const element = await mount();
      element.acceptAll();
      element.reset();
      await element.updateComplete;
      expect(element.decided).to.equal(false);
      expect(element.consent.analytics).to.equal(false);
      expect(storedRecord()).to.equal(null);
      await bannerShown(element);
    });

    it('exposes a copy of the state, so changing it changes nothing', async () => {
      const element = await mount();
      const consent = element.consent as Record<string, boolean>;
      consent.marketing = true;
      expect(element.isAllowed('marketing')).to.equal(false);
    });

    it('applies a choice made before it is ready once it is', async () => {
      const element = document.createElement('consent-manager');
      element.config = { categories: CATEGORIES };
      element.classList.add('element-test');
      document.body.append(element);
      element.acceptAll();
      expect(element.consent, 'nothing is known before ready').to.deep.equal({});
      await element.ready;
      await waitFor(() => element.decided, 1000, 'the early choice');
      expect(element.consent.marketing).to.equal(true);
    });

    it('applies the stored choice on the next page load', async () => {
      const first = await mount();
      first.save({ analytics: true });
      fixtureCleanup();
      const next = await mount();
      expect(next.decided).to.equal(true);
      expect(next.consent).to.deep.equal({ necessary: true, analytics: true, marketing: false });
      expect(banner(next)).to.equal(null);
    });

    it('treats a hostile stored value as no choice, without an exception', async () => {
      document.cookie = 'consent=v=1&id=%3Cscript%3E&g=analytics.marketing; Path=/';
      localStorage.setItem('consent', '{"__proto__":{"granted":true}}');
      const element = await mount();
      expect(element.decided).to.equal(false);
      expect(element.consent).to.deep.equal({ necessary: true, analytics: false, marketing: false });
      await reported();
      expect(output.error).to.deep.equal([]);
    });
  });

  describe('events', () => {
    it('fires consent-ready once, bubbling and composed, to window and document listeners', async () => {
      const seen: string[] = [];
      const onWindow = (event: ConsentReadyEvent) => seen.push(`window:${event.detail.decided}`);
      const onDocument = (event: ConsentReadyEvent) => seen.push(`document:${Object.keys(event.detail.categories).join(',')}`);
      window.addEventListener('consent-ready', onWindow);
      document.addEventListener('consent-ready', onDocument);
      try {
        const element = await mount();
        element.acceptAll();
        await element.updateComplete;
        expect(seen).to.deep.equal(['document:necessary,analytics,marketing', 'window:false']);
      } finally {
        window.removeEventListener('consent-ready', onWindow);
        document.removeEventListener('consent-ready', onDocument);
      }
    });

    it('fires consent-ready as a typed event with the record', async () => {
      const first = await mount();
      first.acceptAll();
      fixtureCleanup();
      const ready = nextEvent(window, 'consent-ready');
      await mount();
      const event = await ready;
      expect(event).to.be.instanceOf(ConsentReadyEvent);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.decided).to.equal(true);
      expect(event.detail.record?.granted).to.deep.equal(['necessary', 'analytics', 'marketing']);
      expect(event.detail.gpc).to.equal(false);
    });

    it('fires consent-change with the categories, what changed and the source', async () => {
      const element = await mount();
      const events: ConsentChangeEvent[] = [];
      document.addEventListener('consent-change', (event) => events.push(event));
      element.save({ analytics: true });
      element.acceptAll();
      element.rejectAll();
      element.reset();
      expect(events.map((event) => [event.detail.source, event.detail.changed.join(','), event.detail.decided])).to.deep.equal([
        ['api', 'analytics', true],
        ['api', 'marketing', true],
        ['api', 'analytics,marketing', true],
        ['api', '', false],
      ]);
      expect(events.every((event) => event.bubbles && event.composed)).to.equal(true);
      expect(events[0]?.detail.categories).to.deep.equal({ necessary: true, analytics: true, marketing: false });
    });

    it('reports the banner as the source of a choice made in it', async () => {
      const element = await mount();
      const accepted = nextEvent(element, 'consent-change');
      await bannerShown(element);
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part="accept-all"]')!.click();
      expect((await accepted).detail.source).to.equal('banner');
      expect(storedRecord()?.method).to.equal('banner');

      element.reset();
      await element.updateComplete;
      const rejected = nextEvent(element, 'consent-change');
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part="reject-all"]')!.click();
      const event = await rejected;
      expect(event.detail.source).to.equal('banner');
      expect(event.detail.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false });
    });
  });

  describe('storage', () => {
    it('writes a first-party cookie with the configured name', async () => {
      const element = await mount({ categories: CATEGORIES, storage: { cookieName: 'site_consent' } });
      element.acceptAll();
      expect(storedRecord('site_consent')?.id).to.equal(element.record?.id);
    });

    it('falls back to localStorage when cookies are blocked, with one warning', async () => {
      const restore = blockCookies();
      try {
        const element = await mount();
        element.acceptAll();
        element.rejectAll();
        expect(decodeRecord(localStorage.getItem('consent'))?.denied).to.deep.equal(['analytics', 'marketing']);
        await reported();
        expect(output.warn).to.have.length(1);
        expect(output.warn[0]).to.contain('localStorage');
        fixtureCleanup();
        const next = await mount();
        expect(next.decided, 'the choice is read back from localStorage').to.equal(true);
      } finally {
        restore();
      }
    });

    it('keeps the choice in memory when cookies and localStorage are both blocked, with one warning', async () => {
      const restoreCookies = ignoreCookieWrites();
      const restoreStorage = blockLocalStorage();
      try {
        const element = await mount();
        element.save({ marketing: true });
        element.save({ analytics: true });
        expect(element.consent).to.deep.equal({ necessary: true, analytics: true, marketing: true });
        expect(element.decided).to.equal(true);
        await reported();
        expect(output.warn).to.have.length(1);
        expect(output.warn[0]).to.contain('only until this page is left');
        expect(output.error).to.deep.equal([]);
      } finally {
        restoreStorage();
        restoreCookies();
      }
    });
  });

  describe('Global Privacy Control', () => {
    let restoreGpc: () => void;
    afterEach(() => restoreGpc());

    it('keeps marketing off by default in opt-out mode', async () => {
      restoreGpc = setGlobalPrivacyControl(true);
      const element = await mount({ categories: CATEGORIES, mode: 'opt-out' });
      expect(element.consent).to.deep.equal({ necessary: true, analytics: true, marketing: false });
    });

    it('counts only a true value, not the property being present', async () => {
      restoreGpc = setGlobalPrivacyControl('1');
      const element = await mount({ categories: CATEGORIES, mode: 'opt-out' });
      expect(element.consent.marketing).to.equal(true);
    });

    it('overrides a stored marketing grant made without GPC: ready, then a gpc change', async () => {
      restoreGpc = () => undefined;
      const first = await mount();
      first.acceptAll();
      fixtureCleanup();
      restoreGpc = setGlobalPrivacyControl(true);
      const events: string[] = [];
      const onReady = (event: ConsentReadyEvent) => events.push(`ready:${event.detail.categories.marketing}`);
      const onChange = (event: ConsentChangeEvent) => events.push(`change:${event.detail.source}:${event.detail.changed.join(',')}`);
      window.addEventListener('consent-ready', onReady);
      window.addEventListener('consent-change', onChange);
      try {
        const element = await mount();
        await waitFor(() => events.length === 2, 1000, 'the gpc change');
        expect(events).to.deep.equal(['ready:false', 'change:gpc:marketing']);
        expect(element.consent).to.deep.equal({ necessary: true, analytics: true, marketing: false });
        expect(storedRecord()?.gpc).to.equal(true);
        element.acceptAll();
        expect(element.consent.marketing, 'an explicit choice wins').to.equal(true);
      } finally {
        window.removeEventListener('consent-ready', onReady);
        window.removeEventListener('consent-change', onChange);
      }
    });
  });

  describe('gating', () => {
    it('runs gated scripts once their category is allowed, and recommends a reload when it is withdrawn', async () => {
      const log = addGatedScript('analytics', 'elementGateLog', 'analytics ran');

      const element = await mount();
      expect(log()).to.deep.equal([]);
      element.save({ analytics: true });
      await waitFor(() => log().length === 1, 1000, 'the gated script');

      const change = nextEvent(element, 'consent-change');
      element.save({ marketing: true });
      expect((await change).detail.reloadRecommended, 'granting never asks for a reload').to.equal(false);
      const withdrawn = nextEvent(element, 'consent-change');
      element.save({ analytics: false });
      expect((await withdrawn).detail.reloadRecommended).to.equal(true);
    });

    it('still recommends a reload after a config replaced at run time, for a script that ran before it', async () => {
      const log = addGatedScript('analytics', 'reconfiguredGateLog', 'analytics ran');
      const element = await mount();
      element.save({ analytics: true });
      await waitFor(() => log().length === 1, 1000, 'the gated script');

      element.config = RELABELLED;
      await element.updateComplete;
      const withdrawn = nextEvent(element, 'consent-change');
      element.save({ analytics: false });

      expect((await withdrawn).detail.reloadRecommended, 'the script is still running on the page').to.equal(true);
      expect(log(), 'and it ran once, not again for the new config').to.deep.equal(['analytics ran']);
    });

    it('stops gating when removed from the page', async () => {
      const element = await mount();
      element.remove();
      const script = document.createElement('script');
      script.type = 'text/plain';
      script.dataset.consent = 'necessary';
      script.className = 'element-test';
      script.text = '(window.removedGateLog ??= []).push("ran")';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as { removedGateLog?: string[] }).removedGateLog).to.equal(undefined);
    });
  });

  describe('across tabs', () => {
    it('re-reads the stored choice when the tab becomes visible again, as for a subdomain that shares the cookie', async () => {
      const element = await mount();
      const elsewhere = encodeRecord({ version: 1, id: 'BBBBBBBBBBBBBBBBBBBBBB', revision: 0, createdAt: 1, updatedAt: Math.floor(Date.now() / 1000), granted: ['necessary', 'marketing'], denied: ['analytics'], method: 'banner', gpc: false, language: 'en' });
      document.cookie = `consent=${elsewhere}; Path=/`;
      expect(element.isAllowed('marketing'), 'nothing changes before the tab is shown').to.equal(false);
      const change = nextEvent(element, 'consent-change');
      // The tab is shown again; stated here, since a test page may really be in the background.
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
      delete (document as { visibilityState?: string }).visibilityState;
      const event = await change;
      expect(event.detail.source).to.equal('sync');
      expect(event.detail.changed).to.deep.equal(['marketing']);
      expect(element.record?.id).to.equal('BBBBBBBBBBBBBBBBBBBBBB');
    });

    async function secondTab(query = ''): Promise<HTMLIFrameElement> {
      const frame = document.createElement('iframe');
      frame.className = 'element-test';
      frame.src = `/test/fixtures/second-tab.html${query}`;
      document.body.append(frame);
      await waitFor(() => (frame.contentWindow as { changes?: unknown[] } | null)?.changes !== undefined, 4000, 'the second tab');
      const other = frame.contentDocument!.querySelector('consent-manager')!;
      await other.ready;
      return frame;
    }

    for (const [label, query] of [
      ['BroadcastChannel', ''],
      ['the storage event when BroadcastChannel is missing', '?no-channel'],
    ] as const) {
      it(`applies a choice made in one tab to the other within a second, through ${label}`, async () => {
        const original = window.BroadcastChannel;
        if (query) delete (window as { BroadcastChannel?: unknown }).BroadcastChannel;
        try {
          const frame = await secondTab(query);
          const other = frame.contentDocument!.querySelector('consent-manager')!;
          const element = await mount({ storage: { cookieName: 'sync_test' } });
          const changes = (frame.contentWindow as unknown as { changes: { source: string; changed: string[] }[] }).changes;
          element.save({ analytics: true });
          await waitFor(() => other.isAllowed('analytics'), 1000, 'the other tab to apply the choice');
          expect(changes.map((change) => change.source)).to.deep.equal(['sync']);
          expect(changes[0]?.changed).to.deep.equal(['analytics']);
          element.reset();
          await waitFor(() => !other.decided, 1000, 'the other tab to apply the reset');
        } finally {
          window.BroadcastChannel = original;
        }
      });
    }
  });
});
