import { expect } from '@open-wc/testing';
import { OWN_WRITE_SETTLE_MS, REREAD_DELAYS_MS, TabSync } from '../../src/dom/tab-sync.js';

/**
 * A window with a clock the test moves: timers run when `advance` passes them, and messages go
 * through a channel the test posts on as "another tab". Everything TabSync touches, nothing more.
 */
function fakeWindow() {
  let now = 10_000;
  let nextTimer = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const channels: FakeChannel[] = [];
  class FakeChannel extends EventTarget {
    constructor(readonly name: string) {
      super();
      channels.push(this);
    }
    postMessage(): void {
      // What this tab posts goes to the others, not back to itself.
    }
    close(): void {
      channels.splice(channels.indexOf(this), 1);
    }
  }
  const win = Object.assign(new EventTarget(), {
    document: Object.assign(new EventTarget(), { visibilityState: 'visible' }),
    performance: { now: () => now },
    BroadcastChannel: FakeChannel,
    localStorage: window.localStorage,
    setTimeout: (run: () => void, delay: number) => {
      const id = nextTimer++;
      timers.set(id, { at: now + delay, run });
      return id;
    },
    clearTimeout: (id: number | undefined) => void timers.delete(id!),
  });
  return {
    win: win as unknown as Window & typeof globalThis,
    /** Moves the clock on by `ms`, running each timer due on the way, in time order. */
    advance(ms: number): void {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter(([, timer]) => timer.at <= end).sort(([, a], [, b]) => a.at - b.at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].run();
      }
      now = end;
    },
    /** A change message from another tab, as BroadcastChannel delivers it. */
    otherTabChanged(): void {
      for (const channel of channels) channel.dispatchEvent(new MessageEvent('message', { data: { type: 'consent-changed' } }));
    },
    get now() {
      return now;
    },
  };
}

describe('TabSync: reading another tab change', () => {
  it('reads storage on a message from another tab, and again after each reread delay', () => {
    const page = fakeWindow();
    const readsAt: number[] = [];
    const sync = new TabSync('consent', () => readsAt.push(page.now), page.win);
    sync.start();
    const start = page.now;
    page.otherTabChanged();
    page.advance(Math.max(...REREAD_DELAYS_MS) + 10);
    expect(readsAt.map((at) => at - start)).to.deep.equal([0, ...REREAD_DELAYS_MS]);
    sync.stop();
  });

  it('never reads while its own write settles: a store answering the replaced value just after a write cannot bring it back', () => {
    const page = fakeWindow();
    // The store WebKit showed: for a moment after this tab writes, a read answers the value the write replaced.
    const replaced = 'analytics granted';
    let stored = replaced;
    let writtenAt = Number.NEGATIVE_INFINITY;
    const read = (): string => (page.now - writtenAt < OWN_WRITE_SETTLE_MS - 100 ? replaced : stored);
    const applied: string[] = [];
    const sync = new TabSync('consent', () => applied.push(read()), page.win);
    sync.start();

    // This tab withdraws; a message from another tab (of an earlier change) arrives right after.
    stored = 'analytics denied';
    writtenAt = page.now;
    sync.announce();
    page.advance(20);
    page.otherTabChanged();
    page.advance(OWN_WRITE_SETTLE_MS - 30);
    expect(applied, 'nothing read before the write settled').to.deep.equal([]);
    page.advance(2000);
    expect(applied, 'read once, after it settled, and the withdrawal holds').to.deep.equal(['analytics denied']);
    sync.stop();
  });

  it('still applies another tab change made while its own write settles, once it has', () => {
    const page = fakeWindow();
    let stored = 'mine';
    const applied: string[] = [];
    const sync = new TabSync('consent', () => applied.push(stored), page.win);
    sync.start();
    sync.announce();
    page.advance(100);
    stored = 'the other tab';
    page.otherTabChanged();
    page.advance(OWN_WRITE_SETTLE_MS);
    expect(applied).to.deep.equal(['the other tab']);
  });

  it('reads at once when its own write is long settled', () => {
    const page = fakeWindow();
    let reads = 0;
    const sync = new TabSync('consent', () => reads++, page.win);
    sync.start();
    sync.announce();
    page.advance(OWN_WRITE_SETTLE_MS + 1);
    page.otherTabChanged();
    expect(reads).to.equal(1);
    sync.stop();
  });

  it('reads nothing after stop, even a read postponed for its own write', () => {
    const page = fakeWindow();
    let reads = 0;
    const sync = new TabSync('consent', () => reads++, page.win);
    sync.start();
    sync.announce();
    page.otherTabChanged();
    sync.stop();
    page.advance(OWN_WRITE_SETTLE_MS * 2);
    page.otherTabChanged();
    expect(reads).to.equal(0);
  });
});
