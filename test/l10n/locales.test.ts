import { expect, fixtureCleanup } from '@open-wc/testing';
import '../../src/define.js';
import { reported } from '../../src/diagnostics/report.js';
import { allLocales, sourceLocale, targetLocales } from '../../src/l10n/generated/locale-codes.js';
import { matchLanguage, pickLanguage } from '../../src/l10n/language.js';
import type { loadConsentTemplates } from '../../src/l10n/localization.js';
import { waitFor } from '../helpers/page-state.js';
import { isolateUiTests, mountManager, part, shownPart } from '../helpers/ui.js';

/** The 24 official EU languages, right-to-left Arabic and Hebrew, and four more the issue asks for. */
const REQUIRED = ['bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv', 'ar', 'he', 'ja', 'zh-Hans', 'pt-BR', 'tr'];

/**
 * Translations that are, correctly, the same words as the English source. Any other target equal
 * to its source counts as untranslated.
 */
const SAME_AS_ENGLISH: Readonly<Record<string, readonly string[]>> = {
  de: ['cm.cookies.name', 'cm.category.marketing'],
};

type Templates = Awaited<ReturnType<typeof loadConsentTemplates>>;

/** Every message's English source, by id, from a locale's XLIFF file (each lists every message). */
async function sources(locale: string): Promise<Map<string, string>> {
  const xliff = new DOMParser().parseFromString(await (await fetch(`/locales/${locale}.xlf`)).text(), 'application/xml');
  // Placeholders (`<x equiv-text="${provider}"/>`) read as `${}`, as `text()` renders templates.
  const read = (source: Element): string => [...source.childNodes].map((node) => (node.nodeType === Node.TEXT_NODE ? node.textContent : '${}')).join('');
  return new Map([...xliff.querySelectorAll('trans-unit')].map((unit) => [unit.id, read(unit.querySelector('source')!)]));
}

function text(template: Templates[string] | undefined): string {
  if (template === undefined) return '';
  if (typeof template === 'string') return template;
  // `str` templates: the text around the placeholders, with the placeholders as ${n}.
  const { strings } = template as unknown as { strings: readonly string[] };
  return strings.join('${}');
}

describe('languages', () => {
  const output = isolateUiTests();

  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it('loads no translation for an English page', async () => {
    const element = await mountManager();
    await shownPart(element, 'banner');
    // The first test of this file, so of this page: nothing has asked for another language yet.
    const loaded = performance.getEntriesByType('resource').filter((entry) => /\/l10n\/(localization|generated\/(?!locale-codes))/.test(entry.name));
    expect(loaded.map((entry) => entry.name)).to.deep.equal([]);
  });

  it("records the visitor's language with a choice made through the API before any UI", async () => {
    const first = await mountManager(undefined, 'lang="de-AT"');
    first.rejectAll();
    expect(first.record?.language).to.equal('de-AT');
  });

  it('ships every required language', () => {
    expect([...allLocales].sort()).to.deep.equal([...REQUIRED].sort());
    expect(sourceLocale).to.equal('en');
  });

  for (const locale of targetLocales) {
    it(`${locale}: loads, with every message translated`, async () => {
      const english = await sources(locale);
      expect(english.size).to.be.greaterThan(30);
      // Imported here, not above: the first test checks that an English page never loads it.
      const templates = await (await import('../../src/l10n/localization.js')).loadConsentTemplates(locale);
      expect(Object.keys(templates).sort(), 'the same messages as the source').to.deep.equal([...english.keys()].sort());
      const untranslated = [...english].filter(([id, source]) => text(templates[id]) === source && !SAME_AS_ENGLISH[locale]?.includes(id));
      expect(untranslated.map(([id]) => id), 'messages equal to the English source').to.deep.equal([]);
      for (const [id, source] of english) {
        const placeholders = source.split('${}').length - 1;
        const template = templates[id];
        expect(typeof template === 'string' ? 0 : (template as unknown as { strings: string[] }).strings.length - 1, `${id} keeps its placeholders`).to.equal(placeholders);
      }
    });
  }

  it('finds the shipped language for a tag', () => {
    expect(['de-AT', 'en-GB', 'pt', 'pt-PT', 'pt-BR', 'zh', 'zh-CN', 'zh-Hans-SG', 'iw', 'FR-ca', 'es-419'].map(matchLanguage)).to.deep.equal(['de', 'en', 'pt', 'pt', 'pt-BR', 'zh-Hans', 'zh-Hans', 'zh-Hans', 'he', 'fr', 'es']);
    expect(['zh-TW', 'zh-Hant', 'nb', 'xx'].map(matchLanguage)).to.deep.equal([undefined, undefined, undefined, undefined]);
    expect(pickLanguage(['is', 'zh-TW', 'sv-FI', 'de'])).to.equal('sv');
    expect(pickLanguage(['is', undefined, ''])).to.equal('en');
  });

  it("takes the element's lang, else the page's, else the browser's, else the config's", async () => {
    document.documentElement.lang = 'de';
    const own = await mountManager(undefined, 'lang="it"');
    await waitFor(() => part(own, 'title')?.textContent?.trim() === 'Questo sito utilizza i cookie', 3000, 'Italian from the element');
    fixtureCleanup();
    const page = await mountManager();
    await waitFor(() => part(page, 'title')?.textContent?.trim() === 'Diese Website verwendet Cookies', 3000, 'German from the page');
    fixtureCleanup();
    // An unshipped page language falls through to the browser's (English in the test browser).
    document.documentElement.lang = 'is';
    const browser = await mountManager({ categories: [{ id: 'necessary', required: true }], language: 'fi' });
    await waitFor(() => part(browser, 'title')?.textContent?.trim() === 'This site uses cookies', 3000, 'English from the browser');
    expect(navigator.languages[0]).to.match(/^en/);
    fixtureCleanup();
    // No lang anywhere and only unshipped browser languages: the config's is the last one left.
    // navigator.languages is a getter on the prototype, so an own property shadows it until deleted.
    document.documentElement.removeAttribute('lang');
    Object.defineProperty(navigator, 'languages', { configurable: true, get: () => ['is-IS', 'nb'] });
    try {
      const config = await mountManager({ categories: [{ id: 'necessary', required: true }], language: 'fi' });
      await waitFor(() => part(config, 'title')?.textContent?.trim() === 'Tämä sivusto käyttää evästeitä', 3000, 'Finnish from the config');
      expect(config.language).to.equal('fi');
    } finally {
      delete (navigator as { languages?: readonly string[] }).languages;
    }
  });

  it('re-renders when lang changes at run time, right to left for Hebrew, and records the language', async () => {
    const element = await mountManager(undefined, 'lang="en"');
    const banner = await shownPart(element, 'banner');
    expect(banner.getAttribute('dir')).to.equal('ltr');
    element.lang = 'he';
    await waitFor(() => part(element, 'title')?.textContent?.trim() === 'האתר הזה משתמש בעוגיות', 3000, 'Hebrew');
    expect(part(element, 'banner')!.getAttribute('dir')).to.equal('rtl');
    expect(part(element, 'banner')!.getAttribute('lang')).to.equal('he');
    expect(element.language).to.equal('he');
    element.acceptAll();
    expect(element.record?.language).to.equal('he');
    element.lang = 'ja';
    element.showBanner();
    await waitFor(() => part(element, 'accept-all')?.textContent?.trim() === 'すべて許可', 3000, 'Japanese');
    element.lang = 'en';
    await waitFor(() => part(element, 'accept-all')?.textContent?.trim() === 'Accept all', 3000, 'back to English');
    await reported();
    expect(output.warn).to.deep.equal([]);
  });

  it("put back in a page whose language changed meanwhile, speaks that page's", async () => {
    const element = await mountManager();
    await shownPart(element, 'banner');
    const page = element.parentElement!;
    element.remove();
    // Changed while the element is out of the page: it sees no such change, only where it lands.
    page.lang = 'de';
    page.append(element);
    await waitFor(() => part(element, 'accept-all')?.textContent?.trim() === 'Alle akzeptieren', 3000, 'German, without any other change of lang');
    expect(element.language).to.equal('de');
  });
});
