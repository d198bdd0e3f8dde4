// The audit against fixture sites, each with one known defect that the audit must find, and
// nothing else; a clean site, the repository's demo, and two sites with other banners. One
// browser for the file; the audit opens a fresh context per phase.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoCsp, startStaticServer } from '../../scripts/serve.mjs';
import { locateBrowser } from '../src/find-browser.mjs';
import { launchAuditBrowser } from '../src/launch-browser.mjs';
import { runAudit } from '../src/audit.mjs';
import { resolverArgs, startFixtureServer } from './fixture-server.mjs';

let browser;
let closeBrowser;
let fixtures;

before(async () => {
  fixtures = await startFixtureServer();
  ({ browser, close: closeBrowser } = await launchAuditBrowser({ executablePath: process.env.CHROME_PATH ?? locateBrowser().path, args: resolverArgs(fixtures.port) }));
});

after(async () => {
  await Promise.all([closeBrowser?.(), fixtures?.close()]);
});

function audit(url, options = {}) {
  return runAudit({ url, browser, quietMs: 300, screenshots: false, ...options });
}

/** `rule subject` for each finding, sorted: what the audit found, in one comparable list. */
function found(report) {
  return report.findings.map((item) => `${item.rule} ${item.name ?? item.url}`).sort();
}

function cookieNames(report, phase) {
  return (report.phases[phase]?.cookies ?? []).map((cookie) => cookie.name).sort();
}

// The audits wait for the network, not the processor: a few at a time share the browser.
describe('audit of sites with <consent-manager>', { concurrency: 3 }, () => {
  it('finds nothing on a clean site, whose gated tag and cookie appear only with consent and go on withdrawal', async () => {
    const report = await audit(`${fixtures.url}/clean/`);
    assert.deepEqual(found(report), []);
    assert.equal(report.pages[0].consentManager.kind, 'consent-manager');
    assert.deepEqual(report.pages[0].phases, ['before', 'reject', 'accept', 'category:analytics', 'withdraw']);
    // The phases really were what they claim: the gated tag and cookie only with analytics allowed.
    assert.deepEqual(cookieNames(report, 'before'), []);
    assert.deepEqual(cookieNames(report, 'reject'), ['consent']);
    assert.deepEqual(cookieNames(report, 'category:analytics'), ['consent', 'site_stats']);
    assert.deepEqual(cookieNames(report, 'withdraw'), ['consent']);
    assert.deepEqual(report.phases.before.requests, []);
    assert.deepEqual(report.phases.accept.requests.map((request) => [request.host, request.path, request.resourceType]), [['tracker.test', '/tag.js', 'script']]);
    const siteStats = report.phases.accept.cookies.find((cookie) => cookie.name === 'site_stats');
    assert.equal(siteStats.party, 'first');
    assert.deepEqual(siteStats.declared, { category: 'analytics', provider: null });
    assert.ok(siteStats.lifetimeDays > 29 && siteStats.lifetimeDays <= 30);
  });

  it('request-before-consent: an ungated tag from another host', async () => {
    const report = await audit(`${fixtures.url}/ungated-tracker/`);
    assert.deepEqual(found(report), ['request-before-consent http://tracker.test/tag.js']);
    const [finding] = report.findings;
    assert.equal(finding.severity, 'error');
    assert.equal(finding.phase, 'before');
  });

  it('request-before-consent: a fetch() to another host whose answer is never read', async () => {
    const report = await audit(`${fixtures.url}/ungated-fetch/`);
    assert.deepEqual(found(report), ['request-before-consent http://tracker.test/collect']);
    assert.deepEqual(report.phases.before.requests.map((request) => [request.resourceType, request.failed]), [['fetch', false]]);
  });

  it('request-before-consent: WebSockets to another host, from the page and from a worker', async () => {
    const report = await audit(`${fixtures.url}/websocket/`);
    assert.deepEqual(found(report), ['request-before-consent ws://tracker.test/live', 'request-before-consent ws://tracker.test/worker-live']);
    assert.ok(report.findings.every((item) => item.phase === 'before' && / websocket request to tracker\.test /.test(item.detail)));
    // Every phase records them: the tags are not gated.
    assert.deepEqual(report.phases.accept.requests.filter((request) => request.resourceType === 'websocket').map((request) => request.url).sort(), ['ws://tracker.test/live', 'ws://tracker.test/worker-live']);
  });

  it('cookie-before-consent: a cookie no required category declares, set on arrival', async () => {
    const report = await audit(`${fixtures.url}/cookie-before-consent/`);
    assert.deepEqual(found(report), ['cookie-before-consent visitor_id']);
    assert.equal(report.findings[0].severity, 'error');
    // Classified by the Open Cookie Database too.
    assert.equal(report.phases.before.cookies[0].database.category, 'Marketing');
  });

  it('undeclared-cookie: a cookie the gated script sets that its category does not declare', async () => {
    const report = await audit(`${fixtures.url}/undeclared-cookie/`);
    assert.deepEqual(found(report), ['undeclared-cookie _hjid']);
    assert.deepEqual([report.findings[0].severity, report.findings[0].phase, report.findings[0].category], ['warning', 'category:analytics', 'analytics']);
  });

  it('survives-reject: a cookie the server sets whatever the choice', async () => {
    const report = await audit(`${fixtures.url}/survives-reject/`);
    assert.deepEqual(found(report), ['survives-reject mkt_id']);
    assert.deepEqual([report.findings[0].severity, report.findings[0].category], ['error', 'marketing']);
  });

  it('not-removed-on-withdrawal: an HttpOnly cookie no script can expire', async () => {
    const report = await audit(`${fixtures.url}/withdrawal/`);
    assert.deepEqual(found(report), ['not-removed-on-withdrawal srv_visit']);
    assert.equal(report.findings[0].severity, 'error');
    assert.match(report.findings[0].detail, /HttpOnly/);
  });

  it('lifetime-too-long: a declared necessary cookie that lives two years', async () => {
    const report = await audit(`${fixtures.url}/lifetime/`);
    assert.deepEqual(found(report), ['lifetime-too-long site_lang']);
    assert.equal(report.findings[0].severity, 'warning');
  });

  it('storage-before-consent: a localStorage key written on arrival', async () => {
    const report = await audit(`${fixtures.url}/storage/`);
    assert.deepEqual(found(report), ['storage-before-consent ab_bucket']);
    assert.equal(report.findings[0].severity, 'warning');
    assert.deepEqual(report.phases.before.storage.map(({ area, key }) => [area, key]), [['localStorage', 'ab_bucket']]);
  });

  it('cookie-before-consent: cookies an embed from another site sets in its frame, by header and by script, are third party', async () => {
    // The page on localhost embeds a frame from 127.0.0.1: another site, as an ad or a video player is.
    const report = await audit(`http://localhost:${fixtures.port}/third-party-frame/`);
    const frameUrl = `http://127.0.0.1:${fixtures.port}/third-party-frame/frame.html`;
    assert.deepEqual(found(report), ['cookie-before-consent frame_hdr', 'cookie-before-consent frame_js', `request-before-consent ${frameUrl}`, 'storage-before-consent frame_ls']);
    const frameCookies = report.phases.before.cookies.filter((cookie) => cookie.name.startsWith('frame_'));
    assert.deepEqual(frameCookies.map(({ name, domain, party }) => [name, domain, party]).sort(), [['frame_hdr', '127.0.0.1', 'third'], ['frame_js', '127.0.0.1', 'third']]);
    assert.deepEqual(report.phases.before.storage.map(({ area, key, origin, party }) => [area, key, origin, party]), [['localStorage', 'frame_ls', `http://127.0.0.1:${fixtures.port}`, 'third']]);
  });

  it("answers the element's consent-log requests itself, so none reaches the site's log; sendConsentLog lets them through", async () => {
    const consentLog = `${fixtures.url}/consent-log/`;
    const report = await audit(consentLog);
    assert.deepEqual(fixtures.consentLogBodies, []);
    assert.deepEqual(found(report), []);
    // Choices were made and recorded, only not in the log.
    assert.ok(report.pages[0].notes.some((note) => /^The audit answered \d+ consent-log requests \(\d+ records of its own choices\)/.test(note)), report.pages[0].notes.join('\n'));
    // The element took the audit's answer as the log's: nothing is left queued for a retry, and
    // the notice is remembered as the log's.
    assert.deepEqual(report.phases.accept.storage.map((item) => item.key).filter((key) => key.startsWith('consent.log-')), ['consent.log-notices']);

    await audit(consentLog, { sendConsentLog: true });
    const actions = fixtures.consentLogBodies.map((body) => JSON.parse(body)).flatMap((body) => body.records ?? [body]).map((record) => record.action);
    assert.ok(actions.includes('given') && actions.includes('withdrawn'), actions.join(', '));
  });

  it('category-mismatch: Google Analytics declared as strictly necessary', async () => {
    const report = await audit(`${fixtures.url}/category-mismatch/`);
    assert.deepEqual(found(report), ['category-mismatch _ga']);
    assert.deepEqual([report.findings[0].severity, report.findings[0].category], ['warning', 'necessary']);
  });

  it('declared-not-seen: a declared cookie nothing sets', async () => {
    const report = await audit(`${fixtures.url}/declared-not-seen/`);
    assert.deepEqual(found(report), ['declared-not-seen _never_set']);
    assert.equal(report.findings[0].severity, 'info');
  });

  it('audits the repository demo with no error or warning, every vendor host failing as offline', async () => {
    const demo = await startStaticServer({ mounts: { '/': 'demo', '/dist/': 'dist' }, csp: demoCsp });
    try {
      const report = await audit(`${demo.url}/`);
      assert.deepEqual(report.findings.filter((item) => item.severity !== 'info'), []);
      assert.deepEqual(report.pages[0].phases, ['before', 'reject', 'accept', 'category:analytics', 'category:marketing', 'category:preferences', 'category:payments', 'withdraw']);
      assert.deepEqual(report.phases.before.requests, []);
      // The adapters' declarations were read from el.adapters: Meta's _fbp is declared but, offline, never set.
      assert.ok(report.findings.some((item) => item.rule === 'declared-not-seen' && item.name === '_fbp' && item.category === 'marketing'));
      // Accepting marketing alone reaches Meta's host, and the demo's consent log (localhost:8787) with the record of the choice.
      assert.deepEqual([...new Set(report.phases['category:marketing'].requests.map((request) => request.host))].sort(), ['connect.facebook.net', 'localhost']);
    } finally {
      await demo.close();
    }
  });
});

describe('audit of sites with another consent manager', () => {
  it('drives vanilla-cookieconsent through its "Accept all" and "Reject all" buttons, and says so', async () => {
    const report = await audit(`${fixtures.url}/vanilla/`);
    const { consentManager, phases, notes } = report.pages[0];
    assert.equal(consentManager.kind, 'buttons');
    assert.match(consentManager.detail, /accept "Accept all" \(en\), reject "Reject all" \(en\)/);
    assert.deepEqual(phases, ['before', 'reject', 'accept']);
    assert.deepEqual(cookieNames(report, 'before'), []);
    assert.deepEqual(cookieNames(report, 'reject'), ['cc_cookie']);
    assert.deepEqual(cookieNames(report, 'accept'), ['_ga', 'cc_cookie']);
    assert.ok(notes.some((note) => note.includes('cc_cookie')));
    assert.deepEqual(found(report), []);
  });

  it('finds German buttons inside an open shadow root', async () => {
    const report = await audit(`${fixtures.url}/shadow-banner/`);
    assert.match(report.pages[0].consentManager.detail, /accept "Alle akzeptieren" \(de\), reject "Alle ablehnen" \(de\)/);
    assert.deepEqual(cookieNames(report, 'reject'), ['wahl']);
    assert.deepEqual(cookieNames(report, 'accept'), ['statistik', 'wahl']);
    assert.deepEqual(found(report), []);
  });
});
