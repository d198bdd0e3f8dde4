// The pages the benchmark compares. Every contender gets the same article and the same two
// vendor tags (GA4 and the Meta Pixel), gated in that contender's own documented way.

const GA_URL = 'https://www.googletagmanager.com/gtag/js?id=G-BENCH0001';
const PIXEL_URL = 'https://connect.facebook.net/en_US/fbevents.js';
export const VENDOR_HOSTS = ['www.googletagmanager.com', 'connect.facebook.net', 'www.google-analytics.com', 'www.facebook.com'];
export const ANALYTICS_URL_PART = 'googletagmanager.com/gtag/js';

const GA_INLINE = "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-BENCH0001');";
const PIXEL_INLINE = `!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','${PIXEL_URL}');fbq('init','000000000000001');fbq('track','PageView');`;

const ARTICLE = `
<header><h1>Parley</h1><nav><a href="#">Product</a> <a href="#">Pricing</a> <a href="#">Docs</a></nav></header>
<main>
  <h2>Answer every customer in seconds</h2>
  <p>Parley trains a support chatbot on your help centre, answers routine questions at any hour, and hands the hard ones to your team with the whole conversation attached.</p>
  <p>Connect your knowledge base, choose a tone of voice, and publish the widget on your site with one line of code. Every answer links to the article it came from, so customers can read on.</p>
  <h3>Built for support teams</h3>
  <ul><li>Hand-off to a human with full context</li><li>Answers in 30 languages</li><li>Reports on the questions your docs do not answer yet</li></ul>
  <p>Teams using Parley resolve about half of their incoming questions without a ticket, and reply to the rest faster because the bot has already gathered the details.</p>
</main>
<footer><a href="#">Privacy</a> <a href="#">Cookies</a></footer>`;

/** The page for one contender: the same article, that contender's head and tags; `lang` is the page's language. */
export function renderPage({ head = '', tags = '', body = '', lang = 'en' }) {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Parley</title>
<link rel="stylesheet" href="/bench/site.css">
${head}
</head>
<body>
${ARTICLE}
${tags}
${body}
</body>
</html>`;
}

const CONSENT_MANAGER_TAGS = `<script type="text/plain" data-consent="analytics" data-src="${GA_URL}"></script>
<script type="text/plain" data-consent="analytics">${GA_INLINE}</script>
<script type="text/plain" data-consent="marketing">${PIXEL_INLINE}</script>`;
// The site vouches for its gated scripts, as the peers' pages need no equivalent for.
const CONSENT_MANAGER_ELEMENT = `<consent-manager script-sources="https://www.googletagmanager.com 'unsafe-inline'"><script type="application/json">{"categories":[{"id":"necessary","required":true},{"id":"analytics"},{"id":"marketing"}]}</script></consent-manager>`;

/**
 * The script tag as the README's Quick start recommends it (issue 15): a module script in <head>,
 * found first by the preload scanner and run once the page is parsed; its first statement requests
 * a new visitor's banner chunk (src/script-tag-prelude.ts). BENCHMARKS.md ("Where the script tag
 * goes") has the runs that chose it over `async`.
 */
export const RECOMMENDED_SCRIPT_TAG = '<script type="module" src="/dist/consent-manager.js"></script>';

/** The same element and tags with the bundle loaded by `markup` in <head>, on a page in `lang`. */
function scriptTagContender(id, label, markup, lang = 'en') {
  return {
    id,
    label,
    page: renderPage({ head: markup, tags: CONSENT_MANAGER_TAGS, body: CONSENT_MANAGER_ELEMENT, lang }),
    banner: { host: 'consent-manager', selector: '[part=banner]' },
    accept: { host: 'consent-manager', selector: '[part=accept-all]' },
    consent: { event: 'consent-change' },
  };
}

/**
 * Each contender: how its page is built, where its banner and accept button are (a selector,
 * inside `host`'s shadow root when given), and how it signals that consent was applied.
 */
export const CONTENDERS = [
  scriptTagContender('consent-manager-recommended', 'consent-manager, recommended script tag (module in head)', RECOMMENDED_SCRIPT_TAG),
  // The markup recommended until 2026-12-04, kept to show what `async` changes.
  scriptTagContender('consent-manager-async', 'consent-manager, async module script tag', '<script type="module" async src="/dist/consent-manager.js"></script>'),
  // The same page declared German (`<html lang="de">`): the banner in German, whose texts the
  // first layer fetches in a small chunk of their own (the entry holds only English's).
  scriptTagContender('consent-manager-recommended-de', 'consent-manager, recommended script tag, page in German', RECOMMENDED_SCRIPT_TAG, 'de'),
  {
    id: 'vanilla-cookieconsent',
    label: 'vanilla-cookieconsent 3',
    page: renderPage({
      head: '<link rel="stylesheet" href="/peers/vanilla-cookieconsent/cookieconsent.css">',
      tags: `<script type="text/plain" data-category="analytics" data-src="${GA_URL}"></script>
<script type="text/plain" data-category="analytics">${GA_INLINE}</script>
<script type="text/plain" data-category="marketing">${PIXEL_INLINE}</script>`,
      body: `<script src="/peers/vanilla-cookieconsent/cookieconsent.umd.js"></script>
<script>
CookieConsent.run({
  // It hides itself from automated browsers by default (navigator.webdriver).
  hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, marketing: {} },
  language: { default: 'en', translations: { en: {
    consentModal: { title: 'We use cookies', description: 'Allow optional cookies?', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', showPreferencesBtn: 'Customize' },
    preferencesModal: { title: 'Cookie preferences', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', savePreferencesBtn: 'Save choices', sections: [
      { title: 'Strictly necessary', linkedCategory: 'necessary' }, { title: 'Analytics', linkedCategory: 'analytics' }, { title: 'Marketing', linkedCategory: 'marketing' } ] }
  } } }
});
</script>`,
    }),
    banner: { selector: '#cc-main .cm' },
    accept: { selector: '#cc-main .cm [data-role=all]' },
    consent: { event: 'cc:onConsent' },
  },
  {
    id: 'klaro',
    label: 'Klaro 0.7',
    page: renderPage({
      head: `<script>
window.klaroConfig = {
  testing: false, acceptAll: true, hideDeclineAll: false, mustConsent: false, lang: 'en',
  services: [
    { name: 'google-analytics', title: 'Google Analytics', purposes: ['analytics'] },
    { name: 'meta-pixel', title: 'Meta Pixel', purposes: ['marketing'] }
  ]
};
</script>
<script defer data-config="klaroConfig" src="/peers/klaro/klaro.js"></script>`,
      tags: `<script type="text/plain" data-type="text/javascript" data-name="google-analytics" data-src="${GA_URL}"></script>
<script type="text/plain" data-type="text/javascript" data-name="google-analytics">${GA_INLINE}</script>
<script type="text/plain" data-type="text/javascript" data-name="meta-pixel">${PIXEL_INLINE}</script>`,
    }),
    banner: { selector: '.klaro .cookie-notice' },
    accept: { selector: '.klaro .cookie-notice .cm-btn-success' },
    // Klaro fires no DOM event; its manager says when the visitor has confirmed.
    consent: { klaroConfirmed: true },
  },
  {
    id: 'static-floor',
    label: 'static HTML banner, no script (floor)',
    page: renderPage({
      body: `<section id="static-banner" class="static-banner" aria-label="Cookie consent"><p>This site uses cookies. Allow optional cookies?</p><button type="button">Accept all</button> <button type="button">Reject all</button></section>`,
    }),
    banner: { selector: '#static-banner' },
    accept: null,
    consent: null,
  },
];

/**
 * This project's server-rendered first layer (renderConsentManager, from the built lib/): the same
 * page and tags as `consent-manager-recommended`, with the element rendered per visit as a server would, the
 * banner as Declarative Shadow DOM for a new visitor, and without it for the returning visit
 * (`returningPage`, rendered with a valid choice in the cookie header). Two markups, as the README
 * gives them: the stylesheet link with `consent-manager-ssr.js` (`style-src 'self'` holds), and
 * the inline first layer (styles and loader inline under the page's nonce; the bench serves no
 * policy, so the nonce is only an attribute here, as it costs nothing in a browser), and the same
 * without a nonce, as a page under a hash policy gets it (its loader inserts a module script for
 * the bundle in place of `import()`).
 */
export async function serverRenderedContenders() {
  const { renderConsentManager, encodeRecord, parseConfig } = await import('../lib/src/core/index.js');
  const config = { categories: [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }] };
  const attributes = { 'script-sources': "https://www.googletagmanager.com 'unsafe-inline'" };
  const now = Math.floor(Date.now() / 1000);
  // The config's own revision: a record of another one is no choice, and the server would render the banner again.
  const { revision } = parseConfig(config).config;
  const chosen = encodeRecord({ version: 1, id: 'BenchBenchBenchBench00', revision, createdAt: now, updatedAt: now, granted: ['necessary', 'analytics', 'marketing'], denied: [], method: 'banner', gpc: false, language: 'en' });
  const tags = CONTENDERS[0].page.slice(CONTENDERS[0].page.indexOf('<script type="text/plain"'), CONTENDERS[0].page.indexOf('<consent-manager')).trim();
  const linked = (cookieHeader) =>
    renderPage({
      // The README's markup for a server-rendered page: with the banner, the loader imports the
      // bundle after the first paint; without it (a visitor who chose), the bundle's own tag.
      head: cookieHeader ? '<script type="module" src="/dist/consent-manager.js"></script>' : '<link rel="preload" href="/dist/consent-banner.css" as="style"><script type="module" src="/dist/consent-manager-ssr.js"></script>',
      tags,
      body: renderConsentManager({ config, cookieHeader, stylesheet: '/dist/consent-banner.css', attributes }),
    });
  // Nothing of ours in <head>: the element brings its styles and its loader.
  const inline = (cookieHeader, nonce = 'BenchNonce0123456789') => renderPage({ tags, body: renderConsentManager({ config, cookieHeader, inline: { bundle: '/dist/consent-manager.js', nonce }, attributes }) });
  const served = {
    banner: { host: 'consent-manager', selector: '[part=banner]' },
    accept: { host: 'consent-manager', selector: '[part=accept-all]' },
    // Painted before the element has adopted it: Accept is clicked once it has (scripts/bench.mjs).
    acceptWhen: 'adopted',
    consent: { event: 'consent-change' },
  };
  const contenders = [
    { id: 'consent-manager-ssr', label: 'consent-manager, server-rendered first layer', page: linked(''), returningPage: linked(`consent=${chosen}`), ...served },
    { id: 'consent-manager-ssr-inline', label: 'consent-manager, server-rendered first layer, inline (nonce)', page: inline(''), returningPage: inline(`consent=${chosen}`), ...served },
    { id: 'consent-manager-ssr-hash', label: 'consent-manager, server-rendered first layer, inline (hash policy)', page: inline('', null), returningPage: inline(`consent=${chosen}`, null), ...served },
  ];
  for (const { id, page, returningPage } of contenders) {
    if (!page.includes('showing="banner"') || returningPage.includes('showing="banner"')) throw new Error(`bench: ${id} must render the banner for a new visitor only`);
  }
  return contenders;
}
