// A second <consent-manager> on the page, as markup injected into it would add one: it must never
// widen what runs (SECURITY.md, guarantee 5). While there are two, neither allows anything optional.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import { encodeRecord } from '../../src/core/record.js';
import { reported } from '../../src/diagnostics/report.js';
import { captureConsoleEachTest } from '../helpers/console.js';
import { clearBrowserStorage, nextEvent, waitFor } from '../helpers/page-state.js';
import '../helpers/gate-log.js';

const CATEGORIES = [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }];
const SITE = JSON.stringify({ categories: CATEGORIES });
/** What an attacker would inject: every category on by default, and a cookie of its own so the site's choice does not apply. */
const INJECTED = JSON.stringify({ categories: CATEGORIES, mode: 'opt-out', storage: { cookieName: 'injected' } });

let unique = 0;

function idle(ms = 150): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Adds markup to the page at once, as a parser would; returns the container. */
function addMarkup(markup: string): HTMLElement {
  const container = document.createElement('div');
  container.className = 'second-element-test';
  // Test-only markup from this file.
  container.innerHTML = markup;
  document.body.append(container);
  return container;
}

function gatedMarkup(): { markup: string; frameUrl: string } {
  unique += 1;
  const frameUrl = `/test/fixtures/frame.html?second=${unique}-${Date.now()}`;
  return {
    frameUrl,
    markup: `
      <script type="text/plain" data-consent="analytics" data-src="/test/fixtures/gated/log.js?second=${unique}-${Date.now()}" data-name="analytics"></script>
      <iframe title="gated" data-consent="marketing" data-src="${frameUrl}"></iframe>`,
  };
}

describe('a second <consent-manager> on the page', () => {
  const output = captureConsoleEachTest(
    () => {
      clearBrowserStorage();
      window.gateLog = [];
    },
    async () => {
      document.querySelectorAll('.second-element-test').forEach((element) => element.remove());
      await reported();
      clearBrowserStorage();
    },
  );

  it('makes neither allow anything optional, with one console error, even after the visitor rejects or accepts', async () => {
    const { markup } = gatedMarkup();
    const container = addMarkup(`
      ${markup}
      <consent-manager class="injected"><script type="application/json">${INJECTED}</script></consent-manager>
      <consent-manager class="site"><script type="application/json">${SITE}</script></consent-manager>`);
    const site = container.querySelector<ConsentManagerElement>('.site')!;
    const injected = container.querySelector<ConsentManagerElement>('.injected')!;
    const frame = container.querySelector('iframe')!;
    await Promise.all([site.ready, injected.ready]);
    await idle();
    expect(window.gateLog, 'first view').to.deep.equal([]);
    expect(frame.hasAttribute('src')).to.equal(false);
    expect(injected.consent).to.deep.equal({ necessary: true, analytics: false, marketing: false });
    expect(injected.isAllowed('analytics')).to.equal(false);

    site.rejectAll();
    await idle();
    expect(window.gateLog, 'after the visitor rejects').to.deep.equal([]);
    expect(frame.hasAttribute('src')).to.equal(false);

    const change = nextEvent(site, 'consent-change');
    site.acceptAll();
    expect((await change).detail.categories, 'what the page is told').to.deep.equal({ necessary: true, analytics: false, marketing: false });
    await idle();
    expect(window.gateLog, 'even after the visitor accepts').to.deep.equal([]);
    expect(frame.hasAttribute('src')).to.equal(false);
    expect(site.consent.analytics).to.equal(false);

    await reported();
    expect(output.error.filter((error) => error.includes('more than one <consent-manager>'))).to.have.length(1);
    expect(output.error).to.have.length(1);
  });

  it("applies the site's own choice again once the other element is gone", async () => {
    const { markup, frameUrl } = gatedMarkup();
    const container = addMarkup(`
      ${markup}
      <consent-manager class="site"><script type="application/json">${SITE}</script></consent-manager>`);
    const site = container.querySelector<ConsentManagerElement>('.site')!;
    await site.ready;
    const injected = addMarkup(`<consent-manager><script type="application/json">${INJECTED}</script></consent-manager>`).firstElementChild as ConsentManagerElement;
    await injected.ready;
    site.acceptAll();
    await idle();
    expect(window.gateLog).to.deep.equal([]);

    const change = nextEvent(site, 'consent-change');
    injected.remove();
    expect((await change).detail.categories).to.deep.equal({ necessary: true, analytics: true, marketing: true });
    await waitFor(() => window.gateLog!.length === 1, 2000, 'the gated script');
    expect(container.querySelector('iframe')?.getAttribute('src')).to.equal(frameUrl);
  });

  it("resolves each element's ready with the state it applies: nothing optional, whatever the stored choice", async () => {
    const now = Math.floor(Date.now() / 1000);
    document.cookie = `consent=${encodeRecord({ version: 1, id: 'SecondElementSecondEl0', revision: 0, createdAt: now, updatedAt: now, granted: ['necessary', 'analytics', 'marketing'], denied: [], method: 'banner', gpc: false, language: 'en' })}; Path=/`;
    const container = addMarkup(`
      <consent-manager class="site"><script type="application/json">${SITE}</script></consent-manager>
      <consent-manager><script type="application/json">${INJECTED}</script></consent-manager>`);
    const site = container.querySelector<ConsentManagerElement>('.site')!;
    const state = await site.ready;
    expect(state.categories, 'what ready says').to.deep.equal({ necessary: true, analytics: false, marketing: false });
    expect(site.consent, 'what the element applies').to.deep.equal(state.categories);
  });

  it('withdraws what was loaded when a second element arrives late', async () => {
    const { markup } = gatedMarkup();
    const container = addMarkup(`
      ${markup}
      <consent-manager class="site"><script type="application/json">${SITE}</script></consent-manager>`);
    const site = container.querySelector<ConsentManagerElement>('.site')!;
    await site.ready;
    site.acceptAll();
    const frame = container.querySelector('iframe')!;
    await waitFor(() => frame.getAttribute('src') !== null && window.gateLog!.length === 1, 2000, 'the frame and the script');
    const change = nextEvent(site, 'consent-change');
    addMarkup(`<consent-manager><script type="application/json">${INJECTED}</script></consent-manager>`);
    const { detail } = await change;
    expect(detail.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false });
    expect(detail.reloadRecommended, 'the gated script that ran cannot be unloaded').to.equal(true);
    expect(frame.getAttribute('src')).to.equal('about:blank');
  });

  it('is no second element when the one element is taken out and put back', async () => {
    const { markup } = gatedMarkup();
    const container = addMarkup(`
      ${markup}
      <consent-manager class="site"><script type="application/json">${SITE}</script></consent-manager>`);
    const site = container.querySelector<ConsentManagerElement>('.site')!;
    await site.ready;
    site.remove();
    container.append(site);
    container.prepend(site);
    site.save({ analytics: true });
    await waitFor(() => window.gateLog!.length === 1, 2000, 'the gated script');
    await reported();
    expect(output.error).to.deep.equal([]);
  });
});

describe('observe(root) on the element', () => {
  afterEach(async () => {
    document.querySelectorAll('.second-element-test').forEach((element) => element.remove());
    await reported();
    clearBrowserStorage();
  });

  it("gates a closed shadow root the site hands over, before or after the element started", async () => {
    window.gateLog = [];
    const widget = (name: string): { host: HTMLElement; root: ShadowRoot } => {
      const host = document.createElement('div');
      host.className = 'second-element-test';
      const root = host.attachShadow({ mode: 'closed' });
      // Test-only markup from this file; inline, since document.currentScript is null in shadow trees.
      root.innerHTML = `<script type="text/plain" data-consent="analytics">window.gateLog.push(${JSON.stringify(name)})</script>`;
      document.body.append(host);
      return { host, root };
    };
    const early = widget('handed over before start');
    const container = addMarkup(`<consent-manager script-sources="'unsafe-inline'"><script type="application/json">${SITE}</script></consent-manager>`);
    const site = container.querySelector<ConsentManagerElement>('consent-manager')!;
    site.observe(early.root);
    await site.ready;
    const late = widget('handed over after start');
    site.observe(late.root);
    widget('never handed over');
    site.save({ analytics: true });
    await waitFor(() => window.gateLog!.length === 2, 2000, 'the scripts in the handed-over roots');
    await idle();
    expect(window.gateLog).to.deep.equal(['handed over before start', 'handed over after start']);
  });
});
