import { expect } from '@open-wc/testing';
import type { Diagnostic } from '../../src/diagnostics/report.js';
import { ConsentGate, gatedCategories } from '../../src/dom/gating.js';
import { waitFor } from '../helpers/page-state.js';
import '../helpers/gate-log.js';

const FIXTURES = '/test/fixtures';
let unique = 0;

/** A fixture URL no earlier test has requested, so the browser cache cannot hide a request. */
function fresh(path: string, query = ''): string {
  unique += 1;
  return `${FIXTURES}/${path}?n=${unique}-${Date.now()}${query}`;
}

function absolute(url: string): string {
  return new URL(url, location.href).href;
}

function requested(url: string): boolean {
  return performance.getEntriesByType('resource').some((entry) => entry.name === absolute(url));
}

/**
 * Resolves once the browser has loaded an image requested after the markup under test: by then
 * it has started any fetch, and run any resource selection, that markup would have caused.
 */
function idle(): Promise<void> {
  const control = new Image();
  const loaded = new Promise<void>((resolve) => {
    control.onload = control.onerror = () => resolve();
  });
  control.src = fresh('pixel.svg', '&control');
  return loaded;
}

/** Adds markup to the page; returns the container. Parsed markup scripts do not run, as in a real page's gated tags. */
function addMarkup(markup: string): HTMLElement {
  const container = document.createElement('div');
  container.className = 'gating-test';
  // Test-only markup from this file; innerHTML-created scripts never execute on their own.
  container.innerHTML = markup;
  document.body.append(container);
  return container;
}

/** What the site vouches for in these tests: its own origin, and the inline scripts the tests write. */
const SITE_SOURCES = ["'self'", "'unsafe-inline'"];
const scriptSources = (): readonly string[] => SITE_SOURCES;

const none = { necessary: true, analytics: false, marketing: false };
const analytics = { necessary: true, analytics: true, marketing: false };
const all = { necessary: true, analytics: true, marketing: true };

describe('ConsentGate', () => {
  let gate: ConsentGate;
  let warnings: Diagnostic[];

  beforeEach(() => {
    window.gateLog = [];
    warnings = [];
    gate = new ConsentGate(document, { scriptSources, warn: (message) => warnings.push(message), scriptTimeoutMs: 3000 });
  });

  afterEach(() => {
    gate.stop();
    document.querySelectorAll('.gating-test').forEach((element) => element.remove());
  });

  describe('scripts', () => {
    it('runs an inline script only once its category is allowed, and only once', async () => {
      addMarkup('<script type="text/plain" data-consent="analytics">window.gateLog.push("inline")</script>');
      gate.start(none);
      await gate.settled();
      expect(window.gateLog).to.deep.equal([]);
      gate.update(analytics);
      await gate.settled();
      expect(window.gateLog).to.deep.equal(['inline']);
      gate.update(all);
      gate.update(analytics);
      await gate.settled();
      expect(window.gateLog).to.deep.equal(['inline']);
    });

    it('waits for every category a script lists', async () => {
      addMarkup('<script type="text/plain" data-consent="analytics  marketing">window.gateLog.push("both")</script>');
      gate.start(analytics);
      await gate.settled();
      expect(window.gateLog).to.deep.equal([]);
      gate.update(all);
      await gate.settled();
      expect(window.gateLog).to.deep.equal(['both']);
    });

    it('does not fetch an external script before consent, then runs it (src and data-src alike)', async () => {
      const viaSrc = fresh('gated/log.js');
      const viaDataSrc = fresh('gated/log.js');
      addMarkup(`
        <script type="text/plain" data-consent="analytics" src="${viaSrc}" data-name="src"></script>
        <script type="text/plain" data-consent="analytics" data-src="${viaDataSrc}" data-name="data-src"></script>`);
      gate.start(none);
      await idle();
      expect(requested(viaSrc)).to.equal(false);
      expect(requested(viaDataSrc)).to.equal(false);
      gate.update(analytics);
      await gate.settled();
      expect(window.gateLog).to.deep.equal(['src', 'data-src']);
      expect(requested(viaSrc)).to.equal(true);
    });

    it('keeps document order across slow external and inline scripts', async () => {
      addMarkup(`
        <script type="text/plain" data-consent="analytics" data-src="${fresh('gated/log.js', '&delay=400')}" data-name="first (slow)"></script>
        <script type="text/plain" data-consent="analytics">window.gateLog.push("second (inline)")</script>
        <script type="text/plain" data-consent="analytics" data-src="${fresh('gated/log.js')}" data-name="third"></script>`);
      gate.start(analytics);
      await gate.settled();
      expect(window.gateLog).to.deep.equal(['first (slow)', 'second (inline)', 'third']);
    });

    it('does not hold later scripts for a script marked async', async () => {
      addMarkup(`
        <script type="text/plain" async data-consent="analytics" data-src="${fresh('gated/log.js', '&delay=400')}" data-name="async"></script>
        <script type="text/plain" data-consent="analytics">window.gateLog.push("inline")</script>`);
      gate.start(analytics);
      await gate.settled();
      expect(window.gateLog).to.deep.equal(['inline']);
      await waitFor(() => window.gateLog?.length === 2, 3000, 'the async script');
      expect(window.gateLog).to.deep.equal(['inline', 'async']);
    });

    it('moves on after a script that hangs, once the timeout passes', async () => {
      const patient = new ConsentGate(document, { scriptSources, scriptTimeoutMs: 150 });
      addMarkup(`
        <script type="text/plain" data-consent="analytics" data-src="${fresh('gated/log.js', '&delay=1000')}" data-name="hanging"></script>
        <script type="text/plain" data-consent="analytics">window.gateLog.push("after")</script>`);
      patient.start(analytics);
      await patient.settled();
      patient.stop();
      expect(window.gateLog).to.deep.equal(['after']);
      // The browser still runs the slow script when it arrives; wait for it here, so that it does
      // not land in a later test's log (it did, in WebKit).
      await waitFor(() => window.gateLog?.length === 2, 5000, 'the hanging script');
      expect(window.gateLog).to.deep.equal(['after', 'hanging']);
    });

    it('goes on after a script that fails to load', async () => {
      addMarkup(`
        <script type="text/plain" data-consent="analytics" data-src="${fresh('gated/log.js', '&fail')}"></script>
        <script type="text/plain" data-consent="analytics">window.gateLog.push("after")</script>`);
      gate.start(analytics);
      await gate.settled();
      expect(window.gateLog).to.deep.equal(['after']);
    });

    it('carries attributes and the nonce over to the live script, in the same place', async () => {
      const container = addMarkup(`
        <span id="before"></span>
        <script type="text/plain" data-consent="analytics" id="tag" class="vendor" data-name="carried" nonce="abc123">window.gateLog.push(document.currentScript.id)</script>
        <span id="after"></span>`);
      gate.start(analytics);
      await gate.settled();
      const live = container.querySelector<HTMLScriptElement>('#tag');
      expect(window.gateLog).to.deep.equal(['tag']);
      expect(live?.type).to.equal('');
      expect(live?.className).to.equal('vendor');
      expect(live?.dataset.name).to.equal('carried');
      expect(live?.nonce).to.equal('abc123');
      expect(live?.hasAttribute('data-consent')).to.equal(false);
      expect(live?.getAttribute('data-consent-ran')).to.equal('analytics');
      expect(live?.previousElementSibling?.id).to.equal('before');
      expect(live?.nextElementSibling?.id).to.equal('after');
    });

    it('on a page that uses nonces, runs only gated scripts that carry the page nonce', async () => {
      const nonced = new ConsentGate(document, { nonce: () => 'page-nonce', warn: (message) => warnings.push(message) });
      const container = addMarkup(`
        <script type="text/plain" data-consent="analytics" nonce="page-nonce">window.gateLog.push("with nonce")</script>
        <script type="text/plain" data-consent="analytics" id="injected">window.gateLog.push("without nonce")</script>
        <script type="text/plain" data-consent="analytics" nonce="guessed">window.gateLog.push("wrong nonce")</script>`);
      nonced.start(analytics);
      await nonced.settled();
      nonced.stop();
      expect(window.gateLog).to.deep.equal(['with nonce']);
      expect(container.querySelector('#injected')?.getAttribute('type'), 'left inert').to.equal('text/plain');
      expect(container.querySelector<HTMLScriptElement>('script:not([type])')?.nonce).to.equal('page-nonce');
      expect(warnings).to.deep.equal([
        { code: 'gate-needs-nonce', element: '<script data-consent="analytics">' },
        { code: 'gate-needs-nonce', element: '<script data-consent="analytics">' },
      ]);
    });

    it('runs data-type="module" scripts as modules', async () => {
      addMarkup(`<script type="text/plain" data-type="module" data-consent="analytics" data-src="${fresh('gated/module.js')}"></script>`);
      gate.start(analytics);
      await gate.settled();
      expect(window.gateLog).to.deep.equal(['module:string']);
    });

    it('gates scripts added to the page later, before and after consent', async () => {
      gate.start(none);
      addMarkup('<script type="text/plain" data-consent="analytics">window.gateLog.push("added while denied")</script>');
      await idle();
      await gate.settled();
      expect(window.gateLog).to.deep.equal([]);
      gate.update(analytics);
      await gate.settled();
      const late = document.createElement('script');
      late.type = 'text/plain';
      late.dataset.consent = 'analytics';
      late.text = 'window.gateLog.push("added after consent")';
      const wrapper = addMarkup('');
      wrapper.append(late);
      await waitFor(() => window.gateLog?.length === 2, 2000, 'the late script');
      expect(window.gateLog).to.deep.equal(['added while denied', 'added after consent']);
    });

    it('skips a script that was removed, or whose consent was withdrawn, before its turn', async () => {
      const container = addMarkup(`
        <script type="text/plain" data-consent="analytics" data-src="${fresh('gated/log.js', '&delay=300')}" data-name="slow"></script>
        <script type="text/plain" data-consent="analytics" id="removed">window.gateLog.push("removed")</script>
        <script type="text/plain" data-consent="marketing">window.gateLog.push("withdrawn")</script>`);
      gate.start(all);
      container.querySelector('#removed')?.remove();
      gate.update(analytics);
      await gate.settled();
      expect(window.gateLog).to.deep.equal(['slow']);
      gate.update(all);
      await gate.settled();
      expect(window.gateLog).to.deep.equal(['slow', 'withdrawn']);
    });

    it('knows which categories have run code that cannot be unloaded', async () => {
      addMarkup('<script type="text/plain" data-consent="analytics">window.gateLog.push("a")</script>');
      gate.start(none);
      await gate.settled();
      expect(gate.hasRun('analytics')).to.equal(false);
      gate.update(analytics);
      await gate.settled();
      expect(gate.hasRun('analytics')).to.equal(true);
      expect(gate.hasRun('marketing')).to.equal(false);
    });

    it('never runs what names an unknown category, and says so once', async () => {
      addMarkup(`
        <script type="text/plain" data-consent="analytic">window.gateLog.push("typo")</script>
        <script type="text/plain" data-consent="analytic">window.gateLog.push("typo again")</script>`);
      gate.start(all);
      gate.update(all);
      await gate.settled();
      expect(window.gateLog).to.deep.equal([]);
      expect(warnings).to.deep.equal([{ code: 'gate-unknown-category', category: 'analytic' }]);
    });

    it('warns about a script with data-consent that is not inert', async () => {
      addMarkup('<script data-consent="analytics" src="data:text/javascript,"></script>');
      gate.start(none);
      await gate.settled();
      expect(warnings).to.deep.equal([{ code: 'gate-not-inert', element: '<script data-consent="analytics">' }]);
    });
  });

  describe('media', () => {
    it('loads iframes and images only once allowed', async () => {
      const frameUrl = fresh('frame.html');
      const imageUrl = fresh('pixel.svg');
      const container = addMarkup(`
        <iframe data-consent="marketing" data-src="${frameUrl}" title="video"></iframe>
        <img data-consent="marketing" data-src="${imageUrl}" alt="">`);
      gate.start(analytics);
      await idle();
      expect(requested(frameUrl)).to.equal(false);
      expect(requested(imageUrl)).to.equal(false);
      expect(container.querySelector('iframe')?.hasAttribute('src')).to.equal(false);
      gate.update(all);
      const image = container.querySelector('img')!;
      const frame = container.querySelector('iframe')!;
      expect(frame.getAttribute('src')).to.equal(frameUrl);
      expect(image.getAttribute('src')).to.equal(imageUrl);
      await waitFor(() => image.complete && image.naturalWidth === 2, 2000, 'the image');
      await waitFor(() => frame.contentDocument?.title === 'embedded', 2000, 'the frame');
    });

    it('unloads an iframe when consent is withdrawn and loads it again when given back', async () => {
      const frameUrl = fresh('frame.html');
      const container = addMarkup(`<iframe data-consent="marketing" data-src="${frameUrl}" title="map"></iframe>`);
      const frame = container.querySelector('iframe')!;
      gate.start(all);
      await waitFor(() => frame.contentDocument?.title === 'embedded', 2000, 'the frame');
      gate.update(analytics);
      await waitFor(() => frame.contentDocument?.URL === 'about:blank', 2000, 'the frame to unload');
      expect(frame.getAttribute('data-src')).to.equal(frameUrl);
      gate.update(all);
      await waitFor(() => frame.contentDocument?.title === 'embedded', 2000, 'the frame again');
    });

    it('handles srcset, poster and <source> children', async () => {
      const posterUrl = fresh('pixel.svg');
      const sourceUrl = fresh('pixel.svg');
      const container = addMarkup(`
        <img data-consent="analytics" data-srcset="${fresh('pixel.svg')} 1x" alt="">
        <video data-consent="analytics" data-poster="${posterUrl}"><source data-consent="analytics" data-src="${sourceUrl}" type="video/mp4"></video>`);
      gate.start(none);
      await idle();
      expect(requested(posterUrl)).to.equal(false);
      expect(requested(sourceUrl)).to.equal(false);
      gate.update(analytics);
      expect(container.querySelector('img')?.getAttribute('srcset')).to.match(/pixel\.svg\?n=.* 1x$/);
      expect(container.querySelector('video')?.getAttribute('poster')).to.equal(posterUrl);
      expect(container.querySelector('source')?.getAttribute('src')).to.equal(sourceUrl);
      gate.update(none);
      expect(container.querySelector('video')?.hasAttribute('poster')).to.equal(false);
      expect(container.querySelector('source')?.hasAttribute('src')).to.equal(false);
    });

    it('gates media added to the page later', async () => {
      gate.start(all);
      const imageUrl = fresh('pixel.svg');
      const container = addMarkup(`<img data-consent="marketing" data-src="${imageUrl}" alt="">`);
      await waitFor(() => container.querySelector('img')?.getAttribute('src') === imageUrl, 2000, 'the late image');
    });

    // The media element selects its resource itself: currentSrc shows it picked the gated URL up,
    // in every engine, whether or not the engine lists media fetches in resource timing.
    for (const tag of ['audio', 'video'] as const) {
      it(`loads <${tag} data-src> only once allowed, and unloads it when withdrawn`, async () => {
        const mediaUrl = fresh('pixel.svg');
        const container = addMarkup(`<${tag} data-consent="marketing" data-src="${mediaUrl}" preload="auto"></${tag}>`);
        const media = container.querySelector(tag)!;
        gate.start(analytics);
        await idle();
        expect(media.hasAttribute('src')).to.equal(false);
        expect(media.currentSrc).to.equal('');
        expect(requested(mediaUrl)).to.equal(false);
        gate.update(all);
        expect(media.getAttribute('src')).to.equal(mediaUrl);
        await waitFor(() => media.currentSrc === absolute(mediaUrl), 2000, `the ${tag} to select its source`);
        gate.update(analytics);
        expect(media.hasAttribute('src')).to.equal(false);
        expect(media.getAttribute('data-src'), 'kept, to load again').to.equal(mediaUrl);
        await waitFor(() => media.networkState === HTMLMediaElement.NETWORK_EMPTY, 2000, `the ${tag} to unload`);
      });
    }

    for (const [tag, article, markup] of [
      ['iframe', 'an', (url: string) => `<iframe data-consent="marketing" data-src="${url}" title="late"></iframe>`],
      ['video', 'a', (url: string) => `<video data-consent="marketing" data-src="${url}" preload="auto"></video>`],
      ['audio', 'an', (url: string) => `<audio data-consent="marketing" data-src="${url}" preload="auto"></audio>`],
    ] as const) {
      it(`loads ${article} <${tag}> added to the page after consent, without another update`, async () => {
        gate.start(all);
        const url = fresh(tag === 'iframe' ? 'frame.html' : 'pixel.svg');
        const container = addMarkup(markup(url));
        await waitFor(() => container.querySelector(tag)?.getAttribute('src') === url, 2000, `the late ${tag}`);
      });

      it(`keeps ${article} <${tag}> added to the page while denied unloaded until consent`, async () => {
        gate.start(analytics);
        const url = fresh(tag === 'iframe' ? 'frame.html' : 'pixel.svg');
        const container = addMarkup(markup(url));
        await idle();
        expect(container.querySelector(tag)?.hasAttribute('src')).to.equal(false);
        expect(requested(url)).to.equal(false);
        gate.update(all);
        expect(container.querySelector(tag)?.getAttribute('src')).to.equal(url);
      });
    }

    it('loads an iframe added to the page later once consent comes, and reports it blocked until then', async () => {
      const seen: [HTMLIFrameElement, boolean][] = [];
      const framed = new ConsentGate(document, { onFrame: (frame, allowed) => seen.push([frame, allowed]) });
      framed.start(analytics);
      const frameUrl = fresh('frame.html');
      const container = addMarkup(`<iframe data-consent="marketing" data-src="${frameUrl}" title="late map"></iframe>`);
      const frame = container.querySelector('iframe')!;
      await waitFor(() => seen.length > 0, 2000, 'the late frame to be reported');
      expect(seen.every(([reported, allowed]) => reported === frame && !allowed)).to.equal(true);
      framed.update(all);
      framed.stop();
      expect(seen.at(-1)).to.deep.equal([frame, true]);
      await waitFor(() => frame.contentDocument?.title === 'embedded', 2000, 'the late frame');
    });

    it('loads media that lists several categories only while every one of them is allowed', async () => {
      const videoUrl = fresh('pixel.svg');
      const frameUrl = fresh('frame.html');
      const container = addMarkup(`
        <video data-consent="analytics  marketing" data-src="${videoUrl}" preload="auto"></video>
        <iframe data-consent=" marketing\tanalytics " data-src="${frameUrl}" title="both"></iframe>`);
      const video = container.querySelector('video')!;
      const frame = container.querySelector('iframe')!;
      const marketingOnly = { necessary: true, analytics: false, marketing: true };
      gate.start(analytics);
      gate.update(marketingOnly);
      await idle();
      expect(video.hasAttribute('src')).to.equal(false);
      expect(frame.hasAttribute('src')).to.equal(false);
      expect(requested(videoUrl)).to.equal(false);
      expect(requested(frameUrl)).to.equal(false);
      gate.update(all);
      expect(video.getAttribute('src')).to.equal(videoUrl);
      expect(frame.getAttribute('src')).to.equal(frameUrl);
      gate.update(marketingOnly);
      expect(video.hasAttribute('src')).to.equal(false);
      await waitFor(() => frame.contentDocument?.URL === 'about:blank', 2000, 'the frame to unload');
      expect(warnings).to.deep.equal([]);
    });

    it('warns about gated media that has a plain src', () => {
      addMarkup(`<img data-consent="marketing" src="${fresh('pixel.svg')}" alt="">`);
      gate.start(none);
      expect(warnings).to.deep.equal([{ code: 'gate-plain-src', element: '<img data-consent="marketing">', attribute: 'src' }]);
    });
  });

  it('reads space-separated category lists', () => {
    const element = document.createElement('div');
    element.setAttribute('data-consent', '  analytics\tmarketing  ');
    expect(gatedCategories(element)).to.deep.equal(['analytics', 'marketing']);
    element.setAttribute('data-consent', '');
    expect(gatedCategories(element)).to.deep.equal([]);
  });
});
