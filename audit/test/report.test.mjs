// The reports and the rules on made-up audit results, without a browser: what a hostile site can
// put in them, the verdicts and the thresholds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCommandLine } from '../src/cli.mjs';
import { sandboxArgs } from '../src/find-browser.mjs';
import { formatHtml } from '../src/report-html.mjs';
import { formatText } from '../src/report-text.mjs';
import { createClassifier } from '../src/classify.mjs';
import { evaluateRules, failsAt, RULES } from '../src/rules.mjs';
import { suggestConfig } from '../src/suggest.mjs';

const HOSTILE = '<img src=x onerror=alert(1)>"\'&';

function reportWith({ findings = [], cookies = [], storage = [], requests = [] } = {}) {
  return {
    url: 'https://shop.example/',
    startedAt: '2026-12-03T10:00:00.000Z',
    finishedAt: '2026-12-03T10:01:00.000Z',
    tool: { name: 'consent-manager-audit', version: '0.1.0' },
    browser: 'Chromium 1',
    pages: [{ url: 'https://shop.example/', consentManager: { kind: 'buttons', detail: `buttons found by their text: accept "${HOSTILE}"` }, categories: [{ id: 'necessary', required: true }], consentCookie: null, phases: ['before'], notes: [HOSTILE], screenshots: [{ phase: 'before', label: HOSTILE, dataUrl: 'data:image/png;base64,AAAA' }] }],
    phases: { before: { cookies, storage, requests } },
    declarations: [{ name: 'session', party: 'first', category: 'necessary', provider: HOSTILE }],
    findings,
  };
}

const hostileCookie = { page: 'https://shop.example/', phase: 'before', name: HOSTILE, domain: `${HOSTILE}.example`, path: '/', expires: null, lifetimeDays: null, secure: false, httpOnly: false, sameSite: 'Lax', party: 'first', declared: null, database: { platform: HOSTILE, category: 'Marketing', description: HOSTILE, retention: '', controller: '' } };
const hostileFinding = { rule: 'cookie-before-consent', severity: 'error', page: 'https://shop.example/', phase: 'before', name: HOSTILE, category: null, detail: HOSTILE, advice: RULES['cookie-before-consent'].advice };

describe('the HTML report', () => {
  it('escapes everything the site controls: cookie and key names, domains, texts, labels', () => {
    const html = formatHtml(
      reportWith({
        findings: [hostileFinding],
        cookies: [hostileCookie],
        storage: [{ page: 'https://shop.example/', phase: 'before', area: 'localStorage', key: HOSTILE, origin: 'https://shop.example', party: 'first', declared: null, database: null }],
        requests: [{ page: 'https://shop.example/', phase: 'before', url: 'https://t.example/p', host: 't.example', path: `/${HOSTILE}`, resourceType: 'image', failed: false }],
      }),
    );
    assert.doesNotMatch(html, /<img src=x/);
    assert.doesNotMatch(html, /onerror=alert\(1\)>"/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;&quot;&#39;&amp;/);
    // Even a missed escape could not run: the report forbids scripts and remote loads.
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">/);
  });

  it('gives a verdict a reader sees first: fail on errors, warnings, pass', () => {
    assert.match(formatHtml(reportWith({ findings: [hostileFinding] })), /class="verdict fail" role="status">FAIL: 1 error/);
    assert.match(formatHtml(reportWith({ findings: [{ ...hostileFinding, severity: 'warning' }] })), /class="verdict warn" role="status">PASS WITH WARNINGS/);
    assert.match(formatHtml(reportWith()), /class="verdict pass" role="status">PASS: /);
  });

  it('tells what to do for each finding', () => {
    assert.ok(formatHtml(reportWith({ findings: [hostileFinding] })).includes(RULES['cookie-before-consent'].advice.replaceAll('"', '&quot;')));
  });
});

describe('the terminal summary', () => {
  it('is plain text with one line per table row, long cells cut', () => {
    const text = formatText(reportWith({ findings: [hostileFinding], cookies: [{ ...hostileCookie, name: 'x'.repeat(200) }] }));
    assert.ok(!text.includes('\u001b'), 'no colour codes');
    assert.match(text, /ERROR\s+cookie-before-consent\s+before/);
    assert.ok(text.split('\n').every((line) => line.length < 400));
    assert.match(text, /x{63}…/);
  });
});

describe('failsAt', () => {
  const findings = (...severities) => severities.map((severity) => ({ severity }));
  it('fails at or above the threshold only', () => {
    assert.equal(failsAt(findings('warning', 'info'), 'error'), false);
    assert.equal(failsAt(findings('warning', 'error'), 'error'), true);
    assert.equal(failsAt(findings('warning'), 'warning'), true);
    assert.equal(failsAt(findings('info'), 'warning'), false);
    assert.equal(failsAt(findings('error'), 'never'), false);
  });
});

describe('evaluateRules', () => {
  const cookie = (name, phase) => ({ page: 'https://shop.example/', phase, name, domain: 'shop.example', path: '/', expires: null, lifetimeDays: null, secure: false, httpOnly: false, sameSite: 'Lax', party: 'first', declared: null, database: null });
  const observed = (...cookies) => ({ cookies, storage: [], requests: [] });

  it('says a cookie first seen after the refusal may have been set late, before consent, by a timer', () => {
    const findings = evaluateRules({ page: 'https://shop.example/', phases: { before: observed(), reject: observed(cookie('late_tracker', 'reject')) }, classifier: createClassifier(null) });
    assert.deepEqual(findings.map((item) => `${item.rule} ${item.name}`), ['survives-reject late_tracker']);
    assert.match(findings[0].detail, /not there before any choice: .*a timer may set it after the audit stopped waiting in "before"/);
  });

  it('reports an undeclared cookie set late, whatever the choice, once: as surviving the refusal, saying no category declares it', () => {
    const classifier = createClassifier({ config: { categories: [{ id: 'necessary', required: true, cookies: [] }, { id: 'analytics', required: false, cookies: [] }], storage: { cookieName: 'consent' } } });
    const afterChoice = (phase) => observed(cookie('late_tracker', phase), ...(phase === 'reject' || phase === 'withdraw' ? [] : [cookie('_hjid', phase)]));
    const phases = { before: observed(), ...Object.fromEntries(['reject', 'accept', 'category:analytics', 'withdraw'].map((phase) => [phase, afterChoice(phase)])) };
    const findings = evaluateRules({ page: 'https://shop.example/', phases, classifier });
    // _hjid appeared only with consent: it is still reported as undeclared, under the category that let it in.
    assert.deepEqual(findings.map((item) => `${item.rule} ${item.name} ${item.phase}`), ['survives-reject late_tracker reject', 'undeclared-cookie _hjid category:analytics']);
    assert.match(findings[0].detail, / No category declares it\. .*a timer may set it/);
  });

  it('reports an undeclared cookie that appeared with consent and outlived the withdrawal once, naming the category that let it in', () => {
    const classifier = createClassifier({ config: { categories: [{ id: 'necessary', required: true, cookies: [] }, { id: 'analytics', required: false, cookies: [] }], storage: { cookieName: 'consent' } } });
    const phases = { before: observed(), reject: observed(), 'category:analytics': observed(cookie('_hjid', 'category:analytics')), accept: observed(cookie('_hjid', 'accept')), withdraw: observed(cookie('_hjid', 'withdraw')) };
    const findings = evaluateRules({ page: 'https://shop.example/', phases, classifier });
    assert.deepEqual(findings.map((item) => `${item.rule} ${item.name} ${item.phase} ${item.category}`), ['not-removed-on-withdrawal _hjid withdraw analytics']);
    assert.match(findings[0].detail, /No category declares it; it appeared once only "analytics" was allowed: declare it there\./);
  });

  it("declares the element's own cookie and the keys it names under the first required category, unless the site declared them", () => {
    const categories = [{ id: 'essential', required: true, cookies: [] }, { id: 'analytics', required: false, cookies: [{ name: 'prefs.copy', party: 'first' }] }];
    const classifier = createClassifier({ config: { categories, storage: { cookieName: 'prefs' } } });
    for (const name of ['prefs', 'prefs.copy', 'prefs.log-queue', 'prefs.log-notices']) assert.equal(classifier.declarationOf(name)?.category, name === 'prefs.copy' ? 'analytics' : 'essential', name);
    assert.equal(classifier.declarationOf('prefs.other'), undefined);
    assert.equal(classifier.isRequired('prefs.log-notices'), true);
    assert.equal(classifier.isRequired('prefs.other'), false);
    assert.equal(classifier.isRequired('prefs.copy'), false, 'declared by the site under an optional category');
  });

  it('names the kind of a request before consent with the right article', () => {
    const request = (resourceType, path) => ({ page: 'https://shop.example/', phase: 'before', url: `https://t.example/${path}`, host: 't.example', path: `/${path}`, resourceType, failed: false });
    const phases = { before: { cookies: [], storage: [], requests: [request('image', 'p.gif'), request('script', 't.js')] } };
    const findings = evaluateRules({ page: 'https://shop.example/', phases, classifier: createClassifier(null) });
    assert.deepEqual(findings.map((item) => item.detail), ['An image request to t.example before any choice.', 'A script request to t.example before any choice.']);
  });
});

describe('parseCommandLine', () => {
  it('reads every option', () => {
    const { options } = parseCommandLine(['https://a.example/', '--pages', '3', '--json', 'r.json', '--html', 'r.html', '--fail-on', 'warning', '--browser', '/b', '--browser-arg=--x', '--browser-arg=--y', '--first-party', 'cdn.example', '--suggest-config', '--send-consent-log']);
    assert.deepEqual(options, { url: 'https://a.example/', pages: 3, json: 'r.json', html: 'r.html', suggestConfig: true, failOn: 'warning', browserPath: '/b', browserArgs: ['--x', '--y'], firstPartyHosts: ['cdn.example'], sendConsentLog: true });
  });

  it('defaults to no extra page, failing on errors and keeping the consent log out of it', () => {
    assert.deepEqual(parseCommandLine(['https://a.example/']).options, { url: 'https://a.example/', pages: 0, json: undefined, html: undefined, suggestConfig: false, failOn: 'error', browserPath: undefined, browserArgs: [], firstPartyHosts: [], sendConsentLog: false });
  });

  it('refuses non-numbers, fractions and huge page counts with one sentence', () => {
    for (const pages of ['two', '1.5', '101', '', '1e1', ' 1']) assert.match(parseCommandLine(['https://a.example/', `--pages=${pages}`]).problem, /^--pages must be a whole number from 0 to 100/);
  });
});

describe('suggestConfig', () => {
  it('declares a cookie name the config cannot hold as an anchored, escaped pattern', () => {
    const report = reportWith({ cookies: [{ ...hostileCookie, name: 'a b(c)', database: null }] });
    const { fragment, problems } = suggestConfig(report);
    assert.deepEqual(problems, []);
    const declared = fragment.categories.flatMap((category) => category.cookies).find((cookie) => cookie.pattern);
    assert.equal(declared.pattern, '^a b\\(c\\)$');
    assert.ok(new RegExp(declared.pattern).test('a b(c)'));
    assert.equal(fragment.categories.find((category) => category.cookies.includes(declared)).id, 'unclassified');
  });

  it("files a cookie set before any choice by the database, not by the first category phase that shows it, and says why", () => {
    const cookie = (name, phase, category) => ({ ...hostileCookie, name, phase, party: 'first', database: category ? { platform: 'P', category, description: 'd', retention: '', controller: '' } : null });
    const report = reportWith({ cookies: [cookie('_fbp', 'before', 'Marketing'), cookie('tracker', 'before', null)] });
    report.phases['category:analytics'] = { cookies: [cookie('_fbp', 'category:analytics', 'Marketing'), cookie('tracker', 'category:analytics', null), cookie('_ga', 'category:analytics', 'Analytics')], storage: [], requests: [] };
    report.phases['category:marketing'] = { cookies: [cookie('_fbp', 'category:marketing', 'Marketing'), cookie('tracker', 'category:marketing', null), cookie('_ga', 'category:marketing', 'Analytics')], storage: [], requests: [] };
    const { fragment, problems, notes } = suggestConfig(report);
    assert.deepEqual(problems, []);
    const filed = Object.fromEntries(fragment.categories.flatMap(({ id, cookies }) => cookies.map(({ name }) => [name, id])));
    assert.equal(filed._ga, 'analytics', 'first shown by its category phase');
    assert.equal(filed._fbp, 'marketing', 'set before any choice: by the database');
    assert.equal(filed.tracker, 'unclassified');
    assert.equal(notes.length, 2);
    assert.match(notes[0], /^_fbp is set before any choice or after Reject all/);
  });
});

describe('sandboxArgs', () => {
  it('turns the sandbox off only for root on Linux', () => {
    assert.deepEqual(sandboxArgs(1000), []);
    assert.deepEqual(sandboxArgs(0), process.platform === 'linux' ? ['--no-sandbox'] : []);
  });
});
