import { expect, fixtureCleanup } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import type { ConsentPlaceholderElement } from '../../src/ui/placeholder.js';
import { storedMethod, waitFor } from '../helpers/page-state.js';
import { isolateUiTests, mountManager, nextFrames } from '../helpers/ui.js';

const CONFIG = { categories: [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }] };

describe('embed placeholders', () => {
  isolateUiTests();
  let section: HTMLElement;

  beforeEach(() => {
    section = document.createElement('section');
    document.body.append(section);
  });

  afterEach(() => {
    section.remove();
  });

  function addFrame(attributes: Record<string, string>): HTMLIFrameElement {
    const frame = document.createElement('iframe');
    for (const [name, value] of Object.entries(attributes)) frame.setAttribute(name, value);
    section.append(frame);
    return frame;
  }

  async function placeholderOf(frame: HTMLIFrameElement): Promise<ConsentPlaceholderElement> {
    await waitFor(() => frame.parentElement?.localName === 'consent-placeholder', 3000, 'the placeholder');
    const placeholder = frame.parentElement as ConsentPlaceholderElement;
    await placeholder.updateComplete;
    return placeholder;
  }

  it('is not loaded on a page without gated iframes', async () => {
    const element = await mountManager(CONFIG);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(performance.getEntriesByType('resource').some((entry) => entry.name.includes('/src/ui/placeholder'))).to.equal(false);
    expect(element.decided).to.equal(false);
  });

  it('stands in for a blocked iframe, in its place and at its size, naming the provider and the category', async () => {
    const frame = addFrame({ 'data-consent': 'marketing', 'data-src': '/test/fixtures/frame.html', 'data-consent-provider': 'VideoCo', width: '480', height: '270', title: 'Video' });
    await nextFrames();
    const before = frame.getBoundingClientRect();
    await mountManager(CONFIG);
    const placeholder = await placeholderOf(frame);
    await nextFrames();
    const after = placeholder.getBoundingClientRect();
    expect([after.left, after.top, after.width, after.height]).to.deep.equal([before.left, before.top, before.width, before.height]);
    expect(placeholder.parentElement === section, 'in the frame\'s place').to.equal(true);
    const box = placeholder.shadowRoot!.querySelector('[part="placeholder"]')!;
    expect(box.textContent).to.contain('Content from VideoCo');
    expect(box.textContent).to.contain('“Marketing”');
    expect(frame.hasAttribute('src'), 'the frame has not loaded').to.equal(false);
    expect(frame.getClientRects(), 'the frame is not rendered').to.have.length(0);
  });

  it("follows the manager's theme, also when the page switches it", async () => {
    const frame = addFrame({ 'data-consent': 'marketing', 'data-src': '/test/fixtures/frame.html', title: 'Video' });
    const element = await mountManager(CONFIG, 'theme="dark"');
    const placeholder = await placeholderOf(frame);
    expect(placeholder.getAttribute('theme')).to.equal('dark');
    element.theme = 'light';
    await waitFor(() => placeholder.getAttribute('theme') === 'light', 2000, 'the light theme');
  });

  it("takes the size the page's CSS gives the frame, through its class", async () => {
    const style = new CSSStyleSheet();
    style.replaceSync('.video { display: block; width: 300px; height: 111px; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, style];
    const frame = addFrame({ 'data-consent': 'marketing', 'data-src': 'https://video.example/embed/1', class: 'video', title: 'Video' });
    await mountManager(CONFIG);
    const placeholder = await placeholderOf(frame);
    expect([placeholder.offsetWidth, placeholder.offsetHeight]).to.deep.equal([300, 111]);
    expect(placeholder.shadowRoot!.textContent, 'the provider defaults to the host').to.contain('Content from video.example');
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== style);
  });

  it('allows the category and loads the frame in its place from its button, by keyboard', async () => {
    const frame = addFrame({ 'data-consent': 'marketing', 'data-src': '/test/fixtures/frame.html', title: 'Video' });
    const element: ConsentManagerElement = await mountManager(CONFIG);
    const placeholder = await placeholderOf(frame);
    placeholder.shadowRoot!.querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(element.consent).to.deep.equal({ necessary: true, analytics: false, marketing: true });
    expect(storedMethod()).to.equal('placeholder');
    expect(frame.parentElement === section, 'the frame is back in place').to.equal(true);
    expect(frame.getAttribute('src')).to.equal('/test/fixtures/frame.html');
    expect(placeholder.isConnected).to.equal(false);
    expect(document.activeElement === frame, 'the focus moved to the frame').to.equal(true);
  });

  it('says what else its button allows: the providers of the category, from the config, the adapters and the page', async () => {
    const config = {
      categories: [
        { id: 'necessary', required: true },
        { id: 'analytics' },
        { id: 'marketing', cookies: [{ pattern: '^_gcl_', party: 'third', provider: 'Google Ads' }, { name: 'campaign', party: 'first' }] },
      ],
    };
    const frame = addFrame({ 'data-consent': 'marketing', 'data-src': 'https://video.example/embed/1', 'data-consent-provider': 'VideoCo', title: 'Video' });
    addFrame({ 'data-consent': 'marketing', 'data-src': 'https://video.example/embed/2', 'data-consent-provider': 'VideoCo', title: 'Another video' });
    addFrame({ 'data-consent': 'marketing', 'data-src': 'https://maps.example/embed', title: 'Map' });
    const gated = (attributes: Record<string, string>): void => {
      const script = document.createElement('script');
      script.type = 'text/plain';
      for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
      section.append(script);
    };
    gated({ 'data-consent': 'marketing', 'data-src': 'https://ads.example/tag.js' });
    gated({ 'data-consent': 'marketing', 'data-consent-provider': 'Chat Corp' });
    // Needs analytics too, which stays denied: allowing marketing alone does not load it.
    gated({ 'data-consent': 'marketing analytics', 'data-src': 'https://both.example/tag.js' });
    // The site's own inline code and first-party cookies are not a provider to name.
    gated({ 'data-consent': 'marketing' });
    const element = await mountManager(config);
    const placeholder = await placeholderOf(frame);
    const also = (): string => placeholder.shadowRoot!.querySelector('#also')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    expect(also()).to.equal('Allowing “Marketing” also allows: Google Ads, maps.example, ads.example, and Chat Corp.');
    // Once analytics is allowed, allowing marketing also loads what needs both.
    element.save({ analytics: true });
    await waitFor(() => also().includes('both.example'), 2000, 'what needs both categories');
    // Adapters named in the config arrive later; the list follows.
    element.adapters = [{ id: 'meta-pixel', cookies: [{ name: '_fbp', party: 'third', provider: 'Meta Pixel', category: 'marketing' }] }];
    await waitFor(() => also().includes('Meta Pixel'), 2000, 'the adapter in the list');
    expect(placeholder.shadowRoot!.querySelector('button')!.getAttribute('aria-describedby')).to.equal('title text also');
    // The rule stays: the button grants the whole category, as the text says.
    placeholder.shadowRoot!.querySelector('button')!.click();
    expect(element.consent.marketing).to.equal(true);
  });

  it('says nothing more for an embed that has a category of its own', async () => {
    const config = { categories: [{ id: 'necessary', required: true }, { id: 'embeds', label: 'External media' }, { id: 'marketing', cookies: [{ name: '_fbp', party: 'third', provider: 'Meta' }] }] };
    const frame = addFrame({ 'data-consent': 'embeds', 'data-src': 'https://video.example/embed/1', 'data-consent-provider': 'VideoCo', title: 'Video' });
    addFrame({ 'data-consent': 'embeds', 'data-src': 'https://video.example/embed/2', 'data-consent-provider': 'VideoCo', title: 'Another video' });
    await mountManager(config);
    const placeholder = await placeholderOf(frame);
    expect(placeholder.shadowRoot!.querySelector('#also')).to.equal(null);
    expect(placeholder.shadowRoot!.textContent).to.contain('“External media”');
    expect(placeholder.shadowRoot!.querySelector('button')!.getAttribute('aria-describedby')).to.equal('title text');
  });

  it("says what else it allows in the visitor's language", async () => {
    const config = { categories: [{ id: 'necessary', required: true }, { id: 'marketing', cookies: [{ name: '_fbp', party: 'third', provider: 'Meta' }, { pattern: '^_gcl_', party: 'third', provider: 'Google Ads' }] }] };
    const frame = addFrame({ 'data-consent': 'marketing', 'data-src': 'https://video.example/embed/1', 'data-consent-provider': 'VideoCo', title: 'Video' });
    await mountManager(config, 'lang="de"');
    const placeholder = await placeholderOf(frame);
    const also = (): string => placeholder.shadowRoot!.querySelector('#also')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    await waitFor(() => also().includes('Meta und Google Ads'), 3000, 'the German list');
    expect(also()).to.equal('Wenn Sie „Marketing“ erlauben, erlauben Sie auch: Meta und Google Ads.');
  });

  it('comes back when the category is withdrawn, and goes when it is allowed elsewhere', async () => {
    const frame = addFrame({ 'data-consent': 'analytics', 'data-src': '/test/fixtures/frame.html', title: 'Chart' });
    const element = await mountManager(CONFIG);
    await placeholderOf(frame);
    element.save({ analytics: true });
    expect(frame.parentElement === section, 'the frame is back in place').to.equal(true);
    element.save({ analytics: false });
    await placeholderOf(frame);
    expect(frame.getAttribute('src')).to.not.equal('/test/fixtures/frame.html');
  });

  it('stands in for no frame that can never load: a category the config does not have, or a URL that is not http(s)', async () => {
    const element = await mountManager(CONFIG);
    const unknown = addFrame({ 'data-consent': 'videos', 'data-src': '/test/fixtures/frame.html', title: 'Unknown category' });
    const partly = addFrame({ 'data-consent': 'marketing videos', 'data-src': '/test/fixtures/frame.html', title: 'Partly unknown' });
    const script = addFrame({ 'data-consent': 'marketing', 'data-src': 'javascript:alert(1)', title: 'Script URL' });
    // A loadable frame beside them gets its placeholder: by then the others have been judged.
    await placeholderOf(addFrame({ 'data-consent': 'marketing', 'data-src': '/test/fixtures/frame.html', title: 'Loadable' }));
    await nextFrames();
    for (const frame of [unknown, partly, script]) expect(frame.parentElement === section, `${frame.title}: no placeholder`).to.equal(true);
    expect(element.decided, 'nothing to click, nothing recorded').to.equal(false);
  });

  it('handles frames added later', async () => {
    await mountManager(CONFIG);
    const frame = addFrame({ 'data-consent': 'marketing', 'data-src': '/test/fixtures/frame.html', title: 'Late' });
    await placeholderOf(frame);
  });

  it("speaks the page's new language when the page's lang changes", async () => {
    const frame = addFrame({ 'data-consent': 'marketing', 'data-src': '/test/fixtures/frame.html', 'data-consent-provider': 'VideoCo', title: 'Video' });
    await mountManager(CONFIG);
    const placeholder = await placeholderOf(frame);
    const box = (): Element => placeholder.shadowRoot!.querySelector('[part="placeholder"]')!;
    expect(box().textContent).to.contain('Content from VideoCo');
    try {
      document.documentElement.lang = 'de';
      await waitFor(() => box().textContent.includes('Inhalt von VideoCo'), 3000, 'the German title');
      expect(box().querySelector('button')!.textContent.trim()).to.equal('Erlauben und laden');
      expect(box().getAttribute('lang'), 'lang of the German text').to.equal('de');
      document.documentElement.lang = 'ar';
      await waitFor(() => box().getAttribute('dir') === 'rtl', 3000, 'right to left in Arabic');
      expect(box().querySelector('button')!.textContent.trim()).to.equal('السماح والتحميل');
    } finally {
      document.documentElement.lang = 'en';
    }
  });

  it('is accessible, in light and dark themes and right to left', async () => {
    for (const attributes of ['', 'theme="dark"', 'lang="ar"']) {
      const frame = addFrame({ 'data-consent': 'marketing', 'data-src': '/test/fixtures/frame.html', title: 'Video', width: '400', height: '200' });
      await mountManager(CONFIG, attributes);
      const placeholder = await placeholderOf(frame);
      if (attributes === 'lang="ar"') await waitFor(() => placeholder.shadowRoot!.querySelector('button')!.textContent.trim() === 'السماح والتحميل', 3000, 'Arabic');
      await nextFrames();
      await expect(placeholder).to.be.accessible();
      fixtureCleanup();
      placeholder.remove();
    }
  });
});
