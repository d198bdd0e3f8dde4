/**
 * `<consent-manager headless>` driven by a site's own consent UI: plain buttons calling the API.
 * This file has a page of its own and never mounts an element with a UI, so any request for a
 * UI chunk (banner, its messages, preferences, placeholders) in it comes from headless mode.
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import type { ConsentReadyEvent } from '../../src/events/consent-events.js';
import type { ConsentUiRequestEvent } from '../../src/events/ui-events.js';
import { storedMethod, waitFor } from '../helpers/page-state.js';
import { isolateUiTests, mountManager, nextFrames } from '../helpers/ui.js';
import '../helpers/gate-log.js';

const CONFIG = { categories: [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }] };

/** The modules of the element's own UI, as the test server serves them. */
// `banner-part.ts` is the element's own few lines that know where the banner chunk is, not the chunk.
const UI_CHUNKS = /\/src\/ui\/(banner\.|preferences-dialog|placeholder|category-texts|cookie-table)|@lit\/localize\/init\/install/;

function uiChunksFetched(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => UI_CHUNKS.test(name));
}

let unique = 0;

/**
 * The site's page: its own banner with Accept, Reject and Save (with a switch per category), a
 * "Cookie settings" link, a gated script and a gated iframe. Its buttons only call the element's API.
 */
function addSite(): { site: HTMLElement; scriptName: string; frame: HTMLIFrameElement; settings: HTMLAnchorElement } {
  unique += 1;
  const scriptName = `headless-${unique}-${Date.now()}`;
  const site = document.createElement('div');
  site.className = 'headless-site';
  // Test-only markup from this file.
  site.innerHTML = `
    <div class="site-banner" hidden>
      <label><input type="checkbox" name="analytics"> Analytics</label>
      <label><input type="checkbox" name="marketing"> Marketing</label>
      <button class="accept">Accept</button>
      <button class="reject">Reject</button>
      <button class="save">Save</button>
    </div>
    <a href="#cookie-settings" class="settings" data-consent-open>Cookie settings</a>
    <script type="text/plain" data-consent="analytics" data-src="/test/fixtures/gated/log.js?${scriptName}" data-name="${scriptName}"></script>
    <iframe title="Video" data-consent="marketing" data-src="/test/fixtures/frame.html?${scriptName}"></iframe>`;
  document.body.append(site);
  const manager = (): ConsentManagerElement => document.querySelector('consent-manager')!;
  const checked = (name: string): boolean => site.querySelector<HTMLInputElement>(`input[name="${name}"]`)!.checked;
  site.querySelector('.accept')!.addEventListener('click', () => manager().acceptAll());
  site.querySelector('.reject')!.addEventListener('click', () => manager().rejectAll());
  site.querySelector('.save')!.addEventListener('click', () => manager().save({ analytics: checked('analytics'), marketing: checked('marketing') }));
  return { site, scriptName, frame: site.querySelector('iframe')!, settings: site.querySelector('.settings')! };
}

function click(site: HTMLElement, selector: string): void {
  site.querySelector<HTMLElement>(selector)!.click();
}

/** Mounts a headless element, recording the events a site listens to from before it starts. */
async function mountHeadless(): Promise<{ element: ConsentManagerElement; ready: ConsentReadyEvent[]; shown: string[]; requests: ConsentUiRequestEvent[] }> {
  const ready: ConsentReadyEvent[] = [];
  const shown: string[] = [];
  const requests: ConsentUiRequestEvent[] = [];
  const onReady = (event: ConsentReadyEvent): number => ready.push(event);
  const onShow = (event: CustomEvent<{ view: string }>): number => shown.push(event.detail.view);
  const onRequest = (event: ConsentUiRequestEvent): number => requests.push(event);
  document.addEventListener('consent-ready', onReady);
  document.addEventListener('consent-ui-show', onShow);
  document.addEventListener('consent-ui-request', onRequest);
  try {
    const element = await mountManager(CONFIG, 'headless');
    await nextFrames();
    return { element, ready, shown, requests };
  } finally {
    document.removeEventListener('consent-ready', onReady);
  }
}

describe('headless mode: the site\'s own UI drives the element', () => {
  isolateUiTests();

  beforeEach(() => {
    window.gateLog = [];
  });

  afterEach(() => {
    document.querySelectorAll('.headless-site').forEach((site) => site.remove());
  });

  it('on a first visit renders nothing and fetches no UI chunk; consent-ready says undecided; the site\'s Accept stores the choice as `api` and runs gated markup', async () => {
    const { site, scriptName, frame } = addSite();
    const { element, ready, shown } = await mountHeadless();
    expect(ready.map((event) => event.detail.decided), 'consent-ready tells the site to show its banner').to.deep.equal([false]);
    expect(element.decided).to.equal(false);
    expect(element.hasAttribute('headless') && element.headless).to.equal(true);
    expect(element.shadowRoot!.querySelector('[part]'), 'no part of the UI is rendered').to.equal(null);
    expect(frame.parentElement === site, 'no placeholder stands in for the blocked frame').to.equal(true);
    expect(document.querySelector('consent-placeholder')).to.equal(null);
    expect(frame.hasAttribute('src'), 'the frame waits for consent').to.equal(false);
    expect(window.gateLog, 'the gated script waits for consent').to.deep.equal([]);

    click(site, '.accept');
    await waitFor(() => window.gateLog!.includes(scriptName), 3000, 'the gated script');
    expect(frame.getAttribute('src')).to.contain('/test/fixtures/frame.html');
    expect(element.decided).to.equal(true);
    expect(element.consent).to.deep.equal({ necessary: true, analytics: true, marketing: true });
    expect(storedMethod()).to.equal('api');
    await nextFrames();
    // The gated script and frame were requested after anything the element could have asked for on start.
    expect(uiChunksFetched()).to.deep.equal([]);
    expect(shown, 'consent-ui-show never fires').to.deep.equal([]);
  });

  it("the site's Reject denies every optional category, stored as `api`; nothing gated runs", async () => {
    const { site, scriptName, frame } = addSite();
    const { element } = await mountHeadless();
    const changes: boolean[] = [];
    element.addEventListener('consent-change', (event) => changes.push(event.detail.decided));
    click(site, '.reject');
    expect(changes).to.deep.equal([true]);
    expect(element.consent).to.deep.equal({ necessary: true, analytics: false, marketing: false });
    expect(storedMethod()).to.equal('api');
    expect(element.record?.denied).to.deep.equal(['analytics', 'marketing']);
    await element.updateComplete;
    expect(window.gateLog).to.not.include(scriptName);
    expect(site.querySelector(`script[data-name="${scriptName}"]`)!.getAttribute('type')).to.equal('text/plain');
    expect(frame.hasAttribute('src')).to.equal(false);
    expect(uiChunksFetched()).to.deep.equal([]);
  });

  it("the site's Save stores its switches, as `api`; gated markup follows each category", async () => {
    const { site, scriptName, frame } = addSite();
    const { element } = await mountHeadless();
    site.querySelector<HTMLInputElement>('input[name="analytics"]')!.checked = true;
    click(site, '.save');
    expect(element.consent).to.deep.equal({ necessary: true, analytics: true, marketing: false });
    expect(element.record?.granted).to.deep.equal(['necessary', 'analytics']);
    expect(storedMethod()).to.equal('api');
    await waitFor(() => window.gateLog!.includes(scriptName), 3000, 'the analytics script');
    expect(frame.hasAttribute('src'), 'the marketing frame stays blocked').to.equal(false);
    expect(document.querySelector('consent-placeholder')).to.equal(null);
    expect(uiChunksFetched()).to.deep.equal([]);
  });

  it('a returning visitor: the stored choice applies on load, consent-ready says decided, and no request to show anything', async () => {
    const first = await mountHeadless();
    first.element.acceptAll();
    first.element.remove();
    const { scriptName } = addSite();
    const { element, ready, requests } = await mountHeadless();
    expect(ready.map((event) => event.detail.decided)).to.deep.equal([true]);
    expect(element.isAllowed('analytics marketing')).to.equal(true);
    await waitFor(() => window.gateLog!.includes(scriptName), 3000, 'the gated script');
    expect(requests).to.deep.equal([]);
    expect(uiChunksFetched()).to.deep.equal([]);
  });

  it('reopening: a data-consent-open click, showPreferences() and showBanner() fire consent-ui-request instead of rendering', async () => {
    const { site, settings } = addSite();
    const { element, requests, shown } = await mountHeadless();
    click(site, '.reject');
    let defaultPrevented = false;
    document.addEventListener('click', (event) => (defaultPrevented = event.defaultPrevented), { once: true });
    settings.click();
    expect(defaultPrevented, 'the link does not navigate').to.equal(true);
    const button = site.querySelector<HTMLButtonElement>('.accept')!;
    site.querySelector<HTMLElement>('.site-banner')!.hidden = false;
    button.focus();
    element.showPreferences();
    element.showBanner();
    expect(requests.map(({ detail }) => [detail.view, detail.opener ?? null])).to.deep.equal([
      ['preferences', settings],
      ['preferences', button],
      ['banner', null],
    ]);
    expect(requests.every((event) => event.bubbles && event.composed)).to.equal(true);
    await nextFrames();
    expect(element.shadowRoot!.querySelector('[part]'), 'nothing rendered').to.equal(null);
    expect(shown).to.deep.equal([]);
    expect(element.consent.analytics, 'asking to reopen decides nothing').to.equal(false);
    expect(uiChunksFetched()).to.deep.equal([]);
  });

  it('reset() tells the site to ask again: consent-change with decided false, still without UI', async () => {
    addSite();
    const { element } = await mountHeadless();
    element.acceptAll();
    const changes: boolean[] = [];
    element.addEventListener('consent-change', (event) => changes.push(event.detail.decided));
    element.reset();
    expect(changes).to.deep.equal([false]);
    expect(element.isAllowed('analytics')).to.equal(false);
    await nextFrames();
    expect(element.shadowRoot!.querySelector('[part]')).to.equal(null);
    expect(uiChunksFetched()).to.deep.equal([]);
  });

  it('reflects the headless property to the attribute', async () => {
    const element = await mountManager(CONFIG, 'headless');
    // Decided, so that the element without `headless` has no banner to fetch.
    element.acceptAll();
    element.headless = false;
    await element.updateComplete;
    expect(element.hasAttribute('headless')).to.equal(false);
    element.headless = true;
    await element.updateComplete;
    expect(element.hasAttribute('headless')).to.equal(true);
    expect(uiChunksFetched()).to.deep.equal([]);
  });
});
