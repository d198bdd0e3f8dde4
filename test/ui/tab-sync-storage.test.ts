import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { decodeRecord, encodeRecord } from '../../src/core/record.js';
import { blockCookies, nextEvent, waitFor } from '../helpers/page-state.js';
import { CATEGORIES, isolateUiTests, mountManager } from '../helpers/ui.js';

/** A choice another tab stored: marketing granted, analytics denied. */
function recordFromElsewhere(id: string): string {
  const now = Math.floor(Date.now() / 1000);
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
    await waitFor(() => element.record?.id === 'BBBBBBBBBBBBBBBBBBBBBB', 1000, 'the choice from the other tab');
    expect(element.consent).to.deep.equal({ necessary: true, analytics: false, marketing: true });
  });

  it('is applied within a second from the value a BroadcastChannel message carries', async () => {
    const element = await mountManager({ categories: CATEGORIES });
    const value = recordFromElsewhere('CCCCCCCCCCCCCCCCCCCCCC');
    localStorage.setItem('consent', value);
    postFromElsewhere({ type: 'consent-changed', value });
    await waitFor(() => element.isAllowed('marketing'), 1000, 'the choice from the other tab');
    expect(element.record?.id).to.equal('CCCCCCCCCCCCCCCCCCCCCC');
    postFromElsewhere({ type: 'consent-changed', value: null });
    await waitFor(() => !element.decided, 1000, 'the reset from the other tab');
  });
});
