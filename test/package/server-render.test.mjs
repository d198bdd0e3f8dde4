// renderConsentManager (consent-manager-element/core) in Node, from the built lib/: which requests
// get the banner, in which language, and that no text, attribute or config string from a hostile
// site or visitor escapes its place in the markup. Browsers parse and adopt the markup in
// test/ui/server-render.test.ts and test/e2e/server-render.test.mjs.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as core from 'consent-manager-element/core';

const { renderConsentManager, languagesFromHeader, encodeRecord, readConsent, BANNER_LANGUAGES, escapeHtml } = core;

const STYLESHEET = '/assets/consent-banner.css';
const config = { revision: 2, categories: [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }] };
const NOW = 1_763_800_000;
const at = { now: NOW * 1000 };
const record = (fields = {}) =>
  encodeRecord({ version: 1, id: '3q2-7wE8Tn6J0c1YbXk1vA', revision: 2, createdAt: NOW, updatedAt: NOW, granted: ['necessary', 'analytics'], denied: ['marketing'], method: 'banner', gpc: false, language: 'en', ...fields });
const render = (options = {}) => renderConsentManager({ config, stylesheet: STYLESHEET, ...at, ...options });
const hasBanner = (markup) => markup.includes('<template shadowrootmode="open">');

/** Every tag in the markup, in order (`/` for an end tag): an injected element shows up here. */
const tags = (markup) => [...markup.matchAll(/<(\/?)([a-zA-Z][^\s/>]*)/g)].map(([, end, name]) => `${end}${name}`);
const BANNER_TAGS = ['consent-manager', 'template', 'link', 'div', 'section', 'div', 'h2', '/h2', 'p', '/p', '/div', 'div', 'button', '/button', 'button', '/button', 'button', '/button', '/div', '/section', '/div', '/template', 'script', '/script', '/consent-manager'];

/** The config the element will read: its JSON child, as the browser gives it to JSON.parse. */
function embeddedConfig(markup) {
  const scripts = [...markup.matchAll(/<script type="application\/json">([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1, 'one JSON child');
  return JSON.parse(scripts[0][1]);
}

/** The shipped translation of a banner message, from the element's own generated locale module. */
async function translation(language, id) {
  if (language === 'en') return null;
  const { templates } = await import(`../../lib/src/l10n/generated/${language}.js`);
  return templates[id];
}

describe('renderConsentManager: with or without a banner', () => {
  it('renders the banner as Declarative Shadow DOM, styled by a linked stylesheet, for a request without a choice', () => {
    const markup = render({ cookieHeader: 'theme=dark; session=abc' });
    assert.ok(hasBanner(markup));
    assert.deepEqual(tags(markup), BANNER_TAGS);
    assert.ok(markup.startsWith('<consent-manager lang="en" showing="banner">'), 'showing="banner", as the element sets it');
    assert.ok(markup.includes(`<link rel="stylesheet" href="${STYLESHEET}">`));
    assert.doesNotMatch(markup, /<style|style=/, 'no inline style: style-src self holds');
    assert.ok(markup.includes('<h2 id="title" part="title">This site uses cookies</h2>'));
    assert.ok(markup.includes('<button part="accept-all" id="cookie-consent-accept-all">Accept all</button><button part="reject-all" id="cookie-consent-reject-all">Reject all</button><button part="customize" id="cookie-consent-customize">Customize</button>'));
    assert.ok(markup.includes('<section id="cookie-consent-banner" class="banner surface cookie-consent consent-banner" part="banner"'), 'the ids and classes banner finders look for');
    assert.deepEqual(embeddedConfig(markup), config);
  });

  it('renders the element without a banner for a valid choice, with the config', () => {
    for (const cookieHeader of [`theme=dark; consent=${record()}; session=abc`, `consent=${encodeURIComponent(record())}`, record()]) {
      const markup = render({ cookieHeader });
      assert.equal(hasBanner(markup), false, cookieHeader);
      assert.ok(markup.startsWith('<consent-manager lang="en">'), 'no showing attribute');
      assert.deepEqual(tags(markup), ['consent-manager', 'script', '/script', '/consent-manager']);
      assert.deepEqual(embeddedConfig(markup), config);
    }
  });

  it('renders the banner for every choice readConsent does not apply: expired, other revision, new category, forged, future, foreign version', () => {
    const forged = record().replace('g=necessary.analytics&d=marketing', 'g=necessary.analytics.marketing&d=');
    const cases = [
      ['expired', { cookieHeader: `consent=${record()}`, now: (NOW + 400 * 86_400) * 1000 }],
      ['revision', { cookieHeader: `consent=${record({ revision: 1 })}` }],
      ['new category', { cookieHeader: `consent=${record()}`, config: { ...config, categories: [...config.categories, { id: 'video' }] } }],
      ['forged grant', { cookieHeader: `consent=${forged}` }],
      ['truncated', { cookieHeader: `consent=${record().slice(0, -2)}` }],
      ['dated ahead', { cookieHeader: `consent=${record({ createdAt: NOW + 3600, updatedAt: NOW + 3600 })}` }],
      ['version 2', { cookieHeader: `consent=${record().replace('v=1', 'v=2')}` }],
      ['another cookie name', { cookieHeader: `consent=${record()}`, config: { ...config, storage: { cookieName: 'site_consent' } } }],
      ['invalid config', { cookieHeader: `consent=${record()}`, config: { ...config, mode: 'opt_in' } }],
    ];
    for (const [name, options] of cases) assert.ok(hasBanner(render(options)), name);
  });

  it('judges expiry by the present time when given an invalid one, which would make every record unexpired', () => {
    // Made more than 13 months before the present (the default lifetime), valid at `NOW`.
    const old = `consent=${record({ createdAt: NOW - 500 * 86_400, updatedAt: NOW - 500 * 86_400 })}`;
    assert.equal(readConsent(old, config, { now: (NOW - 400 * 86_400) * 1000 }).reason, null, 'the record is valid at a time it had not expired');
    for (const now of [Number.NaN, new Date('not a date'), Number.POSITIVE_INFINITY, '2015-01-02', null]) {
      assert.equal(readConsent(old, config, { now }).reason, 'expired', String(now));
      assert.ok(hasBanner(render({ cookieHeader: old, now })), String(now));
    }
    // An untyped caller's null or odd options are no options, not an exception.
    for (const options of [null, 'now', 42]) assert.equal(readConsent(old, config, options).reason, 'expired', String(options));
  });

  it('decides as readConsent does for hostile cookie headers: duplicates, percent-encoding, huge, malformed', () => {
    const valid = record();
    const headers = [
      // The same name several times: the newest valid copy applies; forged copies beside a valid one do not hide it.
      `consent=${record().replace('&s=', '&s=0')}; consent=${valid}`,
      `consent=x; consent=${valid}; consent=${'%'.repeat(100)}`,
      `consent=${record({ updatedAt: NOW - 10 })}; consent=${valid}`,
      `consent=${encodeURIComponent(encodeURIComponent(valid))}`,
      `consent=${valid.replaceAll('&', '%26')}`,
      `consent=%E0%A4%A; consent=%ZZ`,
      `${'junk=1; '.repeat(100_000)}consent=${valid}`,
      `consent=${'v=1&id='.repeat(50_000)}`,
      ';;;=;;; consent; =consent; consent==',
      `Consent=${valid}`,
      `consent =${valid}`,
      '\u0000\u2028<script>',
    ];
    for (const cookieHeader of headers) {
      const decided = readConsent(cookieHeader, config, at).categories !== null;
      const markup = render({ cookieHeader });
      assert.equal(hasBanner(markup), !decided, cookieHeader.slice(0, 80));
      assert.deepEqual(tags(markup), decided ? ['consent-manager', 'script', '/script', '/consent-manager'] : BANNER_TAGS, cookieHeader.slice(0, 80));
    }
    assert.equal(hasBanner(render({ cookieHeader: headers[0] })), false, 'a valid copy among forged ones applies');
    assert.equal(hasBanner(render({ cookieHeader: headers[6] })), false, 'a valid copy after 100,000 other cookies applies');
  });

  it('honours Global Privacy Control: a stored choice still counts, and the banner says it is respected', () => {
    assert.equal(hasBanner(render({ cookieHeader: `consent=${record({ granted: ['necessary', 'analytics', 'marketing'], denied: [] })}`, gpc: true })), false);
    const markup = render({ gpc: true });
    assert.ok(markup.includes('<p>Your browser sends a Global Privacy Control signal, and we respect it.</p>'));
    // A config under which GPC turns nothing off says nothing about it, as the element does.
    assert.ok(!render({ gpc: true, config: { ...config, gpcDenies: [] } }).includes('Global Privacy Control'));
  });

  it('renders no banner for a headless element, or without a stylesheet to style it', () => {
    for (const options of [{ attributes: { headless: true } }, { attributes: { headless: '' } }, { stylesheet: undefined }, { stylesheet: '' }, { stylesheet: 42 }]) {
      const markup = render(options);
      assert.equal(hasBanner(markup), false, JSON.stringify(options));
      assert.deepEqual(embeddedConfig(markup), config);
    }
  });

  it('renders a blocking banner as an open dialog, which the element makes modal', () => {
    const markup = render({ attributes: { blocking: true } });
    assert.match(markup, /^<consent-manager lang="en" blocking showing="banner">/);
    assert.match(markup, /<div aria-live="polite"><\/div><dialog id="cookie-consent-banner" class="banner surface cookie-consent consent-banner" part="banner" lang="en" dir="ltr" aria-labelledby="title" aria-describedby="text" open="">/);
  });
});

describe('renderConsentManager: languages', () => {
  it('speaks each shipped language, the same texts as the element, right to left for Arabic and Hebrew', async () => {
    assert.equal(BANNER_LANGUAGES.length, 30);
    for (const language of BANNER_LANGUAGES) {
      const markup = render({ lang: language });
      assert.ok(markup.startsWith(`<consent-manager lang="${language}" showing="banner">`), language);
      assert.ok(markup.includes(`lang="${language}" dir="${language === 'ar' || language === 'he' ? 'rtl' : 'ltr'}"`), language);
      for (const id of ['cm.banner.title', 'cm.banner.text', 'cm.accept-all', 'cm.reject-all', 'cm.customize']) {
        const text = await translation(language, id);
        if (text !== null) assert.ok(markup.includes(`>${escapeHtml(text)}`), `${language} ${id}`);
      }
    }
  });

  it('falls back as the element does: region to language, then the next tag, the config language, English', () => {
    const pick = (lang, extra = {}) => /^<consent-manager lang="([^"]+)"/.exec(render({ lang, ...extra }))[1];
    assert.equal(pick('de-AT'), 'de');
    assert.equal(pick('pt-BR'), 'pt-BR');
    assert.equal(pick('pt-PT'), 'pt');
    assert.equal(pick('zh-CN'), 'zh-Hans');
    assert.equal(pick('zh-TW'), 'en', 'Traditional Chinese is not served Simplified');
    assert.equal(pick(['xx', 'iw', 'de']), 'he');
    assert.equal(pick(['xx'], { config: { ...config, language: 'fr' } }), 'fr');
    assert.equal(pick(undefined), 'en');
    assert.equal(pick([null, 42, '', 'sv']), 'sv');
    assert.equal(pick('"><script>'), 'en');
  });

  it('reads Accept-Language by weight, without wildcards, refusals or malformed tags', () => {
    assert.deepEqual(languagesFromHeader('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5'), ['fr-CH', 'fr', 'en', 'de']);
    assert.deepEqual(languagesFromHeader('en;q=0.1, de'), ['de', 'en']);
    assert.deepEqual(languagesFromHeader('da;q=0, sv;q=2, <x>, nl'), ['nl']);
    assert.deepEqual(languagesFromHeader(undefined), []);
    assert.equal(languagesFromHeader(`${'a,'.repeat(1_000_000)}de`).includes('de'), false, 'a huge header is cut, not parsed whole');
  });
});

describe('renderConsentManager: escaping', () => {
  const hostile = '</script><script>alert(1)</script><!--<img src=x onerror=alert(2)>"\' & \u2028\u2029 ]]> <template shadowrootmode="open">';

  it('escapes every text of a hostile config and keeps its JSON child whole', () => {
    const site = {
      ...config,
      // The URL the config accepts that is most awkward for an attribute: quotes and ampersands.
      policyUrl: `/policy?a="1"&b='2'&c=%3C`,
      texts: { bannerTitle: hostile, bannerDescription: hostile, policyLink: hostile },
      categories: [{ id: 'necessary', required: true, label: hostile, description: hostile }, { id: 'analytics', label: { en: hostile } }],
    };
    assert.deepEqual(core.parseConfig(site).errors, [], 'a config the element accepts, so that its texts are shown');
    const markup = render({ config: site, gpc: true });
    assert.deepEqual(tags(markup), [...BANNER_TAGS.slice(0, 9), 'a', '/a', ...BANNER_TAGS.slice(9)]);
    assert.deepEqual(embeddedConfig(markup), site, 'the element reads the config back unchanged');
    const json = /<script type="application\/json">([\s\S]*?)<\/script>/.exec(markup)[1];
    assert.doesNotMatch(json, /[\u2028\u2029<>&]/, 'the JSON child holds no line separator and nothing that could end it');
    assert.equal(markup.split('<!--').length, 1);
    assert.ok(markup.includes(`<h2 id="title" part="title">${escapeHtml(hostile)}</h2>`));
    assert.ok(markup.includes(`<a href="${escapeHtml(site.policyUrl)}" id="cookie-consent-policy" rel="privacy-policy">${escapeHtml(hostile)}</a>`));
    // Every attribute value is one quoted string with no quote inside.
    for (const [, name, value] of markup.matchAll(/ ([a-z-]+)="([^"]*)"/g)) assert.doesNotMatch(value, /[<>'"]/, name);
    // The README's Express recipe tells a served banner by this string: texts never produce it.
    const chosen = render({ config: site, cookieHeader: `consent=${record({ granted: ['necessary', 'analytics'], denied: [] })}` });
    assert.equal(chosen.includes('<template shadowrootmode'), false, 'no banner rendered, and no text reads as one');
    assert.equal(markup.split('<template shadowrootmode').length, 2, 'the one served banner');
  });

  it("escapes the site's attributes, and leaves out event handlers, odd names and its own lang and showing", () => {
    const markup = render({ lang: 'de', attributes: { 'script-sources': hostile, position: 'top', onclick: 'alert(1)', 'on-x': '1', 'a b': '1', '"x': '1', lang: 'fr', nonce: 'abc"def', blocking: false, theme: null, showing: 'preferences' } });
    const host = /^<consent-manager[^>]*>/.exec(markup)[0];
    assert.equal(host, `<consent-manager lang="de" script-sources="${escapeHtml(hostile)}" position="top" nonce="abc&#34;def" showing="banner">`);
    assert.deepEqual(tags(markup), BANNER_TAGS);
    const decided = render({ cookieHeader: `consent=${record()}`, attributes: { showing: 'banner' } });
    assert.ok(decided.startsWith('<consent-manager lang="en">'), "a site's showing is left out when no banner is rendered");
  });

  it('never throws: a config that is not JSON data goes in as one the element rejects, with the banner', () => {
    const cyclic = { ...config };
    cyclic.self = cyclic;
    for (const bad of [cyclic, { ...config, revision: 10n }, '{ not json', '</script>', () => 1]) {
      const markup = render({ config: bad, cookieHeader: `consent=${record()}` });
      assert.ok(hasBanner(markup), String(bad));
      assert.equal(typeof embeddedConfig(markup), 'string', 'the element gets a string: an invalid config, nothing optional granted');
    }
    for (const options of [undefined, null, {}, { config: undefined, lang: {}, attributes: 'x', cookieHeader: 42 }]) {
      assert.equal(typeof renderConsentManager(options), 'string');
    }
    assert.equal(renderConsentManager({}), '<consent-manager lang="en"></consent-manager>');
  });
});

describe('renderConsentManager: partners and the settings hint', () => {
  const hostile = '</p><script>alert(1)</script><img src=x onerror=alert(2)>"\' &amp;';
  let cookies = 0;
  const cookie = (provider) => ({ name: `c${(cookies += 1)}`, party: 'third', provider });
  const withPartners = (...providers) => ({ ...config, categories: [config.categories[0], { id: 'analytics', cookies: providers.map(cookie) }, config.categories[2]] });

  it('names the partners as the element does: known companies once, the rest counted with the full list in a disclosure', () => {
    assert.deepEqual(core.parseConfig(withPartners('Google Analytics')).errors, [], 'a config the element accepts');
    const few = render({ config: { ...config, adapters: { 'google-analytics': {} } } });
    assert.ok(few.includes('<p part="partners">We work with these partners: Google.</p>'), few);
    const many = render({ config: withPartners('Google Analytics', 'Meta Pixel', 'Acme', 'Globex') });
    assert.ok(many.includes('<details part="partners"><summary>We work with these partners: Google, Meta, and 2 others.</summary><p>Google, Meta, Acme, and Globex</p></details>'), many);
    const german = render({ lang: 'de', config: withPartners('Google Analytics', 'Meta Pixel', 'Acme', 'Globex', 'Initech') });
    assert.ok(german.includes('<summary>Wir arbeiten mit diesen Partnern zusammen: Google, Meta und 3 weitere.</summary>'), german);
    assert.doesNotMatch(render(), /part="partners"/, 'no partners, no sentence');
  });

  it('takes the adapters the page gives from code as an option, and ignores malformed ones', () => {
    const markup = render({ adapters: [{ id: 'tiktok-pixel' }, { id: 'x', cookies: [cookie('Hotjar Ltd')] }, null, { id: 1 }, { id: 'y', cookies: [{ party: 'third', provider: 7 }] }, 'meta'] });
    assert.ok(markup.includes('We work with these partners: TikTok and Hotjar.'), markup);
    assert.equal(typeof render({ adapters: 'google' }), 'string');
  });

  it("uses the site's bannerPartners text, and none for an empty one", () => {
    assert.ok(render({ config: { ...withPartners('Acme'), texts: { bannerPartners: 'Our friends.' } } }).includes('<p part="partners">Our friends.</p>'));
    assert.doesNotMatch(render({ config: { ...withPartners('Acme'), texts: { bannerPartners: '' } } }), /part="partners"/);
  });

  it('escapes hostile provider names, partner texts and settings link text', () => {
    const names = render({ config: withPartners(hostile, `${hostile}2`, `${hostile}3`, `${hostile}4`) });
    assert.deepEqual(tags(names), [...BANNER_TAGS.slice(0, 10), 'details', 'summary', '/summary', 'p', '/p', '/details', ...BANNER_TAGS.slice(10)]);
    assert.ok(names.includes(`<summary>We work with these partners: ${escapeHtml(hostile)}, ${escapeHtml(hostile)}2, and 2 others.</summary>`));
    const site = render({ config: { ...withPartners('Acme'), texts: { bannerPartners: hostile } }, settingsLabel: hostile });
    assert.deepEqual(tags(site), [...BANNER_TAGS.slice(0, 10), 'p', '/p', ...BANNER_TAGS.slice(10)]);
    assert.ok(site.includes(`<p part="partners">${escapeHtml(hostile)}</p>`));
    assert.ok(site.includes(`use “${escapeHtml(hostile)}” on this page.</p>`));
    for (const markup of [names, site]) for (const [, name, value] of markup.matchAll(/ ([a-z-]+)="([^"]*)"/g)) assert.doesNotMatch(value, /[<>'"]/, name);
  });

  it('says where to change the choice later when given the settings link text, as the element words it', () => {
    const text = /<p id="text">([^<]*)<\/p>/;
    assert.ok(text.exec(render({ settingsLabel: '  Cookie\n settings ' }))[1].endsWith('You can change your choice at any time. To change your choice later, use “Cookie settings” on this page.'));
    assert.ok(text.exec(render({ lang: 'de', settingsLabel: 'Cookies' }))[1].endsWith('nutzen Sie „Cookies“ auf dieser Seite.'));
    assert.equal(text.exec(render({ settingsLabel: 'x'.repeat(200) }))[1].match(/“(x+)”/)[1].length, 80, 'cut as the element cuts it');
    for (const settingsLabel of [undefined, '', '   ', 42]) assert.doesNotMatch(render({ settingsLabel }), /To change your choice later/, String(settingsLabel));
    assert.doesNotMatch(render({ settingsLabel: 'Cookies', config: { ...config, texts: { bannerDescription: 'Ours.' } } }), /To change/, "the site's own description is left as worded");
  });
});

describe('renderConsentManager: decided', () => {
  it('renders no banner with decided: true, whatever the cookie header, and the same markup as for a valid choice', () => {
    for (const cookieHeader of [undefined, '', 'consent=forged', `consent=${record()}`]) {
      assert.equal(hasBanner(render({ cookieHeader, decided: true })), false, String(cookieHeader));
    }
    assert.equal(render({ decided: true }), render({ cookieHeader: `consent=${record()}` }));
    assert.equal(render({ decided: true, inline: { bundle: '/c.js' } }), render({ cookieHeader: `consent=${record()}`, inline: { bundle: '/c.js' } }));
  });

  it('reads the cookie header as usual for anything but true', () => {
    for (const decided of [false, undefined, null, 'true', 1, {}]) {
      assert.equal(hasBanner(render({ decided })), true, String(decided));
      assert.equal(hasBanner(render({ decided, cookieHeader: `consent=${record()}` })), false, String(decided));
    }
  });
});

describe('renderConsentManager: the inline first layer', () => {
  const BUNDLE = '/assets/consent-manager.js';
  const NONCE = 'r4nd0m+Nonce/=';
  const inline = (options = {}) => render({ inline: { bundle: BUNDLE, nonce: NONCE }, ...options });
  const css = readFileSync(new URL('../../dist/consent-banner.css', import.meta.url), 'utf8').trim();
  /** The inline scripts after the element: their attributes and text. */
  const loaders = (markup) => [...markup.matchAll(/<\/consent-manager><script type="module"([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attributes, text]) => ({ attributes, text }));

  it('puts the banner styles in a <style> with the nonce in place of the link, and the loader after the element with the nonce', () => {
    const markup = inline();
    assert.deepEqual(tags(markup), [...BANNER_TAGS.map((name) => (name === 'link' ? 'style' : name)).flatMap((name) => (name === 'style' ? ['style', '/style'] : [name])), 'script', '/script']);
    assert.ok(markup.includes(`<template shadowrootmode="open"><style nonce="${NONCE}">${css}</style><div aria-live="polite">`), 'the text of dist/consent-banner.css, under the nonce');
    assert.doesNotMatch(markup, /<link/);
    const [loader] = loaders(markup);
    assert.equal(loader.attributes, ` nonce="${NONCE}"`);
    assert.ok(loader.text.includes(`(${JSON.stringify(BUNDLE)},`), 'imports the bundle given');
    assert.doesNotMatch(loader.text, /createElement|consent-manager-loader/, 'with a nonce, import(), which carries it');
    assert.match(loader.text, /first-contentful-paint/);
  });

  it('still writes the loader, and no banner, for a valid choice or a headless element: the page needs the bundle either way', () => {
    for (const options of [{ cookieHeader: `consent=${record()}` }, { attributes: { headless: true } }]) {
      const markup = inline(options);
      assert.equal(hasBanner(markup), false, JSON.stringify(options));
      assert.deepEqual(tags(markup), ['consent-manager', 'script', '/script', '/consent-manager', 'script', '/script']);
      assert.equal(loaders(markup).length, 1);
    }
  });

  it('writes no nonce attribute without a nonce, for a page without a policy', () => {
    for (const nonce of [undefined, null, '', 42]) {
      const markup = render({ inline: { bundle: BUNDLE, nonce } });
      assert.ok(markup.includes(`<style>${css}</style>`), String(nonce));
      assert.equal(loaders(markup)[0].attributes, '');
      // A script element with its URL from the loader's own Trusted Types policy, which a hash-based 'strict-dynamic' policy allows.
      assert.match(loaders(markup)[0].text, /consent-manager-loader[\s\S]*createElement\.call\(document,"script"\)/, String(nonce));
    }
  });

  it('keeps a hostile bundle URL inside its script string and a hostile nonce inside its attribute', () => {
    const bundle = '/x.js"</script><script>alert(1)</script><!--\u2028';
    const nonce = '"><script>alert(2)</script>';
    const markup = render({ inline: { bundle, nonce } });
    assert.deepEqual(tags(markup).slice(-2), ['script', '/script'], 'one script after the element, none injected');
    assert.equal(tags(markup).filter((name) => name === 'script').length, 2, 'the JSON child and the loader');
    const [loader] = loaders(markup);
    assert.equal(loader.attributes, ` nonce="${escapeHtml(nonce)}"`);
    // The URL is a JavaScript string literal that reads back as the bundle given.
    const literal = /\(("(?:[^"\\]|\\.)*"),\w+\);$/.exec(loader.text)?.[1];
    assert.equal(JSON.parse(literal), bundle);
    assert.doesNotMatch(literal, /<|>|\u2028/, 'escaped as \\u sequences');
  });

  it('is ignored without a bundle URL: the stylesheet link if given, else no banner, and no loader', () => {
    for (const given of [{}, { bundle: '' }, { bundle: 42 }, 'yes', null]) {
      assert.ok(render({ inline: given }).includes(`<link rel="stylesheet" href="${STYLESHEET}">`), JSON.stringify(given));
      const bare = render({ inline: given, stylesheet: undefined });
      assert.equal(hasBanner(bare), false);
      assert.equal(loaders(bare).length, 0);
    }
  });
});

describe('inlineFirstLayerSources: the inline first layer under a fixed policy', () => {
  const BUNDLE = '/assets/consent-manager.js';
  /** The CSP hash source of a text, computed here with node:crypto, independently of the code under test. */
  const sha256Source = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  /** The texts a browser hashes: the <style> in the served root and the module script after the element. */
  const inlineTexts = (markup) => ({
    style: /<template shadowrootmode="open"><style>([\s\S]*?)<\/style>/.exec(markup)?.[1],
    script: /<\/consent-manager><script type="module">([\s\S]*?)<\/script>$/.exec(markup)?.[1],
  });

  it("gives the hashes of the exact style and loader texts that renderConsentManager writes without a nonce", async () => {
    const markup = render({ inline: { bundle: BUNDLE } });
    const texts = inlineTexts(markup);
    assert.ok(texts.style && texts.script, 'both inline texts are in the markup');
    assert.deepEqual(await core.inlineFirstLayerSources(BUNDLE), { script: sha256Source(texts.script), style: sha256Source(texts.style) });
  });

  it('gives the same hashes whatever the request: a returning visitor, another language, GPC', async () => {
    const sources = await core.inlineFirstLayerSources(BUNDLE);
    for (const options of [{ cookieHeader: `consent=${record()}` }, { lang: 'de' }, { gpc: true }, { attributes: { layout: 'bar' } }]) {
      const texts = inlineTexts(render({ inline: { bundle: BUNDLE }, ...options }));
      assert.equal(sha256Source(texts.script), sources.script, JSON.stringify(options));
      if (texts.style !== undefined) assert.equal(sha256Source(texts.style), sources.style, JSON.stringify(options));
    }
  });

  it('gives another script hash for another bundle, and hashes a hostile URL as it is escaped in the markup', async () => {
    const hostile = '/x.js"</script><script>alert(1)</script><!--\u2028';
    const [ours, other, escaped] = await Promise.all([BUNDLE, '/elsewhere/consent-manager.js', hostile].map((bundle) => core.inlineFirstLayerSources(bundle)));
    assert.notEqual(other.script, ours.script);
    assert.equal(other.style, ours.style, 'the styles do not depend on the bundle');
    assert.equal(escaped.script, sha256Source(inlineTexts(render({ inline: { bundle: hostile } })).script));
  });

  it('writes a bundle URL with other than ASCII as \\u escapes, so the hashed text is the same in any ASCII-compatible page encoding', async () => {
    const bundle = '/cönsent/\u{1F36A}/consent-manager.js';
    const { script } = inlineTexts(render({ inline: { bundle } }));
    assert.doesNotMatch(script, /[\u0080-\uffff]/);
    // Without a nonce the loader is called with the URL and the function that inserts a script element.
    assert.equal(JSON.parse(/\(("(?:[^"\\]|\\.)*"),\w+\);$/.exec(script)[1]), bundle, 'the string reads back as the URL given');
    assert.equal((await core.inlineFirstLayerSources(bundle)).script, sha256Source(script));
  });

  it('rejects with a TypeError that says what it needs when the bundle is not a URL string', async () => {
    for (const bundle of [undefined, null, '', 42, { bundle: BUNDLE }]) {
      await assert.rejects(core.inlineFirstLayerSources(bundle), (error) => error instanceof TypeError && /bundle must be the URL of consent-manager\.js/.test(error.message), String(bundle));
    }
  });
});

describe('consent-banner.css', () => {
  it('is built into dist/ and exported by the package, with the styles the element adopts', () => {
    const css = readFileSync(new URL('../../dist/consent-banner.css', import.meta.url), 'utf8');
    for (const rule of [':host { display: contents; }', '.banner {', 'position: fixed', '--_accent', ':host([layout=\'bar\']) .banner']) assert.ok(css.includes(rule), rule);
    assert.doesNotMatch(css, /\/\*/);
    assert.equal(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).exports['./consent-banner.css'], './dist/consent-banner.css');
  });
});
