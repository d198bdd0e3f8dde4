import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { type ConsentLogRecord, hashNotice, validateConsentLogRecord } from '../../src/core/consent-log-record.js';
import { encodeRecord } from '../../src/core/record.js';
import { nextEvent, setGlobalPrivacyControl, waitFor } from '../helpers/page-state.js';
import { CATEGORIES, isolateUiTests, mountManager, part, shownPart } from '../helpers/ui.js';

/**
 * Every request the element makes to a consent log, answered with `answer`. Installed before any
 * element logs, since the log client keeps the page's `fetch` it found when it was created.
 */
const posts: { url: string; body: ConsentLogRecord | { records: ConsentLogRecord[] }; init: RequestInit }[] = [];
let answer = 202;
const pageFetch = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = input instanceof Request ? input.url : String(input);
  if (!url.includes('/test-log/')) return pageFetch(input, init);
  posts.push({ url, body: JSON.parse(init!.body as string) as ConsentLogRecord, init: init! });
  return Promise.resolve(new Response('{"accepted":1,"duplicates":0}', { status: answer }));
};

/** The records posted so far, batches unpacked. */
function records(): ConsentLogRecord[] {
  return posts.flatMap(({ body }) => ('records' in body ? body.records : [body]));
}

async function recordsSent(count: number): Promise<ConsentLogRecord[]> {
  await waitFor(() => records().length >= count, 3000, `${count} consent log records`);
  return records();
}

let run = 0;
/** A config logging to an endpoint of its own: each test gets a fresh log client. */
function logged(extra: object = {}): { config: object; endpoint: string } {
  run += 1;
  const endpoint = `/test-log/${run}/v1/records`;
  return { config: { categories: CATEGORIES, policyUrl: '/cookies', consentLog: { endpoint }, ...extra }, endpoint };
}

function storeChoice(granted: string[], denied: string[]): string {
  const now = Math.floor(Date.now() / 1000);
  const id = 'AAAAAAAAAAAAAAAAAAAAAA';
  document.cookie = `consent=${encodeRecord({ version: 1, id, revision: 0, createdAt: now - 60, updatedAt: now - 60, granted, denied, method: 'banner', gpc: false, language: 'en' })}; Path=/`;
  return id;
}

function text(root: Element, selector: string): string {
  return (root.shadowRoot ?? root).querySelector(selector)!.textContent.trim();
}

describe('consent log: the record of each decision', () => {
  isolateUiTests();
  beforeEach(() => {
    posts.length = 0;
    answer = 202;
  });

  it('sends one record when the visitor accepts in the banner, with every field, the page without its query, and the notice shown', async () => {
    const { config, endpoint } = logged();
    const page = location.href;
    history.replaceState(null, '', `${location.pathname}?email=visitor%40example.com#section`);
    try {
      const element = await mountManager(config);
      (await shownPart(element, 'accept-all')).click();
      const [sent] = await recordsSent(1);
      const stored = element.record!;
      expect(posts[0]!.url).to.equal(new URL(endpoint, location.href).href);
      expect(validateConsentLogRecord(sent).ok, JSON.stringify(validateConsentLogRecord(sent))).to.equal(true);
      expect(sent!.recordId).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(sent).to.deep.include({
        consentId: stored.id,
        action: 'given',
        granted: ['necessary', 'analytics', 'marketing'],
        denied: [],
        method: 'banner',
        revision: 0,
        language: 'en',
        gpc: false,
        givenAt: stored.createdAt,
        changedAt: stored.updatedAt,
        url: `${location.origin}${location.pathname}`,
      });
      const packageJson = (await (await pageFetch('/package.json')).json()) as { name: string; version: string };
      expect(sent!.component).to.deep.equal({ name: packageJson.name, version: packageJson.version });
      const content = sent!.notice.content!;
      expect(sent!.notice.hash).to.equal(await hashNotice(content));
      expect(content.language).to.equal('en');
      expect(content.policyUrl).to.equal(`${location.origin}/cookies`);
      expect(content.texts).to.include({ acceptAll: 'Accept all', rejectAll: 'Reject all', customize: 'Customize' });
      expect(content.texts).not.to.have.property('gpc');
      expect(content.categories.map(({ id, required }) => [id, required])).to.deep.equal([
        ['necessary', true],
        ['analytics', false],
        ['marketing', false],
      ]);
      expect(content.categories[1]!.label).to.equal('Performance and analytics');
      expect(posts[0]!.init.keepalive).to.equal(true);
      expect(posts[0]!.init.credentials).to.equal('omit');
    } finally {
      history.replaceState(null, '', page);
    }
  });

  it('starts the request within the click that decides, so that a navigation right after it cannot cancel the record', async () => {
    const { config } = logged();
    const element = await mountManager(config);
    const button = await shownPart(element, 'accept-all');
    button.click();
    // A navigation would run as the next task: by then the request must have started.
    const requestsByNextTask = await new Promise<number>((resolve) => setTimeout(() => resolve(posts.length), 0));
    expect(requestsByNextTask).to.equal(1);
    expect(posts[0]!.init.keepalive).to.equal(true);
  });

  it('starts the request within the click in the preferences too, opened after an earlier decision', async () => {
    const { config } = logged();
    const element = await mountManager(config);
    (await shownPart(element, 'accept-all')).click();
    await recordsSent(1);
    element.showPreferences();
    const reject = await shownPart(element, 'reject-all');
    reject.click();
    const requestsByNextTask = await new Promise<number>((resolve) => setTimeout(() => resolve(posts.length), 0));
    expect(requestsByNextTask, JSON.stringify(records().map(({ action, method }) => [action, method]))).to.equal(2);
    expect(records().map(({ action, method }) => [action, method])).to.deep.equal([
      ['given', 'banner'],
      ['withdrawn', 'preferences'],
    ]);
  });

  it('on a headless page, readies the log at start, so that a decision through the API starts the request in its own task', async () => {
    // The notice's hash is the last thing readied: count the digests that have completed.
    const subtle = crypto.subtle;
    const digest = subtle.digest.bind(subtle);
    let digested = 0;
    subtle.digest = async (...args: Parameters<SubtleCrypto['digest']>) => {
      const result = await digest(...args);
      digested += 1;
      return result;
    };
    try {
      const { config } = logged({ texts: { bannerTitle: `Headless ${run}` } });
      const element = await mountManager(config, 'headless');
      await waitFor(() => digested > 0, 3000, 'the notice hashed');
      element.acceptAll();
      const requestsByNextTask = await new Promise<number>((resolve) => setTimeout(() => resolve(posts.length), 0));
      expect(requestsByNextTask).to.equal(1);
      expect(records()[0]).to.deep.include({ action: 'given', method: 'api' });
    } finally {
      delete (subtle as Partial<SubtleCrypto> & { digest?: unknown }).digest;
    }
  });

  it('hashes the texts the banner rendered, the site overrides included', async () => {
    const { config } = logged({ texts: { bannerTitle: { en: 'We bake cookies' }, bannerDescription: 'Our own words.' } });
    const element = await mountManager(config);
    const banner = await shownPart(element, 'banner');
    (await shownPart(element, 'reject-all')).click();
    const [sent] = await recordsSent(1);
    const { texts } = sent!.notice.content!;
    expect(texts.bannerTitle).to.equal('We bake cookies');
    expect(texts.bannerTitle).to.equal(banner.querySelector('h2')!.textContent);
    expect(banner.querySelector('#text')!.textContent).to.equal(`${texts.bannerDescription} ${texts.policyLink}`);
    expect(texts.bannerDescription).to.equal('Our own words.');
  });

  it('hashes the texts the preferences rendered, in the visitor language, and records the preferences as the method', async () => {
    const { config } = logged();
    const element = await mountManager(config, 'lang="de"');
    element.showPreferences();
    const dialog = await shownPart(element, 'preferences');
    await waitFor(() => dialog.getAttribute('lang') === 'de', 3000, 'German preferences');
    const shown = {
      preferencesTitle: text(element, '#preferences-title'),
      preferencesDescription: text(element, '#preferences-text'),
      save: text(dialog, '[part="save"]'),
      acceptAll: text(dialog, '[part="accept-all"]'),
      labels: [...dialog.querySelectorAll('.category label')].map((label) => label.textContent.trim()),
    };
    part(element, 'save')!.click();
    const [sent] = await recordsSent(1);
    expect(sent!.method).to.equal('preferences');
    expect(sent!.language).to.equal('de');
    const content = sent!.notice.content!;
    expect(content.language).to.equal('de');
    expect(content.texts).to.include({ preferencesTitle: shown.preferencesTitle, preferencesDescription: shown.preferencesDescription, save: shown.save, acceptAll: shown.acceptAll });
    expect(shown.acceptAll).to.not.equal('Accept all');
    expect(content.categories.map(({ label }) => label)).to.deep.equal(shown.labels);
  });

  it('names each action: given, changed, withdrawn, reset; and keeps the consent id', async () => {
    const { config } = logged();
    const element = await mountManager(config);
    element.rejectAll();
    element.save({ analytics: true });
    element.save({ analytics: true, marketing: true });
    element.save({ marketing: false });
    element.reset();
    const sent = await recordsSent(5);
    // Sent in order, though the first may travel alone while the others wait for it.
    expect(sent.map(({ action, method }) => [action, method])).to.deep.equal([
      ['given', 'api'],
      ['changed', 'api'],
      ['changed', 'api'],
      ['withdrawn', 'api'],
      ['reset', 'api'],
    ]);
    expect(new Set(sent.map(({ consentId }) => consentId)).size).to.equal(1);
    expect(new Set(sent.map(({ recordId }) => recordId)).size).to.equal(5);
    expect(sent[4]).to.deep.include({ granted: ['necessary'], denied: ['analytics', 'marketing'], givenAt: sent[0]!.givenAt });
    expect(sent.every((record) => validateConsentLogRecord(record).ok)).to.equal(true);
  });

  it('sends the notice content only with the first record of this browser that carries its hash', async () => {
    const { config } = logged();
    const element = await mountManager(config);
    element.acceptAll();
    await recordsSent(1);
    element.rejectAll();
    const [first, second] = await recordsSent(2);
    expect(first!.notice.content).to.be.an('object');
    expect(second!.notice).to.deep.equal({ hash: first!.notice.hash });
  });

  it('records a choice made on a placeholder as such', async () => {
    const { config } = logged();
    await mountManager(config);
    const frame = document.createElement('iframe');
    frame.setAttribute('data-consent', 'marketing');
    frame.setAttribute('data-src', '/test/fixtures/frame.html');
    document.body.append(frame);
    try {
      await waitFor(() => frame.parentElement?.localName === 'consent-placeholder', 3000, 'the placeholder');
      const placeholder = frame.parentElement as HTMLElement & { updateComplete: Promise<unknown> };
      await placeholder.updateComplete;
      placeholder.shadowRoot!.querySelector('button')!.click();
    } finally {
      (frame.parentElement?.localName === 'consent-placeholder' ? frame.parentElement : frame).remove();
    }
    const [sent] = await recordsSent(1);
    expect(sent).to.deep.include({ method: 'placeholder', action: 'given', granted: ['necessary', 'marketing'] });
  });

  it('records a Global Privacy Control override made on load, with the GPC line in the notice', async () => {
    const restore = setGlobalPrivacyControl(true);
    try {
      const id = storeChoice(['necessary', 'analytics', 'marketing'], []);
      const { config } = logged();
      await mountManager(config);
      const [sent] = await recordsSent(1);
      expect(sent).to.deep.include({ consentId: id, action: 'withdrawn', method: 'gpc', gpc: true, granted: ['necessary', 'analytics'], denied: ['marketing'] });
      expect(sent!.notice.content!.texts.gpc).to.equal('Your browser sends a Global Privacy Control signal, and we respect it.');
    } finally {
      restore();
    }
  });

  it('sends nothing for a page load that applies a stored choice, a reset of no choice, or a config change', async () => {
    storeChoice(['necessary', 'analytics'], ['marketing']);
    const { config } = logged();
    const element = await mountManager(config);
    expect(element.decided).to.equal(true);
    element.config = { ...config, texts: { bannerTitle: 'Changed wording' } };
    await element.updateComplete;
    // The one decision below is the first thing sent: nothing went before it.
    element.save({ marketing: true });
    const sent = await recordsSent(1);
    expect(sent.map(({ method, action }) => [method, action])).to.deep.equal([['api', 'changed']]);
    element.reset();
    element.reset();
    await recordsSent(2);
    element.acceptAll();
    expect((await recordsSent(3)).map(({ action }) => action)).to.deep.equal(['changed', 'reset', 'given']);
  });

  it('sends nothing for a choice made in another tab', async () => {
    const { config } = logged();
    const element = await mountManager(config);
    const now = Math.floor(Date.now() / 1000);
    const value = encodeRecord({ version: 1, id: 'BBBBBBBBBBBBBBBBBBBBBB', revision: 0, createdAt: now, updatedAt: now, granted: ['necessary', 'marketing'], denied: ['analytics'], method: 'banner', gpc: false, language: 'en' });
    const synced = nextEvent(element, 'consent-change');
    // The other tab stores its choice, then tells this one, which re-reads storage.
    document.cookie = `consent=${value}; Path=/`;
    const channel = new BroadcastChannel('consent-manager:consent');
    channel.postMessage({ type: 'consent-changed', value });
    channel.close();
    expect((await synced).detail.source).to.equal('sync');
    element.rejectAll();
    const sent = await recordsSent(1);
    expect(sent.map(({ method }) => method)).to.deep.equal(['api']);
  });

  it("sends no record to another origin through an injected <base>: a relative endpoint is the page's own", async () => {
    const base = document.createElement('base');
    base.href = 'https://attacker.example/';
    document.head.prepend(base);
    try {
      const element = await mountManager(logged().config);
      element.acceptAll();
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      base.remove();
    }
    expect(posts.map(({ url }) => url)).to.deep.equal([]);
    // A base on the page's own origin is the site's: the endpoint follows it, as links do.
    const own = document.createElement('base');
    own.href = new URL('/test-log/based/', location.href).href;
    document.head.prepend(own);
    try {
      run += 1;
      const element = await mountManager({ categories: CATEGORIES, consentLog: { endpoint: `${run}/v1/records` } });
      element.acceptAll();
      await recordsSent(1);
    } finally {
      own.remove();
    }
    expect(posts.map(({ url }) => url)).to.deep.equal([new URL(`/test-log/based/${run}/v1/records`, location.href).href]);
    // An endpoint that names its host goes there, whatever the base: the site said so.
    posts.length = 0;
    run += 1;
    const named = await mountManager({ categories: CATEGORIES, consentLog: { endpoint: `//log.example/test-log/${run}/v1/records` } });
    named.acceptAll();
    await recordsSent(1);
    expect(posts.map(({ url }) => url)).to.deep.equal([`${location.protocol}//log.example/test-log/${run}/v1/records`]);
  });

  it('sends nothing, and loads nothing, without a consentLog in the config', async () => {
    const element = await mountManager({ categories: CATEGORIES });
    element.acceptAll();
    const { config } = logged();
    const other = await mountManager(config);
    other.rejectAll();
    const sent = await recordsSent(1);
    expect(sent.map(({ action }) => action)).to.deep.equal(['withdrawn']);
  });

  it('queues a record the log could not take, and sends it once the browser is back online', async () => {
    answer = 503;
    const { config } = logged({ storage: { cookieName: 'logged' } });
    const element = await mountManager(config);
    element.acceptAll();
    const [sent] = await recordsSent(1);
    await waitFor(() => localStorage.getItem('logged.log-queue') !== null, 2000, 'the queue');
    expect((JSON.parse(localStorage.getItem('logged.log-queue')!) as { records: ConsentLogRecord[] }).records.map(({ recordId }) => recordId)).to.deep.equal([sent!.recordId]);
    answer = 202;
    window.dispatchEvent(new Event('online'));
    await recordsSent(2);
    expect(records()[1]!.recordId).to.equal(sent!.recordId);
    await waitFor(() => localStorage.getItem('logged.log-queue') === null, 2000, 'the queue to empty');
  });

  it('loads the log client on a later page when records wait in the queue, and sends them', async () => {
    const { config, endpoint } = logged();
    const queued = { recordId: 'queued-record-000001', consentId: 'AAAAAAAAAAAAAAAAAAAAAA', action: 'given', notice: { hash: 'f'.repeat(64) } };
    localStorage.setItem('consent.log-queue', JSON.stringify({ records: [queued], attempts: 0, retryAt: 0 }));
    storeChoice(['necessary'], ['analytics', 'marketing']);
    await mountManager(config);
    const [sent] = await recordsSent(1);
    expect(sent).to.deep.equal(queued);
    expect(posts[0]!.url).to.equal(new URL(endpoint, location.href).href);
  });
});
