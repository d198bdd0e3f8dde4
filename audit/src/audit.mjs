// The audit: visits a page and some of its same-site links, each in fresh browser contexts, once
// per phase (before any choice, after rejecting, after accepting, with each optional category
// alone, after withdrawing), and records what the site set and sent in each.
import { readFileSync } from 'node:fs';
import { lookUpDatabase, createClassifier } from './classify.mjs';
import { answerConsentLogRequests } from './consent-log.mjs';
import { browserVersion, locateBrowser } from './find-browser.mjs';
import { launchAuditBrowser } from './launch-browser.mjs';
import { callManager, findConsentButton, readConsentManager, rejectThroughPreferences } from './page-actions.mjs';
import { evaluateRules } from './rules.mjs';
import { cookieParty, firstPartyMatcher } from './site.mjs';

const PACKAGE = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
export const TOOL = Object.freeze({ name: PACKAGE.name, version: PACKAGE.version });

/** The site could not be audited at all (exit code 2): a bad URL, no browser, the start page failed. */
export class AuditError extends Error {
  name = 'AuditError';
}

const DAY_MS = 86_400_000;

/**
 * Waits until no request of the context has been in flight for `quietMs`, at most `maxMs`. Pages
 * keep loading after `load` (gated scripts run on consent, then fetch more), so a fixed delay
 * would be either too short or too slow. A request is over once answered: with Chromium 156,
 * playwright-core reports no `requestfinished` for a `fetch()` (keepalive or not, its body read
 * or not), so waiting for that would hold every page that fetches to `maxMs`.
 */
function networkTracker(context) {
  const inFlight = new Set();
  let lastActivity = Date.now();
  const done = (request) => {
    inFlight.delete(request);
    lastActivity = Date.now();
  };
  context.on('request', (request) => {
    inFlight.add(request);
    lastActivity = Date.now();
  });
  context.on('response', (response) => done(response.request()));
  context.on('requestfinished', done);
  context.on('requestfailed', done);
  return {
    /**
     * `page` must also have had an idle moment with the network still quiet: a quiet network can
     * hide a busy main thread about to request more (a chunk fetched, then evaluated, then the
     * gated script it runs), which a loaded machine stretches past `quietMs`.
     */
    async idle(quietMs, maxMs, page) {
      const deadline = Date.now() + maxMs;
      while (Date.now() < deadline) {
        if (inFlight.size === 0 && Date.now() - lastActivity >= quietMs) {
          const quietSince = lastActivity;
          // At least 1 ms: a timeout of 0 is none, and a busy page would hold the wait past its cap.
          const left = Math.max(1, deadline - Date.now());
          // The page's own idle callback, bounded by what is left of the wait; a page navigating away ends it too.
          await page.evaluate((timeout) => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout })), left).catch(() => undefined);
          if (inFlight.size === 0 && lastActivity === quietSince) return;
          continue;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/**
 * Audits `url`. Options: `pages` (same-site links to visit besides the URL, default 0), `browser`
 * (a playwright-core Browser to reuse, started with `launchAuditBrowser` so that it accepts
 * third-party cookies; else one is launched so from `browserPath` or the lookup),
 * `browserArgs` (extra Chromium flags), `firstPartyHosts`, `quietMs` and `maxWaitMs` (how long
 * the network must be quiet before a phase is recorded, and the cap), `navigationTimeoutMs`,
 * `screenshots` (default true), `sendConsentLog` (default false: the audit answers the element's
 * consent-log requests itself, so that its made-up choices stay out of the site's log) and
 * `progress(line)`. Resolves the report (see the README's JSON
 * schema); throws `AuditError` when the site cannot be audited.
 */
export async function runAudit(options) {
  const { url, pages = 0, firstPartyHosts = [], quietMs = 500, maxWaitMs = 8_000, navigationTimeoutMs = 30_000, screenshots = true, sendConsentLog = false, progress = () => undefined } = options;
  let startUrl;
  try {
    startUrl = new URL(url);
  } catch {
    throw new AuditError(`${url} is not a URL: give an absolute http or https URL.`);
  }
  if (startUrl.protocol !== 'http:' && startUrl.protocol !== 'https:') throw new AuditError(`${url} is not an http or https URL.`);
  startUrl.hash = '';

  let browser = options.browser;
  let closeOwnBrowser;
  let browserName;
  if (!browser) {
    const executablePath = options.browserPath ?? locateBrowser().path;
    if (!executablePath) throw new AuditError(locateBrowser().problem);
    browserName = browserVersion(executablePath);
    progress(`Using ${browserName} at ${executablePath}`);
    try {
      ({ browser, close: closeOwnBrowser } = await launchAuditBrowser({ executablePath, args: options.browserArgs }));
    } catch (error) {
      throw new AuditError(`The browser at ${executablePath} could not be started: ${error.message.split('\n')[0]}`);
    }
  } else {
    browserName = `Chromium ${browser.version()}`;
  }

  const isFirstParty = firstPartyMatcher(startUrl.href, firstPartyHosts);
  const report = {
    url: startUrl.href,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    tool: TOOL,
    browser: browserName,
    pages: [],
    phases: {},
    declarations: [],
    findings: [],
  };
  const settings = { isFirstParty, quietMs, maxWaitMs, navigationTimeoutMs, screenshots, sendConsentLog, progress };
  try {
    const queue = [startUrl.href];
    for (let index = 0; index < queue.length; index++) {
      const pageUrl = queue[index];
      // The start page's links are not known until it has been audited: no total before then.
      progress(index === 0 ? `[start page] ${pageUrl}` : `[page ${index + 1}/${queue.length}] ${pageUrl}`);
      const result = await auditPage(browser, pageUrl, settings, { isStart: index === 0, wantLinks: index === 0 ? pages : 0 });
      if (result.unreachable) {
        if (index === 0) throw new AuditError(`${pageUrl} could not be loaded: ${result.unreachable}`);
        report.pages.push({ url: pageUrl, error: result.unreachable, consentManager: null, categories: [], phases: [], notes: [], screenshots: [] });
        continue;
      }
      for (const link of result.links) if (!queue.includes(link)) queue.push(link);
      report.pages.push(result.page);
      for (const [phase, observed] of Object.entries(result.phases)) {
        report.phases[phase] ??= { cookies: [], storage: [], requests: [] };
        for (const kind of ['cookies', 'storage', 'requests']) report.phases[phase][kind].push(...observed[kind]);
      }
      for (const declaration of result.classifier.declarations) {
        if (!report.declarations.some((known) => sameDeclaration(known, declaration))) report.declarations.push(declaration);
      }
      report.findings.push(...evaluateRules({ page: pageUrl, phases: result.phases, classifier: result.classifier }));
    }
    report.findings.push(...declaredNotSeen(report));
  } finally {
    await closeOwnBrowser?.();
  }
  report.finishedAt = new Date().toISOString();
  return report;
}

function sameDeclaration(a, b) {
  return a.category === b.category && a.name === b.name && a.pattern === b.pattern;
}

/** Declarations no page showed in any phase (`declared-not-seen`, info): the cookie table may be out of date. */
function declaredNotSeen(report) {
  const seen = Object.values(report.phases).flatMap((observed) => [...observed.cookies, ...observed.storage]);
  return report.declarations
    .filter((declaration) => !seen.some((item) => (item.name ?? item.key) === declaration.name || (declaration.pattern && matchesPattern(declaration.pattern, item.name ?? item.key))))
    .map((declaration) => ({
      rule: 'declared-not-seen',
      severity: 'info',
      page: report.url,
      phase: null,
      name: declaration.name ?? declaration.pattern,
      category: declaration.category,
      detail: `Declared under "${declaration.category}"${declaration.adapter ? ` by the ${declaration.adapter} adapter` : ''}, but not set in any phase on the pages visited.`,
      advice: 'Check whether the vendor still sets it (some set it only on certain pages or actions); remove it from the declaration if not.',
    }));
}

function matchesPattern(pattern, name) {
  try {
    return new RegExp(pattern).test(name);
  } catch {
    return false;
  }
}

/**
 * Opens one page in a fresh context for one phase; resolves `{ context, page, tracker, requests }`.
 * `onConsentLogAnswered(records)` hears of each consent-log request the audit answered itself.
 */
async function openPhase(browser, pageUrl, settings, phase, onConsentLogAnswered) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (!settings.sendConsentLog) await answerConsentLogRequests(context, onConsentLogAnswered);
  // Some banners hide from automated browsers (vanilla-cookieconsent's hideFromBots reads
  // navigator.webdriver): the audit must see what a visitor sees.
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false, configurable: true }));
  const tracker = networkTracker(context);
  const requests = [];
  /** Records a request to another host; returns its entry, or undefined for the site's own. */
  const recordRequest = (url, resourceType, failure) => {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      return undefined;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:' && parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') return undefined;
    if (settings.isFirstParty(parsed.hostname)) return undefined;
    const entry = { page: pageUrl, phase, url: `${parsed.origin}${parsed.pathname}`, host: parsed.hostname, path: parsed.pathname, resourceType, failed: failure !== undefined, ...(failure ? { failure } : {}) };
    requests.push(entry);
    return entry;
  };
  // Recorded once answered, or once failed: a `fetch()` is never reported finished (see networkTracker).
  const recorded = new WeakSet();
  const recordOnce = (request, failure) => {
    if (recorded.has(request)) return;
    recorded.add(request);
    recordRequest(request.url(), request.resourceType(), failure);
  };
  context.on('response', (response) => recordOnce(response.request()));
  context.on('requestfinished', (request) => recordOnce(request));
  context.on('requestfailed', (request) => recordOnce(request, request.failure()?.errorText ?? 'failed'));
  // A WebSocket is no `request` to playwright-core: its handshake shows only as the page's
  // `websocket` event (its dedicated workers' sockets included). It counts once opened:
  // the host has been contacted, whatever happens to the connection next.
  context.on('page', (page) =>
    page.on('websocket', (webSocket) => {
      const entry = recordRequest(webSocket.url(), 'websocket');
      webSocket.on('socketerror', (error) => {
        if (!entry || entry.failed) return;
        entry.failed = true;
        entry.failure = error;
      });
    }),
  );
  const page = await context.newPage();
  page.setDefaultTimeout(settings.navigationTimeoutMs);
  let response;
  try {
    response = await page.goto(pageUrl, { waitUntil: 'load', timeout: settings.navigationTimeoutMs });
  } catch (error) {
    await context.close();
    return { unreachable: error.message.split('\n')[0] };
  }
  if (response && response.status() >= 400) {
    await context.close();
    return { unreachable: `the server answered ${response.status()}` };
  }
  await tracker.idle(settings.quietMs, settings.maxWaitMs, page);
  return { context, page, tracker, requests };
}

async function settleAndReload(opened, settings) {
  await opened.tracker.idle(settings.quietMs, settings.maxWaitMs, opened.page);
  await opened.page.reload({ waitUntil: 'load', timeout: settings.navigationTimeoutMs });
  await opened.tracker.idle(settings.quietMs, settings.maxWaitMs, opened.page);
}

/** Cookies and storage keys as they are now, classified. */
async function observe(opened, pageUrl, phase, classifier, settings) {
  const now = Date.now();
  const pageHost = new URL(pageUrl).hostname;
  const cookies = (await opened.context.cookies()).map((cookie) => {
    const declaration = classifier.declarationOf(cookie.name);
    const session = cookie.expires === -1;
    return {
      page: pageUrl,
      phase,
      name: cookie.name,
      domain: cookie.domain,
      path: cookie.path,
      expires: session ? null : new Date(cookie.expires * 1000).toISOString(),
      lifetimeDays: session ? null : Math.round(((cookie.expires * 1000 - now) / DAY_MS) * 10) / 10,
      secure: cookie.secure,
      httpOnly: cookie.httpOnly,
      sameSite: cookie.sameSite,
      party: cookieParty(cookie.domain, pageHost, settings.isFirstParty),
      declared: declaration ? { category: declaration.category, provider: declaration.provider ?? null } : null,
      database: lookUpDatabase(cookie.name),
    };
  });
  // Every frame's storage: an embed from another site writes its own, under its origin.
  const storage = [];
  const seenKeys = new Set();
  for (const frame of opened.page.frames()) {
    let origin;
    try {
      origin = new URL(frame.url()).origin;
    } catch {
      continue;
    }
    // about:blank, data: and sandboxed frames: no storage of their own to list.
    if (origin === 'null') continue;
    let keys;
    try {
      keys = await frame.evaluate(() => {
        const read = (area) => {
          try {
            return Object.keys(window[area]);
          } catch {
            return [];
          }
        };
        return { localStorage: read('localStorage'), sessionStorage: read('sessionStorage') };
      });
    } catch {
      // The frame navigated away or was removed while being read: it has no keys to report here.
      continue;
    }
    const party = cookieParty(new URL(origin).hostname, pageHost, settings.isFirstParty);
    for (const [area, names] of Object.entries(keys)) {
      for (const key of names) {
        if (seenKeys.has(`${origin} ${area} ${key}`)) continue;
        seenKeys.add(`${origin} ${area} ${key}`);
        const declaration = classifier.declarationOf(key);
        storage.push({ page: pageUrl, phase, area, key, origin, party, declared: declaration ? { category: declaration.category, provider: declaration.provider ?? null } : null, database: lookUpDatabase(key) });
      }
    }
  }
  // A page loaded twice in a phase (before and after the reload) sends the same requests twice.
  const requests = [...new Map(opened.requests.map((request) => [`${request.url} ${request.resourceType}`, request])).values()];
  return { cookies, storage, requests };
}

async function screenshot(page, label, phase) {
  const png = await page.screenshot({ type: 'png', scale: 'css' }).catch(() => null);
  return png ? { phase, label, dataUrl: `data:image/png;base64,${png.toString('base64')}` } : null;
}

/** Same-site http(s) links of the page, without fragments, in document order. */
async function sameSiteLinks(page, pageUrl, settings, wanted) {
  if (wanted <= 0) return [];
  const hrefs = await page.$$eval('a[href]', (anchors) => anchors.map((anchor) => anchor.href));
  const links = [];
  for (const href of hrefs) {
    let link;
    try {
      link = new URL(href);
    } catch {
      continue;
    }
    if ((link.protocol !== 'http:' && link.protocol !== 'https:') || !settings.isFirstParty(link.hostname)) continue;
    link.hash = '';
    if (link.href !== pageUrl && !links.includes(link.href)) links.push(link.href);
    if (links.length >= wanted) break;
  }
  return links;
}

/** Runs every phase on one page. */
async function auditPage(browser, pageUrl, settings, { isStart, wantLinks }) {
  const phases = {};
  const notes = [];
  const shots = [];
  const step = (phase) => settings.progress(`  ${phase}`);
  const consentLogAnswered = { requests: 0, records: 0 };
  const countConsentLog = (records) => {
    consentLogAnswered.requests += 1;
    consentLogAnswered.records += records;
  };

  // before: no interaction. It also tells which consent manager the page has.
  step('before');
  const before = await openPhase(browser, pageUrl, settings, 'before', countConsentLog);
  if (before.unreachable) return { unreachable: before.unreachable };
  const manager = await readConsentManager(before.page).catch(() => null);
  const classifier = createClassifier(manager);
  let method;
  if (manager) {
    method = { kind: 'consent-manager', detail: `<${manager.tag}> through its API (acceptAll, rejectAll, save, showPreferences)` };
  } else {
    const [accept, reject] = await Promise.all([findConsentButton(before.page, 'accept'), findConsentButton(before.page, 'reject')]);
    method = accept || reject
      ? { kind: 'buttons', detail: `buttons found by their text: accept ${accept ? `"${accept.text}" (${accept.language})` : 'not found'}, reject ${reject ? `"${reject.text}" (${reject.language})` : 'not found'}` }
      : { kind: 'none', detail: 'no <consent-manager> and no accept or reject button was found' };
  }
  settings.progress(`  consent manager: ${method.detail}`);
  if (settings.screenshots && isStart) {
    const shot = await screenshot(before.page, 'The page on arrival, before any choice (the banner)', 'before');
    if (shot) shots.push(shot);
  }
  const links = await sameSiteLinks(before.page, pageUrl, settings, wantLinks);
  phases.before = await observe(before, pageUrl, 'before', classifier, settings);
  await before.context.close();

  /**
   * One phase in a fresh context: `act(opened, phaseNotes)` does the visitor's part; false skips
   * recording. Resolves with the observation (or null) and the phase's notes, for the caller to
   * put in order: phases may run at the same time.
   */
  const observePhase = async (phase, act) => {
    step(phase);
    const phaseNotes = [];
    const opened = await openPhase(browser, pageUrl, settings, phase, countConsentLog);
    if (opened.unreachable) return { phase, observed: null, notes: [`${phase}: the page could not be loaded again (${opened.unreachable})`] };
    try {
      const acted = await act(opened, phaseNotes);
      if (acted === false) return { phase, observed: null, notes: phaseNotes };
      await settleAndReload(opened, settings);
      return { phase, observed: await observe(opened, pageUrl, phase, classifier, settings), notes: phaseNotes };
    } catch (error) {
      return { phase, observed: null, notes: [...phaseNotes, `${phase}: ${error.message.split('\n')[0]}`] };
    } finally {
      await opened.context.close();
    }
  };
  /** Records a phase's outcome: its observation under its name, its notes after the others. */
  const record = ({ phase, observed, notes: phaseNotes }) => {
    if (observed) phases[phase] = observed;
    notes.push(...phaseNotes);
  };
  const runPhase = async (phase, act) => record(await observePhase(phase, act));

  if (manager) {
    const { tag } = manager;
    // Each phase has a fresh context of its own and waits mostly on the network, so they run at
    // once; the report keeps them in this order.
    const only = (category) => Object.fromEntries(classifier.optionalCategories.map((id) => [id, id === category]));
    const outcomes = await Promise.all([
      observePhase('reject', (opened) => callManager(opened.page, tag, 'rejectAll')),
      observePhase('accept', (opened) => callManager(opened.page, tag, 'acceptAll')),
      ...classifier.optionalCategories.map((category) => observePhase(`category:${category}`, (opened) => callManager(opened.page, tag, 'save', only(category)))),
      observePhase('withdraw', async (opened, phaseNotes) => {
        await callManager(opened.page, tag, 'acceptAll');
        await settleAndReload(opened, settings);
        const how = await rejectThroughPreferences(opened.page, tag, async () => {
          if (!settings.screenshots || !isStart) return;
          const shot = await screenshot(opened.page, 'The preferences, opened to withdraw consent', 'withdraw');
          if (shot) shots.push(shot);
        });
        phaseNotes.push(`withdraw: accepted all, then rejected with ${how}`);
      }),
    ]);
    outcomes.forEach(record);
  } else if (method.kind === 'buttons') {
    const clickPhase = (phase, kind) =>
      runPhase(phase, async (opened) => {
        const button = await findConsentButton(opened.page, kind);
        if (!button) {
          notes.push(`${phase}: no ${kind} button was found, so this phase was not run`);
          return false;
        }
        const namesBefore = new Set((await opened.context.cookies()).map((cookie) => cookie.name));
        await button.locator.click();
        const written = (await opened.context.cookies()).map((cookie) => cookie.name).filter((name) => !namesBefore.has(name));
        choiceCookies.push(new Set(written));
        return true;
      });
    // A cookie that both buttons write at once, while handling the click, stores the choice.
    const choiceCookies = [];
    await clickPhase('reject', 'reject');
    await clickPhase('accept', 'accept');
    if (choiceCookies.length === 2) {
      const stored = [...choiceCookies[0]].filter((name) => choiceCookies[1].has(name));
      classifier.addConsentCookies(stored);
      if (stored.length) notes.push(`The banner stores the choice in ${stored.join(', ')} (written by both buttons as they were clicked): treated as necessary.`);
    }
    notes.push('No <consent-manager>: the category and withdraw phases need its API and were not run; findings that need declarations rely on the Open Cookie Database.');
  } else {
    notes.push('No consent banner was found: only the before phase was recorded.');
  }
  if (consentLogAnswered.requests > 0) {
    const { requests, records } = consentLogAnswered;
    notes.push(`The audit answered ${requests} consent-log request${requests === 1 ? '' : 's'} (${records} record${records === 1 ? '' : 's'} of its own choices) itself, as the log accepts them, so none reached the site's consent log (--send-consent-log lets them through).`);
  }

  return {
    page: {
      url: pageUrl,
      consentManager: method,
      categories: manager ? manager.config.categories.map(({ id, required }) => ({ id, required })) : [],
      consentCookie: manager?.config.storage?.cookieName ?? null,
      phases: Object.keys(phases),
      notes,
      screenshots: shots,
    },
    phases,
    classifier,
    links,
  };
}
