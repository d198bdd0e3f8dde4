// The headless session under <consent-manager>: store, gate, tab sync and adapters, driven without
// the element or any UI. Each test builds a session on a plain host and checks what it applies.
import { expect } from '@open-wc/testing';
import { parseConfig } from '../../src/core/config.js';
import { encodeRecord } from '../../src/core/record.js';
import { reported } from '../../src/diagnostics/report.js';
import { ConsentSession, type SessionChange, type SessionHost } from '../../src/session/consent-session.js';
import { captureConsoleEachTest } from '../helpers/console.js';
import { blockCookies, blockLocalStorage, clearBrowserStorage, storedCookieValue, storedMethod, waitFor } from '../helpers/page-state.js';
import { CATEGORIES } from '../helpers/ui.js';

const { config } = parseConfig({ categories: CATEGORIES });

interface Harness {
  readonly session: ConsentSession;
  readonly changes: SessionChange[];
  readonly frames: [HTMLIFrameElement, boolean][];
}

const hosts: HTMLElement[] = [];
/** Every session of the test, stopped after it: a running gate would act on the next test's markup. */
const sessions: ConsentSession[] = [];

/** A session on a plain `<div>` host (not the element), with what it announces recorded. */
function createSession(): Harness {
  const host = document.createElement('div') as unknown as SessionHost;
  const frames: [HTMLIFrameElement, boolean][] = [];
  const session = new ConsentSession(host, (frame, allowed) => frames.push([frame, allowed]));
  sessions.push(session);
  Object.defineProperty(host, 'effectiveConfig', { get: () => session.config });
  Object.assign(host, { adapters: [], reloadOnRevoke: false, scriptSources: undefined });
  document.body.append(host);
  hosts.push(host);
  const changes: SessionChange[] = [];
  session.subscribe((change) => changes.push(change));
  return { session, changes, frames };
}

/** A record as the element writes it, for the default cookie `consent`. */
function storeRecord(granted: string[], denied: string[]): string {
  const now = Math.floor(Date.now() / 1000);
  const value = encodeRecord({ version: 1, id: 'AAAAAAAAAAAAAAAAAAAAAA', revision: 0, createdAt: now, updatedAt: now, granted, denied, method: 'banner', gpc: false, language: 'en' });
  document.cookie = `consent=${encodeURIComponent(value)}; Path=/`;
  return value;
}

describe('ConsentSession', () => {
  const output = captureConsoleEachTest(clearBrowserStorage, async () => {
    for (const session of sessions.splice(0)) session.pause();
    for (const host of hosts.splice(0)) host.remove();
    await reported();
    clearBrowserStorage();
  });

  it('applies the defaults while nothing is stored: required on, optional off', () => {
    const { session } = createSession();
    expect(session.state).to.equal(undefined);
    const { state } = session.start(config, 'en', false);
    expect(state.decided).to.equal(false);
    expect(session.state!.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false });
    expect(session.isAllowed('analytics')).to.equal(false);
    expect(session.isAllowed('necessary')).to.equal(true);
  });

  it('records a decision with the method it was made in, stores it, and tells subscribers', () => {
    const { session, changes } = createSession();
    session.start(config, 'en', false);
    session.decide('banner', { analytics: true });
    expect(storedMethod()).to.equal('banner');
    expect(session.state!.categories).to.deep.equal({ necessary: true, analytics: true, marketing: false });
    expect(changes).to.have.length(1);
    expect(changes[0]).to.deep.include({ source: 'banner', changed: ['analytics'], decided: true, reloadRecommended: false });
  });

  it('ignores a forged stored record whose checksum does not match: nothing optional is allowed', () => {
    const genuine = storeRecord(['necessary'], ['analytics', 'marketing']);
    // Someone turned the denial into a grant without knowing how the checksum is made.
    const forged = genuine.replace('&d=analytics.marketing', '&d=').replace('&g=necessary', '&g=necessary.analytics.marketing');
    expect(forged).not.to.equal(genuine);
    document.cookie = `consent=${encodeURIComponent(forged)}; Path=/`;
    const { session } = createSession();
    const { state } = session.start(config, 'en', false);
    expect(state.decided).to.equal(false);
    expect(session.isAllowed('marketing')).to.equal(false);
    expect(session.isAllowed('analytics')).to.equal(false);
  });

  it('applies a genuine stored record', () => {
    storeRecord(['necessary', 'analytics'], ['marketing']);
    const { session } = createSession();
    expect(session.start(config, 'en', false).state.decided).to.equal(true);
    expect(session.isAllowed('analytics')).to.equal(true);
    expect(session.isAllowed('marketing')).to.equal(false);
  });

  it('keeps a decision made while cookies and localStorage are blocked for the page, and warns once', async () => {
    const restoreCookies = blockCookies();
    const restoreStorage = blockLocalStorage();
    try {
      const { session, changes } = createSession();
      session.start(config, 'en', false);
      expect(() => session.decide('preferences', { marketing: true })).not.to.throw();
      session.decide('preferences', { analytics: true });
      expect(session.state!.categories).to.deep.equal({ necessary: true, analytics: true, marketing: true });
      expect(changes.map((change) => change.source)).to.deep.equal(['preferences', 'preferences']);
    } finally {
      restoreStorage();
      restoreCookies();
    }
    await reported();
    expect(output.warn.filter((line) => line.includes('the choice lasts only until this page is left'))).to.have.length(1);
    expect(storedCookieValue()).to.equal(null);
  });

  it("keeps its own choice through a config replaced just after it, while WebKit reads back the value that choice replaced", () => {
    const { session, changes } = createSession();
    session.start(config, 'en', false);
    const replaced = document.cookie;
    session.decide('banner', { analytics: true });
    const { config: relabelled } = parseConfig({ categories: CATEGORIES.map((category) => ({ ...category, label: `${category.id}!` })) });
    // What WebKit's document.cookie can answer for a moment after a write (src/dom/tab-sync.ts).
    const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
    Object.defineProperty(document, 'cookie', { configurable: true, get: () => replaced, set: (value: string) => cookie.set!.call(document, value) });
    try {
      session.start(relabelled, 'en', false);
    } finally {
      delete (document as { cookie?: string }).cookie;
    }
    expect(session.state!.categories).to.deep.equal({ necessary: true, analytics: true, marketing: false });
    expect(changes.at(-1)!.changed, 'the replaced config changed no category').to.deep.equal([]);
    const granting = document.cookie;
    session.decide('banner', { analytics: false });
    expect(changes.at(-1)).to.deep.include({ changed: ['analytics'] });
    expect(storedMethod()).to.equal('banner');
    // And a withdrawal does not come back as the grant it replaced.
    Object.defineProperty(document, 'cookie', { configurable: true, get: () => granting, set: (value: string) => cookie.set!.call(document, value) });
    try {
      session.start(config, 'en', false);
    } finally {
      delete (document as { cookie?: string }).cookie;
    }
    expect(session.state!.categories.analytics).to.equal(false);
  });

  it('reads storage at once after a config that renames the cookie, even just after its choice: nothing is stored under the new name', () => {
    const { session } = createSession();
    session.start(config, 'en', false);
    session.decide('banner', { analytics: true });
    const { config: renamed } = parseConfig({ categories: CATEGORIES, storage: { cookieName: 'site_consent' } });
    session.start(renamed, 'en', false);
    expect(session.state!.decided).to.equal(false);
    expect(session.state!.categories.analytics).to.equal(false);
  });

  it('after a config replaced just after its choice, still waits for that write to settle before reading another tab’s', async () => {
    const { session } = createSession();
    session.start(config, 'en', false);
    const replaced = document.cookie;
    session.decide('banner', { analytics: true });
    const { config: relabelled } = parseConfig({ categories: CATEGORIES.map((category) => ({ ...category, label: `${category.id}!` })) });
    session.start(relabelled, 'en', false);
    const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
    Object.defineProperty(document, 'cookie', { configurable: true, get: () => replaced, set: (value: string) => cookie.set!.call(document, value) });
    const other = new BroadcastChannel('consent-manager:consent');
    try {
      // Another tab says the choice changed while WebKit still answers the value replaced here.
      other.postMessage({ type: 'consent-changed' });
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(session.state!.categories.analytics).to.equal(true);
    } finally {
      other.close();
      delete (document as { cookie?: string }).cookie;
    }
  });

  it('applies a decision asked for before start once started, after the state on load', async () => {
    const { session, changes } = createSession();
    session.decide('api', true);
    expect(changes).to.have.length(0);
    const { state } = session.start(config, 'en', false);
    expect(state.decided).to.equal(false);
    await waitFor(() => changes.length === 1, 1000, 'the pending decision');
    expect(session.state!.categories).to.deep.equal({ necessary: true, analytics: true, marketing: true });
  });

  it('withholds optional categories while another manager is on the page, without touching the stored choice', () => {
    const { session, changes } = createSession();
    session.start(config, 'en', false);
    session.decide('api', true);
    const stored = storedCookieValue();
    session.setAlone(false);
    expect(session.state!.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false });
    expect(session.isAllowed('marketing')).to.equal(false);
    expect(changes.at(-1)).to.deep.include({ changed: ['analytics', 'marketing'], source: 'api' });
    // A decision now is stored but still not applied.
    session.decide('banner', true);
    expect(session.isAllowed('marketing')).to.equal(false);
    expect(storedCookieValue()).not.to.equal(null);
    session.setAlone(true);
    expect(session.isAllowed('marketing')).to.equal(true);
    expect(stored).not.to.equal(null);
  });

  it('owns the gate: a gated frame is reported blocked, then allowed once its category is', async () => {
    const { session, frames } = createSession();
    const frame = document.createElement('iframe');
    frame.setAttribute('data-consent', 'marketing');
    frame.setAttribute('data-src', new URL('/test/fixtures/frame.html', location.href).href);
    hosts.push(frame);
    document.body.append(frame);
    session.start(config, 'en', false);
    await waitFor(() => frames.length > 0, 1000, 'the blocked frame');
    expect(frames.every(([reported, allowed]) => reported === frame && !allowed)).to.equal(true);
    expect(frame.hasAttribute('src')).to.equal(false);
    session.decide('api', { marketing: true });
    await waitFor(() => frames.some(([, allowed]) => allowed), 1000, 'the allowed frame');
    expect(frames.at(-1)).to.deep.equal([frame, true]);
  });

  it('stops gating while paused', async () => {
    const { session } = createSession();
    session.start(config, 'en', false);
    session.decide('api', true);
    session.pause();
    const image = document.createElement('img');
    image.setAttribute('data-consent', 'analytics');
    image.setAttribute('data-src', 'data:image/gif;base64,R0lGODlhAQABAAAAACw=');
    hosts.push(image);
    // An observer of our own sees the addition in the same checkpoint a running gate would.
    const seen = new Promise((resolve) => new MutationObserver((_, observer) => (observer.disconnect(), resolve(undefined))).observe(document.body, { childList: true }));
    document.body.append(image);
    await seen;
    await Promise.resolve();
    expect(image.hasAttribute('src')).to.equal(false, 'a paused session lets nothing in');
    // Resuming scans the page again and lets the image in.
    session.resume();
    await waitFor(() => image.hasAttribute('src'), 1000, 'the image after resume');
  });
});
