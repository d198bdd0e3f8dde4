import { expect } from '@open-wc/testing';
import type { ConsentLogRecord } from '../../src/core/consent-log-record.js';
import { ConsentLogClient, FIRST_RETRY_DELAY, MAX_KEEPALIVE_BODY, MAX_QUEUED_RECORDS, MAX_REMEMBERED_NOTICES, MAX_RETRY_DELAY, retryDelay, type QueueStorage } from '../../src/dom/consent-log-client.js';
import type { Diagnostic } from '../../src/diagnostics/report.js';

const KEYS = { queue: 'consent.log-queue', notices: 'consent.log-notices' };
const ENDPOINT = 'https://log.example/v1/records';

let serial = 0;
function record(overrides: Partial<ConsentLogRecord> = {}): ConsentLogRecord {
  serial += 1;
  return {
    recordId: `record-${String(serial).padStart(12, '0')}`,
    consentId: '3q2-7wE8Tn6J0c1YbXk1vA',
    action: 'given',
    granted: ['necessary', 'analytics'],
    denied: ['marketing'],
    method: 'banner',
    revision: 0,
    language: 'en',
    gpc: false,
    givenAt: 1_763_800_000,
    changedAt: 1_763_800_000,
    url: 'https://shop.example/',
    notice: { hash: 'a'.repeat(64) },
    component: { name: 'consent-manager-element', version: '0.1.0' },
    ...overrides,
  };
}

/** localStorage stand-in; `blocked` makes every call throw, as in a sandboxed frame. */
class FakeStorage implements QueueStorage {
  readonly items = new Map<string, string>();
  blocked = false;
  getItem(key: string): string | null {
    this.#check();
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.#check();
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.#check();
    this.items.delete(key);
  }
  #check(): void {
    if (this.blocked) throw new DOMException('The operation is insecure.', 'SecurityError');
  }
}

interface Sent {
  readonly url: string;
  readonly init: RequestInit;
  readonly records: ConsentLogRecord[];
}

/**
 * A page's world: storage, a clock, timers run by hand, and a server whose answer each test
 * sets (a status, or `'offline'` for a network failure).
 */
function world() {
  const storage = new FakeStorage();
  const sent: Sent[] = [];
  const warnings: Diagnostic[] = [];
  const timers: { callback: () => void; at: number }[] = [];
  const state = { now: 1_000_000, answer: 202 as number | 'offline' | ((records: ConsentLogRecord[]) => number), random: 0.5 };
  const fakeFetch = (async (url: string, init: RequestInit) => {
    const body = JSON.parse(init.body as string) as ConsentLogRecord | { records: ConsentLogRecord[] };
    const records = 'records' in body ? body.records : [body];
    sent.push({ url, init, records });
    // The answer comes in a later task, as from a network.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const answer = typeof state.answer === 'function' ? state.answer(records) : state.answer;
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    return new Response(null, { status: answer });
  }) as typeof fetch;
  const client = (): ConsentLogClient =>
    new ConsentLogClient({
      endpoint: ENDPOINT,
      keys: KEYS,
      storage: () => storage,
      fetch: fakeFetch,
      warn: (diagnostic) => warnings.push(diagnostic),
      now: () => state.now,
      random: () => state.random,
      setTimeout: (callback, milliseconds) => {
        const timer = { callback, at: state.now + milliseconds };
        timers.push(timer);
        return timer;
      },
      clearTimeout: (handle) => {
        const at = timers.indexOf(handle as (typeof timers)[number]);
        if (at >= 0) timers.splice(at, 1);
      },
    });
  const queued = (): ConsentLogRecord[] => {
    const raw = storage.items.get(KEYS.queue);
    return raw ? (JSON.parse(raw) as { records: ConsentLogRecord[] }).records : [];
  };
  /** Moves the clock on and runs the timers that are due; resolves once their flushes are over. */
  const advance = async (milliseconds: number): Promise<void> => {
    state.now += milliseconds;
    const due = timers.filter((timer) => timer.at <= state.now);
    for (const timer of due) timers.splice(timers.indexOf(timer), 1);
    for (const timer of due) timer.callback();
    // Long enough for the answers to the requests those timers made.
    for (let task = 0; task < 5; task++) await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { storage, sent, warnings, timers, state, client, queued, advance };
}

describe('ConsentLogClient', () => {
  it('posts one record as JSON with keepalive and no credentials, and empties the queue once the server accepts it', async () => {
    const page = world();
    const first = record();
    await page.client().send(first);
    expect(page.sent).to.have.length(1);
    const [{ url, init }] = page.sent as [Sent];
    expect(url).to.equal(ENDPOINT);
    expect(init.method).to.equal('POST');
    expect(init.keepalive).to.equal(true);
    expect(init.credentials).to.equal('omit');
    // A simple request: no preflight to make while a page unloads.
    expect(new Headers(init.headers).get('content-type')).to.match(/^text\/plain/);
    expect(JSON.parse(init.body as string)).to.deep.equal(first);
    expect(page.storage.items.has(KEYS.queue)).to.equal(false);
    expect(page.warnings).to.deep.equal([]);
  });

  it('writes the record to localStorage before the request goes out', async () => {
    const page = world();
    let queuedWhileSending: ConsentLogRecord[] = [];
    page.state.answer = () => {
      queuedWhileSending = page.queued();
      return 202;
    };
    const first = record();
    await page.client().send(first);
    expect(queuedWhileSending.map(({ recordId }) => recordId)).to.deep.equal([first.recordId]);
  });

  for (const [failure, answer] of [
    ['offline (fetch rejects)', 'offline'],
    ['server error', 500],
    ['server unavailable', 503],
    ['rate limited', 429],
    ['request timeout', 408],
  ] as const) {
    it(`keeps the record queued when the log answers ${failure}, and retries after a backoff that doubles`, async () => {
      const page = world();
      page.state.answer = answer;
      const first = record();
      await page.client().send(first);
      expect(page.queued().map(({ recordId }) => recordId)).to.deep.equal([first.recordId]);
      // random 0.5: three quarters of the full delay.
      expect(page.timers.map(({ at }) => at - page.state.now)).to.deep.equal([FIRST_RETRY_DELAY * 0.75]);
      await page.advance(FIRST_RETRY_DELAY * 0.75 - 1);
      expect(page.sent).to.have.length(1);
      await page.advance(1);
      expect(page.sent).to.have.length(2);
      expect(page.timers.map(({ at }) => at - page.state.now)).to.deep.equal([FIRST_RETRY_DELAY * 2 * 0.75]);
      page.state.answer = 202;
      await page.advance(FIRST_RETRY_DELAY * 2 * 0.75);
      expect(page.sent).to.have.length(3);
      expect(page.queued()).to.deep.equal([]);
      expect(page.sent.every(({ records }) => records[0]!.recordId === first.recordId)).to.equal(true);
    });
  }

  it('spreads retries between half and all of a delay that doubles up to an hour', () => {
    expect(retryDelay(1, 0)).to.equal(FIRST_RETRY_DELAY / 2);
    expect(retryDelay(1, 0.999_999)).to.be.closeTo(FIRST_RETRY_DELAY, 5);
    expect(retryDelay(3, 0)).to.equal(FIRST_RETRY_DELAY * 2);
    expect(retryDelay(50, 0.999_999)).to.be.closeTo(MAX_RETRY_DELAY, 5);
    expect(retryDelay(50, 0)).to.equal(MAX_RETRY_DELAY / 2);
  });

  it('sends what an earlier page left queued, once its backoff is over, and not before', async () => {
    const page = world();
    page.state.answer = 'offline';
    const first = record();
    await page.client().send(first);
    page.state.answer = 202;
    // The next page: a new client on the same storage, before the retry time.
    page.timers.length = 0;
    const next = page.client();
    await next.flush();
    expect(page.sent).to.have.length(1);
    expect(page.timers).to.have.length(1);
    await page.advance(FIRST_RETRY_DELAY);
    expect(page.sent).to.have.length(2);
    expect(page.queued()).to.deep.equal([]);
  });

  it('retries at once when the browser comes back online, whatever the backoff', async () => {
    const page = world();
    page.state.answer = 'offline';
    const target = new EventTarget();
    const client = page.client();
    const stop = client.listen(target as Window);
    await client.send(record());
    page.state.answer = 202;
    target.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await client.flush();
    expect(page.sent).to.have.length(2);
    expect(page.queued()).to.deep.equal([]);
    stop();
  });

  it('sends a new decision at once even while earlier records wait for their backoff, all in one batch', async () => {
    const page = world();
    page.state.answer = 'offline';
    const client = page.client();
    const first = record();
    await client.send(first);
    page.state.answer = 202;
    const second = record();
    await client.send(second);
    expect(page.sent).to.have.length(2);
    expect(page.sent[1]!.records.map(({ recordId }) => recordId)).to.deep.equal([first.recordId, second.recordId]);
    expect(JSON.parse(page.sent[1]!.init.body as string)).to.have.property('records');
    expect(page.queued()).to.deep.equal([]);
  });

  it('keeps at most MAX_QUEUED_RECORDS, dropping the oldest, with one console warning', async () => {
    const page = world();
    page.state.answer = 'offline';
    const client = page.client();
    const records = Array.from({ length: MAX_QUEUED_RECORDS + 3 }, () => record());
    for (const item of records) await client.send(item);
    expect(page.queued().map(({ recordId }) => recordId)).to.deep.equal(records.slice(3).map(({ recordId }) => recordId));
    expect(page.warnings).to.deep.equal([{ code: 'consent-log-dropped', count: 1, limit: MAX_QUEUED_RECORDS }]);
  });

  it('drops a record the server refuses as invalid (400), with a warning, and keeps sending the rest', async () => {
    const page = world();
    const bad = record();
    page.state.answer = (records) => (records.some(({ recordId }) => recordId === bad.recordId) ? 400 : 202);
    await page.client().send(bad);
    expect(page.queued()).to.deep.equal([]);
    expect(page.warnings).to.deep.equal([{ code: 'consent-log-refused', status: 400, count: 1, endpoint: ENDPOINT, dropped: true }]);
  });

  it('sends a refused batch one record at a time, so one bad record does not take the good ones with it', async () => {
    const page = world();
    page.state.answer = 'offline';
    const client = page.client();
    const good = record();
    const bad = record();
    await client.send(good);
    await client.send(bad);
    page.state.answer = (records) => (records.some(({ recordId }) => recordId === bad.recordId) ? 400 : 202);
    await client.flush(true);
    const accepted = page.sent.filter(({ records }) => records.length === 1 && records[0]!.recordId === good.recordId);
    expect(accepted.length).to.be.greaterThan(0);
    expect(page.queued()).to.deep.equal([]);
    expect(page.warnings.filter(({ code }) => code === 'consent-log-refused')).to.have.length(1);
  });

  it('halves the batch when the server says it is too large (413)', async () => {
    const page = world();
    page.state.answer = 'offline';
    const client = page.client();
    for (let index = 0; index < 4; index++) await client.send(record());
    page.state.answer = (records) => (records.length > 2 ? 413 : 202);
    await client.flush(true);
    expect(page.queued()).to.deep.equal([]);
    expect(page.sent.slice(-2).map(({ records }) => records.length)).to.deep.equal([2, 2]);
  });

  it('keeps records the server refuses for a reason a fix on its side lifts (403, 404), warning once', async () => {
    const page = world();
    page.state.answer = 403;
    const client = page.client();
    await client.send(record());
    await client.send(record());
    expect(page.queued()).to.have.length(2);
    expect(page.warnings).to.deep.equal([{ code: 'consent-log-refused', status: 403, count: 1, endpoint: ENDPOINT, dropped: false }]);
  });

  it('keeps each request within the keepalive body limit, and sends an oversized record without keepalive', async () => {
    const page = world();
    page.state.answer = 'offline';
    const client = page.client();
    const big = (): ConsentLogRecord =>
      record({ notice: { hash: 'b'.repeat(64), content: { language: 'en', texts: { bannerDescription: 'x'.repeat(25_000) }, categories: [], policyUrl: null } } });
    await client.send(big());
    await client.send(big());
    await client.send(big());
    page.state.answer = 202;
    page.sent.length = 0;
    await client.flush(true);
    expect(page.sent.map(({ records }) => records.length)).to.deep.equal([2, 1]);
    expect(page.sent.every(({ init }) => (init.body as string).length <= MAX_KEEPALIVE_BODY && init.keepalive === true)).to.equal(true);
    const huge = record({ notice: { hash: 'c'.repeat(64), content: { language: 'en', texts: { bannerDescription: 'x'.repeat(MAX_KEEPALIVE_BODY) }, categories: [], policyUrl: null } } });
    await client.send(huge);
    expect(page.sent.at(-1)!.init.keepalive).to.equal(false);
    expect(page.queued()).to.deep.equal([]);
  });

  it('remembers the notices the server has, so their content is sent once, and only after it was accepted', async () => {
    const page = world();
    const client = page.client();
    const hash = 'd'.repeat(64);
    const content = { language: 'en', texts: { bannerTitle: 'Cookies' }, categories: [], policyUrl: null };
    page.state.answer = 'offline';
    await client.send(record({ notice: { hash, content } }));
    expect(client.hasNotice(hash)).to.equal(false);
    page.state.answer = 202;
    await client.flush(true);
    expect(client.hasNotice(hash)).to.equal(true);
    // Another page of the same browser knows it too.
    expect(page.client().hasNotice(hash)).to.equal(true);
    // A record without content does not make its hash known.
    await client.send(record({ notice: { hash: 'e'.repeat(64) } }));
    expect(client.hasNotice('e'.repeat(64))).to.equal(false);
  });

  it(`remembers at most ${MAX_REMEMBERED_NOTICES} notices, forgetting the least recently sent`, async () => {
    const page = world();
    const client = page.client();
    const hashes = Array.from({ length: MAX_REMEMBERED_NOTICES + 2 }, (_, index) => index.toString(16).padStart(64, '0'));
    for (const hash of hashes) await client.send(record({ notice: { hash, content: { language: 'en', texts: {}, categories: [], policyUrl: null } } }));
    expect(hashes.map((hash) => client.hasNotice(hash))).to.deep.equal([false, false, ...Array<boolean>(MAX_REMEMBERED_NOTICES).fill(true)]);
    expect((JSON.parse(page.storage.items.get(KEYS.notices)!) as string[]).length).to.equal(MAX_REMEMBERED_NOTICES);
  });

  it('keeps the queue in memory when localStorage is blocked, with one warning, and still delivers', async () => {
    const page = world();
    page.storage.blocked = true;
    page.state.answer = 'offline';
    const client = page.client();
    const first = record();
    await client.send(first);
    await client.send(record());
    expect(client.queued).to.have.length(2);
    expect(page.warnings).to.deep.equal([{ code: 'consent-log-memory' }]);
    page.state.answer = 202;
    await client.flush(true);
    expect(client.queued).to.deep.equal([]);
    expect(page.sent.at(-1)!.records[0]!.recordId).to.equal(first.recordId);
  });

  it('keeps the record in memory when localStorage is full', async () => {
    const page = world();
    page.storage.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    page.state.answer = 'offline';
    const client = page.client();
    await client.send(record());
    expect(client.queued).to.have.length(1);
    expect(page.warnings.map(({ code }) => code)).to.deep.equal(['consent-log-memory']);
  });

  it('starts afresh from a queue value that is not its own, without throwing', async () => {
    for (const value of ['not json', '{"records":"x"}', 'null', '[1,2]', '{"records":[],"attempts":"a","retryAt":0}']) {
      const page = world();
      page.storage.items.set(KEYS.queue, value);
      page.storage.items.set(KEYS.notices, value);
      const client = page.client();
      await client.flush();
      expect(page.sent, value).to.deep.equal([]);
      await client.send(record());
      expect(page.sent, value).to.have.length(1);
      expect(client.hasNotice('x'), value).to.equal(false);
    }
  });

  it('never sends a record twice at the same time from one page', async () => {
    const page = world();
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const client = new ConsentLogClient({
      endpoint: ENDPOINT,
      keys: KEYS,
      storage: () => page.storage,
      warn: () => undefined,
      fetch: (async (_url: string, init: RequestInit) => {
        const body = JSON.parse(init.body as string) as ConsentLogRecord | { records: ConsentLogRecord[] };
        page.sent.push({ url: ENDPOINT, init, records: 'records' in body ? body.records : [body] });
        await held;
        return new Response(null, { status: 202 });
      }) as typeof fetch,
    });
    const first = record();
    const second = record();
    const sending = [client.send(first), client.send(second), client.flush(true)];
    release();
    await Promise.all(sending);
    const sentIds = page.sent.flatMap(({ records }) => records.map(({ recordId }) => recordId));
    expect(sentIds.filter((id) => id === first.recordId)).to.have.length(1);
    expect(sentIds).to.include(second.recordId);
    expect(page.queued()).to.deep.equal([]);
  });
});
