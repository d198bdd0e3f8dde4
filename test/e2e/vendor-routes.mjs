// Stand-ins for the vendors' hosts in the end-to-end tests. Every request to a vendor host is
// recorded and answered here, so no test reaches the internet: fake gtag.js, fbevents.js and
// Stripe.js, and for Segment the real @segment/analytics-next build from node_modules with its
// settings from a fixture and its API answered (and recorded) locally.
import { readFile } from 'node:fs/promises';

const SEGMENT_DIST = 'node_modules/@segment/analytics-next/dist/umd';
export const VENDOR_HOSTS = /^https:\/\/(www\.googletagmanager\.com|connect\.facebook\.net|www\.facebook\.com|cdn\.segment\.com|api\.segment\.io|js\.stripe\.com|m\.stripe\.com)\//;

const FAKE_GTAG = `window.vendorRan = (window.vendorRan || []).concat('gtag.js');`;
const FAKE_GTM = `window.vendorRan = (window.vendorRan || []).concat('gtm.js');`;
// Takes over the queue as fbevents.js does: later calls go straight to callMethod.
const FAKE_FBEVENTS = `
window.vendorRan = (window.vendorRan || []).concat('fbevents.js');
window.fbCalls = [];
fbq.callMethod = function () { window.fbCalls.push(Array.from(arguments)); };
fbq.queue.forEach(function (args) { fbq.callMethod.apply(fbq, args); });
fbq.queue = [];`;
const FAKE_STRIPE = `
window.vendorRan = (window.vendorRan || []).concat('stripe.js');
window.Stripe = function (key, options) { return { fake: 'stripe', key: key, options: options }; };
window.Stripe.version = 3;`;
const FAKE_ADS_DESTINATION = `
window.vendorRan = (window.vendorRan || []).concat('fake-ads');
window.fakeAdsDestination = function () {
  return { name: 'Fake Ads', type: 'destination', version: '1.0.0', isLoaded: function () { return true; }, load: function () { return Promise.resolve(); },
    track: function (ctx) { return ctx; }, page: function (ctx) { return ctx; } };
};`;

/**
 * Routes every vendor host of `context`. Returns the log: `requests` (every vendor URL asked for,
 * in order) and `segmentEvents` (the JSON bodies sent to Segment's API). `fail` is a RegExp of
 * URLs to abort, as a blocker or an outage would; `throwing` a RegExp of URLs answered with a
 * script that loads but throws `<pathname> threw` when it runs, as a broken vendor release would.
 */
export async function routeVendors(context, { fail, throwing } = {}) {
  const log = { requests: [], segmentEvents: [] };
  const settings = await readFile('test/fixtures/segment/settings.json', 'utf8');
  await context.route(VENDOR_HOSTS, async (route) => {
    const request = route.request();
    const url = request.url();
    log.requests.push(url);
    if (fail?.test(url)) return route.abort('blockedbyclient');
    const js = (body) => route.fulfill({ status: 200, contentType: 'text/javascript', body, headers: { 'Access-Control-Allow-Origin': '*' } });
    const { hostname, pathname } = new URL(url);
    if (throwing?.test(url)) return js(`throw new Error(${JSON.stringify(`${pathname} threw`)});`);
    if (hostname === 'www.googletagmanager.com') return js(pathname === '/gtm.js' ? FAKE_GTM : FAKE_GTAG);
    if (hostname === 'connect.facebook.net') return js(FAKE_FBEVENTS);
    if (hostname === 'js.stripe.com') return js(FAKE_STRIPE);
    if (hostname === 'cdn.segment.com') {
      if (/^\/analytics\.js\/v1\/[^/]+\/analytics\.min\.js$/.test(pathname)) return js(await readFile(`${SEGMENT_DIST}/standalone.js`, 'utf8'));
      if (pathname.startsWith('/analytics-next/bundles/')) return js(await readFile(`${SEGMENT_DIST}/${pathname.split('/').pop()}`, 'utf8'));
      if (/^\/v1\/projects\/[^/]+\/settings$/.test(pathname)) return route.fulfill({ status: 200, contentType: 'application/json', body: settings, headers: { 'Access-Control-Allow-Origin': '*' } });
      if (pathname.includes('/fake-ads/')) return js(FAKE_ADS_DESTINATION);
    }
    if (hostname === 'api.segment.io') {
      if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*' } });
      const body = request.postData();
      if (body && !pathname.endsWith('/m')) log.segmentEvents.push(JSON.parse(body));
      return route.fulfill({ status: 200, contentType: 'application/json', body: '{}', headers: { 'Access-Control-Allow-Origin': '*' } });
    }
    return route.fulfill({ status: 404, body: 'not found' });
  });
  return log;
}
