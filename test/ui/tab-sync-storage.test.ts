import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { decodeRecord, encodeRecord } from '../../src/core/record.js';
import { REREAD_DELAYS_MS } from '../../src/dom/tab-sync.js';
import { blockCookies, nextEvent, setGlobalPrivacyControl, waitFor } from '../helpers/page-state.js';
import { CATEGORIES, isolateUiTests, mountManager } from '../helpers/ui.js';

/** A choice another tab stored: marketing granted, analytics denied. */
function recordFromElsewhere(id: string, now = Math.floor(Date.now() / 1000)): string {
  return encodeRecord({ version: 1, id, revision: 0, createdAt: now, updatedAt: now, granted: ['necessary', 'marketing'], denied: ['analytics'], method: 'banner', gpc: false, language: 'en' });
}

/**
 * A `storage` event as the browser sends it to the other tabs. It is dispatched here because a
 * browser never sends one to the tab that wrote; another tab's write is what it stands for.
 */
function storageEventFromElsewhere(key: string | null, newValue: string | null): void {
  window.dispatchEvent(new StorageEvent('storage', { key, newValue, storageArea: localStorage, url: location.href }));
}

/** Posts on the channel the element listens to, as another tab's element would (src/dom/tab-sync.ts). */
function postFromElsewhere(message: unknown): void {
  const channel = new BroadcastChannel('consent-manager:consent');
  channel.postMessage(message);
  channel.close();
}

describe('a choice made in another tab while cookies are blocked and the choice lives in localStorage', () => {
  let restoreCookies = (): void => undefined;
  // Registered before isolateUiTests, so cookies work again when its clean-up clears them.
  afterEach(() => restoreCookies());
  isolateUiTests();
  beforeEach(() => {
    restoreCookies = blockCookies();
  });

  it('is applied within a second when the storage event names the record', async () => {
    const element = await mountManager({ categories: CATEGORIES });
    expect(element.decided).to.equal(false);
    const change = nextEvent(element, 'consent-change');
    localStorage.setItem('consent', recordFromElsewhere('AAAAAAAAAAAAAAAAAAAAAA'));
    storageEventFromElsewhere('consent', localStorage.getItem('consent'));
    await waitFor(() => element.isAllowed('marketing'), 1000, 'the choice from the other tab');
    expect(element.consent).to.deep.equal({ necessary: true, analytics: false, marketing: true });
    expect(element.record?.id).to.equal('AAAAAAAAAAAAAAAAAAAAAA');
    expect((await change).detail.source).to.equal('sync');

    // The other tab forgets the choice (its site data cleared: the event names no key).
    localStorage.removeItem('consent');
    storageEventFromElsewhere(null, null);
    await waitFor(() => !element.decided, 1000, 'the reset from the other tab');
  });

  it('replaces this tab’s own choice, read back from localStorage, when the other tab’s message does not carry a usable value', async () => {
    const element = await mountManager({ categories: CATEGORIES });
    element.acceptAll();
    expect(decodeRecord(localStorage.getItem('consent'))?.id, 'this tab stored its choice in localStorage').to.equal(element.record?.id);
    localStorage.setItem('consent', recordFromElsewhere('BBBBBBBBBBBBBBBBBBBBBB'));
    // A value that does not decode: the element falls back to reading storage, where cookies are blocked.
    postFromElsewhere({ type: 'consent-changed', value: 'not-a-record' });
    // Just after this tab's own write, storage is read once that write has settled (OWN_WRITE_SETTLE_MS):
    // WebKit can still answer the replaced value for a moment.
    await waitFor(() => element.record?.id === 'BBBBBBBBBBBBBBBBBBBBBB', 3000, 'the choice from the other tab');
    expect(element.consent).to.deep.equal({ necessary: true, analytics: false, marketing: true });
  });

  it('is applied within a second from the value a BroadcastChannel message carries', async () => {
    const element = await mountManager({ categories: CATEGORIES });
    const value = recordFromElsewhere('CCCCCCCCCCCCCCCCCCCCCC');
    localStorage.setItem('consent', value);
    postFromElsewhere({ type: 'consent-changed', value });
    await waitFor(() => element.isAllowed('marketing'), 1000, 'the choice from the other tab');
    expect(element.record?.id).to.equal('CCCCCCCCCCCCCCCCCCCCCC');
    localStorage.removeItem('consent');
    postFromElsewhere({ type: 'consent-changed', value: null });
    await waitFor(() => !element.decided, 1000, 'the reset from the other tab');
  });
});

/**
 * Counts the re-reads of storage that messages schedule from now on (src/dom/tab-sync.ts sets
 * one timer per entry of REREAD_DELAYS_MS on the window). `done(messages)` waits until that many
 * messages have each scheduled theirs and every one has run: the proof that storage was read
 * again after the last message, without waiting out a fixed time.
 */
function watchRereads(): { done: (messages: number) => Promise<void>; restore: () => void } {
  // An own property of the window, as WebIDL puts the global object's operations; else inherited.
  const saved = Object.getOwnPropertyDescriptor(window, 'setTimeout');
  const original = window.setTimeout.bind(window);
  const ran: Promise<void>[] = [];
  const watching = ((handler: TimerHandler, delay?: number, ...rest: unknown[]): number => {
    if (typeof handler !== 'function' || !REREAD_DELAYS_MS.includes(delay ?? 0)) return original(handler, delay, ...rest);
    let finished = (): void => undefined;
    ran.push(new Promise<void>((resolve) => (finished = resolve)));
    return original(
      (...args: unknown[]) => {
        try {
          (handler as (...args: unknown[]) => void)(...args);
        } finally {
          finished();
        }
      },
      delay,
      ...rest,
    );
  }) as typeof window.setTimeout;
  window.setTimeout = watching;
  return {
    async done(messages) {
      const expected = messages * REREAD_DELAYS_MS.length;
      await waitFor(() => ran.length >= expected, 3000, `the re-reads of ${messages} messages`);
      await Promise.all(ran);
    },
    restore: () => {
      if (saved) Object.defineProperty(window, 'setTimeout', saved);
      else Reflect.deleteProperty(window, 'setTimeout');
    },
  };
}

describe('tab messages are hints: storage decides, by the rules of a page load', () => {
  let restoreCookies = (): void => undefined;
  let restoreGpc = (): void => undefined;
  let restoreTimers = (): void => undefined;
  afterEach(() => {
    restoreTimers();
    restoreTimers = () => undefined;
    restoreCookies();
    restoreGpc();
    restoreGpc = () => undefined;
  });
  isolateUiTests();
  beforeEach(() => {
    restoreCookies = blockCookies();
  });

  it('keeps a stored choice when a message (BroadcastChannel or storage event) says it was forgotten', async () => {
    const element = await mountManager({ categories: CATEGORIES });
    element.save({ marketing: true });
    const changes: unknown[] = [];
    element.addEventListener('consent-change', (event) => changes.push(event));
    const rereads = watchRereads();
    restoreTimers = rereads.restore;
    postFromElsewhere({ type: 'consent-changed', value: null });
    postFromElsewhere({ type: 'consent-changed', value: '' });
    storageEventFromElsewhere('consent:changed', JSON.stringify({ type: 'consent-changed', value: null, at: Date.now() }));
    await rereads.done(3);
    expect(element.decided).to.equal(true);
    expect(element.isAllowed('marketing')).to.equal(true);
    expect(changes, 'no change announced').to.deep.equal([]);
  });

  it('never lets a replayed older grant override a newer stored rejection', async () => {
    const element = await mountManager({ categories: CATEGORIES });
    const olderGrant = recordFromElsewhere('DDDDDDDDDDDDDDDDDDDDDD', Math.floor(Date.now() / 1000) - 60);
    element.rejectAll();
    const rereads = watchRereads();
    restoreTimers = rereads.restore;
    postFromElsewhere({ type: 'consent-changed', value: olderGrant });
    storageEventFromElsewhere('consent:changed', JSON.stringify({ type: 'consent-changed', value: olderGrant, at: Date.now() }));
    await rereads.done(2);
    expect(element.isAllowed('marketing')).to.equal(false);
    expect(element.record?.denied).to.include('marketing');
  });

  it('applies Global Privacy Control to a grant another tab stored without it, as on load', async () => {
    restoreGpc = setGlobalPrivacyControl(true);
    const element = await mountManager({ categories: CATEGORIES });
    const change = nextEvent(element, 'consent-change');
    const grant = recordFromElsewhere('GGGGGGGGGGGGGGGGGGGGGG');
    localStorage.setItem('consent', grant);
    postFromElsewhere({ type: 'consent-changed', value: grant });
    const { detail } = await change;
    expect(detail.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false });
    expect(detail.source).to.equal('gpc');
    expect(decodeRecord(localStorage.getItem('consent'))?.method, 'stored with the reason, as on load').to.equal('gpc');
  });
});
