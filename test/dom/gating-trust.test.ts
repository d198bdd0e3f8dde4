// What markup alone can make the gate do (SECURITY.md, guarantee 5), what it warns about
// (markup that loads before consent), and gated markup inside shadow roots.
import { expect } from '@open-wc/testing';
import type { Diagnostic } from '../../src/diagnostics/report.js';
import { isListedSource } from '../../src/dom/gated-script.js';
import { pageAddress } from '../../src/dom/script-url.js';
import { ConsentGate } from '../../src/dom/gating.js';
import { pageNonce, rememberBundleUrl } from '../../src/dom/page.js';
import { ScriptRefusedError, trustedScript, trustedScriptURL } from '../../src/dom/trusted-types.js';
import { waitFor } from '../helpers/page-state.js';
import '../helpers/gate-log.js';

let unique = 0;
/** A same-origin script that logs its data-name, at a URL no earlier test requested. */
const logScript = (query = ''): string => `/test/fixtures/gated/log.js?trust=${++unique}-${Date.now()}${query}`;

function addMarkup(markup: string): HTMLElement {
  const container = document.createElement('div');
  container.className = 'trust-test';
  // Test-only markup from this file; scripts created by innerHTML never run on their own.
  container.innerHTML = markup;
  document.body.append(container);
  return container;
}

function idle(ms = 100): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
}

const allowed = { necessary: true, analytics: true, marketing: true };
const denied = { necessary: true, analytics: false, marketing: false };
const INLINE = 'window.gateLog.push("inline")';
/** Script URLs that must never run, whatever vouches for them: the URL parser sees through the disguises. */
const NEVER = ['data:text/javascript,window.gateLog.push("data")', 'javascript:window.gateLog.push("javascript")', ' \u0001java\tscript:window.gateLog.push("disguised")', 'about:blank'];

describe('what the gate runs: the site vouches, markup does not', () => {
  let warnings: Diagnostic[];
  const gates: ConsentGate[] = [];

  function gate(options: ConstructorParameters<typeof ConsentGate>[1] = {}): ConsentGate {
    const created = new ConsentGate(document, { warn: (warning) => warnings.push(warning), scriptTimeoutMs: 3000, ...options });
    gates.push(created);
    return created;
  }

  beforeEach(() => {
    window.gateLog = [];
    warnings = [];
  });

  afterEach(() => {
    gates.splice(0).forEach((created) => created.stop());
    document.querySelectorAll('.trust-test').forEach((element) => element.remove());
  });

  it('by default runs same-origin scripts only, and refuses other origins with one warning each', async () => {
    const container = addMarkup(`
      <script type="text/plain" data-consent="necessary" data-src="https://attacker.example/evil.js" data-name="evil"></script>
      <script type="text/plain" data-consent="necessary" src="//attacker.example/evil.js?src" data-name="evil src"></script>
      <script type="text/plain" data-consent="necessary" data-type="module" data-src="https://attacker.example/evil.mjs"></script>
      <script type="text/plain" data-consent="necessary" data-src="${logScript()}" data-name="own"></script>`);
    const defaults = gate();
    defaults.start(allowed);
    await defaults.settled();
    expect(window.gateLog).to.deep.equal(['own']);
    expect(container.querySelectorAll('script[type="text/plain"]').length, 'left inert').to.equal(3);
    expect(document.querySelector('script[src*="attacker.example"]:not([type])')).to.equal(null);
    expect(warnings.map((warning) => warning.code)).to.deep.equal(['gate-script-source', 'gate-script-source', 'gate-script-source']);
    expect(warnings[0]).to.deep.include({ url: 'https://attacker.example/evil.js' });
  });

  it('judges markup added after it started the same way', async () => {
    const defaults = gate();
    defaults.start(allowed);
    const container = addMarkup(`
      <script type="text/plain" data-consent="necessary" data-src="https://attacker.example/late.js"></script>
      <script type="text/plain" data-consent="necessary">window.gateLog.push("late inline")</script>
      <script type="text/plain" data-consent="necessary" data-src="${logScript()}" data-name="late own"></script>`);
    await waitFor(() => window.gateLog!.length === 1, 2000, 'the late same-origin script');
    await defaults.settled();
    expect(window.gateLog).to.deep.equal(['late own']);
    expect(container.querySelectorAll('script[type="text/plain"]').length).to.equal(2);
    expect(warnings.map((warning) => warning.code)).to.deep.equal(['gate-script-source', 'gate-inline']);
  });

  it('gates nothing once stopped, as when its element left the page', async () => {
    addMarkup(`<script type="text/plain" data-consent="analytics" data-src="${logScript()}" data-name="after stop"></script>`);
    const stopped = gate();
    stopped.start(denied);
    stopped.stop();
    stopped.update(allowed);
    await stopped.settled();
    await idle();
    expect(window.gateLog).to.deep.equal([]);
  });

  it('runs an external script from a source the site lists, and nothing else, once it lists any', async () => {
    const listed = logScript();
    addMarkup(`
      <script type="text/plain" data-consent="necessary" data-src="${listed}&v=2" data-name="listed, another query"></script>
      <script type="text/plain" data-consent="necessary" data-src="/test/fixtures/gated/module.js" data-type="module"></script>`);
    const strict = gate({ scriptSources: () => [listed.split('?')[0]!, 'https://cdn.example/'] });
    strict.start(allowed);
    await strict.settled();
    expect(window.gateLog).to.deep.equal(['listed, another query']);
    expect(warnings.map((warning) => warning.code)).to.deep.equal(['gate-script-source']);
  });

  it("reads 'self' and relative sources as the page's own, whatever <base> injected markup sets", async () => {
    // SECURITY.md, guarantee 5: with the base URL, <base href="https://attacker.example/"> made
    // 'self' the attacker's origin, and a relative data-src one of its scripts.
    const base = document.createElement('base');
    base.href = 'https://attacker.example/';
    document.body.prepend(base);
    try {
      expect(document.baseURI, 'the injected base applies').to.equal('https://attacker.example/');
      expect(pageAddress(document)).to.equal(document.URL);
      const injected = addMarkup(`
        <script type="text/plain" data-consent="necessary" data-src="evil.js" data-name="relative"></script>
        <script type="text/plain" data-consent="necessary" data-src="/js/evil.js" data-name="rooted"></script>`);
      for (const sources of [undefined, ["'self'"], ['/js/']]) {
        warnings = [];
        const judged = gate(sources ? { scriptSources: () => sources } : {});
        judged.start(allowed);
        await judged.settled();
        judged.stop();
        expect(warnings.map((warning) => warning.code), String(sources)).to.deep.equal(['gate-script-source', 'gate-script-source']);
        expect(warnings.map((warning) => warning.code === 'gate-script-source' && warning.url)).to.deep.equal(['evil.js', '/js/evil.js']);
      }
      expect(document.querySelector('script[src*="attacker.example"]')).to.equal(null);
      injected.remove();
    } finally {
      base.remove();
    }
    // A base of the page's own origin moves nothing off it.
    const own = document.createElement('base');
    own.href = new URL('/test/fixtures/gated/', location.href).href;
    document.body.prepend(own);
    try {
      addMarkup(`<script type="text/plain" data-consent="necessary" data-src="log.js?trust=${++unique}-${Date.now()}" data-name="own base"></script>`);
      const defaults = gate();
      defaults.start(allowed);
      await defaults.settled();
    } finally {
      own.remove();
    }
    expect(window.gateLog).to.deep.equal(['own base']);
  });

  it('reads listed sources like CSP source expressions', () => {
    const base = 'https://www.example.com/page.html';
    const url = (value: string): URL => new URL(value, base);
    expect(isListedSource(url('https://cdn.example.com/a/b.js?x'), ['https://cdn.example.com'], base)).to.equal(true);
    expect(isListedSource(url('https://cdn.example.com/a/b.js'), ['https://cdn.example.com/a/'], base)).to.equal(true);
    expect(isListedSource(url('https://cdn.example.com/ab.js'), ['https://cdn.example.com/a/'], base)).to.equal(false);
    expect(isListedSource(url('https://cdn.example.com/a/../evil.js'), ['https://cdn.example.com/a/'], base)).to.equal(false);
    expect(isListedSource(url('https://cdn.example.com/a/b.js'), ['https://cdn.example.com/a/b.js'], base)).to.equal(true);
    expect(isListedSource(url('https://cdn.example.com/a/b.jsx'), ['https://cdn.example.com/a/b.js'], base)).to.equal(false);
    expect(isListedSource(url('http://cdn.example.com/a.js'), ['https://cdn.example.com'], base)).to.equal(false);
    expect(isListedSource(url('https://evil.cdn.example.com/a.js'), ['https://cdn.example.com'], base)).to.equal(false);
    expect(isListedSource(url('/js/a.js'), ["'self'"], base)).to.equal(true);
    expect(isListedSource(url('/js/a.js'), ['/js/'], base)).to.equal(true);
    expect(isListedSource(url("/'none'"), ["'none'", "'unsafe-inline'"], base), 'keywords name no path').to.equal(false);
    expect(isListedSource(url('data:text/javascript,1'), ['data:'], base)).to.equal(false);
    expect(isListedSource(new URL('evil.js', 'https://attacker.example/'), ["'self'"], base), 'resolved against an injected base').to.equal(false);
    expect(isListedSource(new URL('/js/evil.js', 'https://attacker.example/'), ['/js/'], base)).to.equal(false);
    expect(isListedSource(url('/js/a.js'), ["'self'", '/js/'], 'about:blank'), 'a page with no address of its own').to.equal(false);
  });

  it('refuses an inline script the site has not vouched for, naming the hash that would vouch for it', async () => {
    addMarkup(`<script type="text/plain" data-consent="necessary">${INLINE}</script>`);
    const defaults = gate();
    defaults.start(allowed);
    await defaults.settled();
    expect(window.gateLog).to.deep.equal([]);
    expect(warnings).to.deep.equal([{ code: 'gate-inline', element: '<script data-consent="necessary">', hash: await sha256(INLINE) }]);
  });

  it("runs an inline script whose hash the site lists, or any with 'unsafe-inline' on a page without a nonce", async () => {
    const hash = await sha256(INLINE);
    addMarkup(`
      <script type="text/plain" data-consent="necessary">${INLINE}</script>
      <script type="text/plain" data-consent="necessary">window.gateLog.push("other text")</script>`);
    const hashed = gate({ scriptSources: () => ["'self'", hash] });
    hashed.start(allowed);
    await hashed.settled();
    expect(window.gateLog).to.deep.equal(['inline']);
    hashed.stop();
    addMarkup(`<script type="text/plain" data-consent="necessary">window.gateLog.push("unsafe-inline")</script>`);
    const open = gate({ scriptSources: () => ["'unsafe-inline'"] });
    open.start(allowed);
    await open.settled();
    expect(window.gateLog).to.deep.equal(['inline', 'other text', 'unsafe-inline']);
  });

  it("needs the nonce on a page that has one: 'unsafe-inline' and the default 'self' no longer vouch", async () => {
    const container = addMarkup(`
      <script type="text/plain" data-consent="necessary" nonce="site">window.gateLog.push("with the nonce")</script>
      <script type="text/plain" data-consent="necessary">window.gateLog.push("inline without")</script>
      <script type="text/plain" data-consent="necessary" data-src="${logScript()}" data-name="external without"></script>
      <script type="text/plain" data-consent="necessary" nonce="site" data-src="${logScript()}" data-name="external with"></script>`);
    const nonced = gate({ nonce: () => 'site', scriptSources: () => ["'unsafe-inline'"] });
    nonced.start(allowed);
    await nonced.settled();
    expect(window.gateLog).to.deep.equal(['with the nonce', 'external with']);
    expect(warnings.map((warning) => warning.code)).to.deep.equal(['gate-needs-nonce', 'gate-needs-nonce']);
    expect(container.querySelector<HTMLScriptElement>('script[data-consent-ran]')?.nonce).to.equal('site');
  });

  it('never runs a data:, javascript: or other non-http(s) script URL, even with the nonce and listed', async () => {
    const blob = URL.createObjectURL(new Blob(['window.gateLog.push("blob")'], { type: 'text/javascript' }));
    const container = addMarkup([...NEVER, blob].map((_url, index) => `<script type="text/plain" data-consent="necessary" nonce="site" data-n="${index}"></script>`).join(''));
    [...NEVER, blob].forEach((url, index) => container.querySelector(`[data-n="${index}"]`)!.setAttribute(index % 2 ? 'src' : 'data-src', url));
    const vouching = gate({ nonce: () => 'site', scriptSources: () => ['data:', 'blob:', 'javascript:', "'unsafe-inline'"] });
    vouching.start(allowed);
    await vouching.settled();
    await idle();
    URL.revokeObjectURL(blob);
    expect(window.gateLog).to.deep.equal([]);
    expect(warnings.map((warning) => warning.code)).to.deep.equal(NEVER.map(() => 'gate-script-url').concat('gate-script-url'));
  });

  it('runs what it judged: a URL changed to data: after the script was queued is refused at its turn', async () => {
    const container = addMarkup(`
      <script type="text/plain" data-consent="necessary" data-src="${logScript('&delay=300')}" data-name="slow"></script>
      <script type="text/plain" data-consent="necessary" data-src="${logScript()}" data-name="changed" id="changed"></script>`);
    const defaults = gate();
    defaults.start(allowed);
    container.querySelector('#changed')!.setAttribute('data-src', 'data:text/javascript,window.gateLog.push("swapped")');
    await defaults.settled();
    expect(window.gateLog).to.deep.equal(['slow']);
    expect(warnings.map((warning) => warning.code)).to.deep.equal(['gate-script-url']);
  });

  it('refuses a data-type that is not JavaScript', async () => {
    addMarkup(`<script type="text/plain" data-consent="necessary" data-type="importmap">{"imports":{}}</script>`);
    const open = gate({ scriptSources: () => ["'unsafe-inline'"] });
    open.start(allowed);
    await open.settled();
    expect(document.querySelector('script[type="importmap"]')).to.equal(null);
    expect(warnings.map((warning) => warning.code)).to.deep.equal(['gate-script-type']);
  });

  it('never loads an iframe whose data-src is not http(s)', async () => {
    const container = addMarkup(`
      <iframe title="a" data-consent="necessary" data-src="javascript:parent.gateLog.push('frame')"></iframe>
      <iframe title="b" data-consent="necessary" data-src="data:text/html,<script>parent.gateLog.push('data frame')</script>"></iframe>`);
    const defaults = gate();
    defaults.start(allowed);
    await idle();
    expect([...container.querySelectorAll('iframe')].map((frame) => frame.getAttribute('src'))).to.deep.equal([null, null]);
    expect(window.gateLog).to.deep.equal([]);
    expect(warnings.map((warning) => warning.code)).to.deep.equal(['gate-frame-url', 'gate-frame-url']);
  });
});

describe("the component's Trusted Types policy", () => {
  it('blesses only http(s) script URLs its caller admits, and script text its caller vouches for', () => {
    expect(() => trustedScriptURL('data:text/javascript,1')).to.throw(ScriptRefusedError);
    expect(() => trustedScriptURL('blob:https://example.com/x')).to.throw(ScriptRefusedError);
    expect(() => trustedScriptURL('https://example.com/a.js', () => false)).to.throw(ScriptRefusedError);
    expect(() => trustedScript('1', () => false)).to.throw(ScriptRefusedError);
    const url = trustedScriptURL('https://example.com/a.js', (parsed) => parsed.hostname === 'example.com');
    expect(String(url)).to.equal('https://example.com/a.js');
    expect(String(trustedScript('1', () => true))).to.equal('1');
    // Where the browser has Trusted Types, the values come from the policy itself.
    const factory = (window as { trustedTypes?: { isScriptURL(value: unknown): boolean } }).trustedTypes;
    if (factory) expect(factory.isScriptURL(url)).to.equal(true);
  });
});

describe('the nonce that vouches for gated scripts', () => {
  afterEach(() => document.querySelectorAll('.trust-test').forEach((element) => element.remove()));

  it("is never the nonce of whatever script comes first, only the element's or the bundle's own script's", () => {
    const bundle = new URL(`/test/fixtures/gated/log.js?bundle-stand-in`, location.href).href;
    rememberBundleUrl(bundle);
    const element = document.createElement('div');
    element.className = 'trust-test';
    document.body.prepend(element);
    addMarkup('<script type="text/plain" nonce="made-up" data-consent="necessary" data-src="/x.js"></script>');
    expect(pageNonce(element), 'the first script with a nonce is not asked').to.equal(undefined);
    // The script that loaded the bundle (a stand-in, inert here) is asked, while it is the only one with the bundle's URL.
    const loader = document.createElement('script');
    loader.type = 'text/plain';
    loader.nonce = 'site';
    loader.src = bundle;
    loader.className = 'trust-test';
    document.head.append(loader);
    expect(pageNonce(element)).to.equal('site');
    addMarkup(`<script type="text/plain" nonce="made-up" src="${bundle}"></script>`);
    expect(pageNonce(element), 'an injected copy makes it ambiguous').to.equal(undefined);
    element.nonce = 'given';
    expect(pageNonce(element), "the element's own comes first").to.equal('given');
    loader.remove();
  });
});

describe('markup that loads before consent', () => {
  let warnings: Diagnostic[];
  let gate: ConsentGate;

  beforeEach(() => {
    warnings = [];
    gate = new ConsentGate(document, { warn: (warning) => warnings.push(warning) });
  });

  afterEach(() => {
    gate.stop();
    document.querySelectorAll('.trust-test').forEach((element) => element.remove());
  });

  for (const [markup, expected] of [
    ['<img data-consent="marketing" srcset="/test/fixtures/pixel.svg?plain-srcset 1x" alt="">', { code: 'gate-plain-src', element: '<img data-consent="marketing">', attribute: 'srcset' }],
    ['<img data-consent="marketing" data-src="/test/fixtures/pixel.svg?gated" srcset="/test/fixtures/pixel.svg?also-plain 1x" alt="">', { code: 'gate-plain-src', element: '<img data-consent="marketing">', attribute: 'srcset' }],
    ['<video data-consent="marketing" poster="/test/fixtures/pixel.svg?poster"></video>', { code: 'gate-plain-src', element: '<video data-consent="marketing">', attribute: 'poster' }],
    ['<picture><source data-consent="marketing" srcset="/test/fixtures/pixel.svg?source"><img alt=""></picture>', { code: 'gate-plain-src', element: '<source data-consent="marketing">', attribute: 'srcset' }],
    ['<iframe title="t" data-consent="marketing" srcdoc="<p>hi</p>"></iframe>', { code: 'gate-plain-src', element: '<iframe data-consent="marketing">', attribute: 'srcdoc' }],
    ['<link data-consent="marketing" rel="preload" as="image" href="/test/fixtures/pixel.svg?preload">', { code: 'gate-plain-src', element: '<link data-consent="marketing">', attribute: 'href' }],
    ['<link data-consent="marketing" rel="prefetch" href="/test/fixtures/pixel.svg?prefetch">', { code: 'gate-plain-src', element: '<link data-consent="marketing">', attribute: 'href' }],
    ['<link data-consent="marketing" rel="stylesheet" href="/test/fixtures/gated/style.css?plain">', { code: 'gate-plain-src', element: '<link data-consent="marketing">', attribute: 'href' }],
    ['<object data-consent="marketing" data="/test/fixtures/pixel.svg?object"></object>', { code: 'gate-loads-ungated', element: '<object data-consent="marketing">' }],
    ['<embed data-consent="marketing" src="/test/fixtures/pixel.svg?embed">', { code: 'gate-loads-ungated', element: '<embed data-consent="marketing">' }],
    ['<input type="image" alt="go" data-consent="marketing" src="/test/fixtures/pixel.svg?input">', { code: 'gate-loads-ungated', element: '<input data-consent="marketing">' }],
    ['<picture data-consent="marketing"><img alt=""></picture>', { code: 'gate-unsupported', element: '<picture data-consent="marketing">' }],
  ] as const) {
    it(`warns once about ${markup.slice(0, markup.indexOf('>') + 1)}`, async () => {
      const container = addMarkup(markup);
      gate.start(denied);
      gate.update(allowed);
      expect(warnings).to.deep.equal([expected]);
      // Also when the same markup is added after the gate started.
      container.remove();
      warnings.length = 0;
      addMarkup(markup);
      await waitFor(() => warnings.length > 0, 2000, 'the warning for late markup');
      expect(warnings).to.deep.equal([expected]);
    });
  }

  it('gates a <link rel="stylesheet" data-href>: loaded once allowed, taken away when withdrawn', async () => {
    const container = addMarkup(`
      <link data-consent="marketing" rel="stylesheet" data-href="/test/fixtures/gated/style.css?gated=${Date.now()}">
      <span class="gated-style-probe" style="display: inline-block"></span>`);
    const link = container.querySelector('link')!;
    const probe = container.querySelector<HTMLElement>('.gated-style-probe')!;
    gate.start(denied);
    await idle();
    expect(link.hasAttribute('href')).to.equal(false);
    expect(getComputedStyle(probe).width).to.not.equal('7px');
    gate.update(allowed);
    await waitFor(() => getComputedStyle(probe).width === '7px', 2000, 'the stylesheet');
    gate.update(denied);
    expect(link.hasAttribute('href')).to.equal(false);
    await waitFor(() => getComputedStyle(probe).width !== '7px', 2000, 'the stylesheet to go');
    expect(warnings).to.deep.equal([]);
  });

  it('gates markup whose data-consent is set after it was added, and follows a category changed later', async () => {
    gate.start({ necessary: true, analytics: true, marketing: false });
    const container = addMarkup('<iframe title="late" data-src="/test/fixtures/frame.html?late-attribute"></iframe>');
    const frame = container.querySelector('iframe')!;
    frame.setAttribute('data-consent', 'analytics');
    await waitFor(() => frame.getAttribute('src') === '/test/fixtures/frame.html?late-attribute', 2000, 'the frame to load');
    frame.setAttribute('data-consent', 'marketing');
    await waitFor(() => frame.getAttribute('src') === 'about:blank', 2000, 'the frame to unload');
    expect(warnings).to.deep.equal([]);
  });
});

describe('gated markup in shadow roots', () => {
  let warnings: Diagnostic[];
  let gate: ConsentGate;
  // Inline: document.currentScript, which the external fixture logs by, is null inside shadow trees.
  const SCRIPT = (name: string): string => `<script type="text/plain" data-consent="analytics">window.gateLog.push(${JSON.stringify(name)})</script>`;

  function host(markup: string, mode: ShadowRootMode = 'open'): { element: HTMLElement; root: ShadowRoot } {
    const element = document.createElement('div');
    element.className = 'trust-test';
    const root = element.attachShadow({ mode });
    // Test-only markup from this file.
    root.innerHTML = markup;
    return { element, root };
  }

  beforeEach(() => {
    window.gateLog = [];
    warnings = [];
    gate = new ConsentGate(document, { scriptSources: () => ["'unsafe-inline'"], warn: (warning) => warnings.push(warning), scriptTimeoutMs: 3000 });
  });

  afterEach(() => {
    gate.stop();
    document.querySelectorAll('.trust-test').forEach((element) => element.remove());
  });

  it('gates scripts and iframes inside open shadow roots, also nested ones and ones added later', async () => {
    const outer = host(`${SCRIPT('outer')}<iframe title="in shadow" data-consent="marketing" data-src="/test/fixtures/frame.html?shadow"></iframe>`);
    const inner = host(SCRIPT('nested'));
    outer.root.append(inner.element);
    document.body.append(outer.element);
    gate.start(denied);
    await gate.settled();
    expect(window.gateLog).to.deep.equal([]);
    gate.update(allowed);
    await gate.settled();
    expect(window.gateLog).to.deep.equal(['outer', 'nested']);
    expect(outer.root.querySelector('iframe')?.getAttribute('src')).to.equal('/test/fixtures/frame.html?shadow');
    // Markup added to a known root later.
    outer.root.append(Object.assign(document.createElement('div'), { innerHTML: SCRIPT('added later') }).firstElementChild!);
    await waitFor(() => window.gateLog!.length === 3, 2000, 'the script added to the shadow root');
    expect(warnings).to.deep.equal([]);
  });

  it('gates the shadow root of a custom element defined after the gate started', async () => {
    const name = `late-widget-${Date.now()}`;
    const container = document.createElement('div');
    container.className = 'trust-test';
    container.append(document.createElement(name));
    document.body.append(container);
    gate.start(allowed);
    customElements.define(
      name,
      class extends HTMLElement {
        constructor() {
          super();
          // Test-only markup from this file.
          this.attachShadow({ mode: 'open' }).innerHTML = SCRIPT('defined later');
        }
      },
    );
    await waitFor(() => window.gateLog!.length === 1, 2000, 'the script in the late shadow root');
    expect(window.gateLog).to.deep.equal(['defined later']);
    expect(warnings).to.deep.equal([]);
  });

  it('gates a closed shadow root handed to observe(), and nothing in one it was not given', async () => {
    const given = host(SCRIPT('given'), 'closed');
    const hidden = host(SCRIPT('hidden'), 'closed');
    document.body.append(given.element, hidden.element);
    gate.observe(given.root);
    gate.start(allowed);
    await gate.settled();
    await idle();
    expect(window.gateLog).to.deep.equal(['given']);
  });

  it('warns when it finds gated markup in a shadow root attached after its host was scanned', async () => {
    const container = document.createElement('div');
    container.className = 'trust-test';
    const plain = document.createElement('section');
    container.append(plain);
    document.body.append(container);
    gate.start(denied);
    // Test-only markup from this file.
    plain.attachShadow({ mode: 'open' }).innerHTML = SCRIPT('attached late');
    gate.update(allowed);
    await gate.settled();
    expect(window.gateLog).to.deep.equal(['attached late']);
    expect(warnings).to.deep.equal([{ code: 'gate-shadow-late', element: '<section>' }]);
  });
});
