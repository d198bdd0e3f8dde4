/**
 * Tells the site's other open tabs that the choice changed, so they apply it without a reload.
 * A message is only a hint that storage changed: any script of the origin can send one, so the
 * receiver never takes a value from it, but reads storage again and applies it with the rules
 * of a page load. Chromium updates each document's view of `document.cookie` a moment after
 * another tab's write, and a message can arrive first: storage is read on the message and again
 * a few times shortly after (reading an unchanged store changes nothing). BroadcastChannel is
 * used where it exists; elsewhere a localStorage key is set so other tabs get a `storage` event.
 * A tab that becomes visible again re-reads storage, which also covers subdomains that share
 * the cookie but not a channel.
 */

/** When storage is read again after a message, in milliseconds after it. */
export const REREAD_DELAYS_MS: readonly number[] = [50, 250, 1000];

/**
 * How long after this tab's own write storage is not read for other tabs' changes. WebKit's
 * `document.cookie` can answer the value a write replaced for a moment after it (seen by the
 * element's fuzz test, settled within 1.5 s): read then, it looks like another tab's choice and
 * would bring back what the visitor just withdrew. Reads due in that time wait until it ends, so
 * another tab's choice is still applied, a moment later.
 */
export const OWN_WRITE_SETTLE_MS = 1500;

interface ChangeMessage {
  readonly type: 'consent-changed';
}

/** Whether `data` is a change message. Anything else, `null` and primitives included, has no such `type`. */
function isChangeMessage(data: unknown): data is ChangeMessage {
  return (data as Partial<ChangeMessage> | null | undefined)?.type === 'consent-changed';
}

export class TabSync {
  /** The storage key of the record, which names the channel. */
  readonly name: string;
  /** The localStorage key set to tell other tabs where BroadcastChannel is missing. */
  readonly #pingKey: string;
  readonly #onRemoteChange: () => void;
  readonly #win: Window & typeof globalThis;
  #channel: BroadcastChannel | null = null;
  #listening = false;
  readonly #rereads = new Set<number>();
  /** When this tab last wrote (announced) a change, by `performance.now()`. */
  #ownWriteAt = Number.NEGATIVE_INFINITY;
  /** The read postponed until this tab's own write has settled. */
  #settled: number | undefined;

  /**
   * `name` is the storage key of the record; tabs sharing it share the channel. `onRemoteChange`
   * reads storage again and applies it.
   */
  constructor(name: string, onRemoteChange: () => void, win: Window & typeof globalThis = window) {
    this.name = name;
    this.#pingKey = `${name}:changed`;
    this.#onRemoteChange = onRemoteChange;
    this.#win = win;
  }

  start(): void {
    if (this.#listening) return;
    this.#listening = true;
    if (typeof this.#win.BroadcastChannel === 'function') {
      try {
        const channel = new this.#win.BroadcastChannel(`consent-manager:${this.name}`);
        channel.addEventListener('message', this.#onMessage);
        this.#channel = channel;
      } catch {
        // Opaque origins (sandboxed frames) cannot open a channel; the storage event still works where storage does.
        this.#channel = null;
      }
    }
    this.#win.addEventListener('storage', this.#onStorage);
    this.#win.document.addEventListener('visibilitychange', this.#onVisibilityChange);
  }

  stop(): void {
    this.#listening = false;
    for (const timer of this.#rereads) this.#win.clearTimeout(timer);
    this.#rereads.clear();
    this.#win.clearTimeout(this.#settled);
    this.#settled = undefined;
    this.#channel?.close();
    this.#channel = null;
    this.#win.removeEventListener('storage', this.#onStorage);
    this.#win.document.removeEventListener('visibilitychange', this.#onVisibilityChange);
  }

  /** Whether this tab changed the stored choice so recently that storage may still answer the value it replaced. */
  get settling(): boolean {
    return this.#win.performance.now() - this.#ownWriteAt < OWN_WRITE_SETTLE_MS;
  }

  /** Tells the other tabs that this tab changed the stored choice. */
  announce(): void {
    this.#ownWriteAt = this.#win.performance.now();
    const message: ChangeMessage = { type: 'consent-changed' };
    if (this.#channel) {
      this.#channel.postMessage(message);
      return;
    }
    try {
      // The time makes every write a change, so a repeated value still fires the event.
      this.#win.localStorage.setItem(this.#pingKey, JSON.stringify({ ...message, at: Date.now() }));
    } catch {
      // Storage blocked as well: other tabs will see the change when they become visible.
    }
  }

  /** Reads storage and applies it, or, just after this tab's own write, once that has settled. */
  #read(): void {
    const wait = this.#ownWriteAt + OWN_WRITE_SETTLE_MS - this.#win.performance.now();
    if (wait <= 0) this.#onRemoteChange();
    else
      this.#settled ??= this.#win.setTimeout(() => {
        this.#settled = undefined;
        this.#read();
      }, wait);
  }

  /** Reads storage now and, as another tab's cookie write may not be visible yet, again shortly after. */
  #reread(): void {
    this.#read();
    for (const delay of REREAD_DELAYS_MS) {
      const timer = this.#win.setTimeout(() => {
        this.#rereads.delete(timer);
        this.#read();
      }, delay);
      this.#rereads.add(timer);
    }
  }

  readonly #onMessage = (event: MessageEvent): void => {
    if (isChangeMessage(event.data)) this.#reread();
  };

  readonly #onStorage = (event: StorageEvent): void => {
    // The ping key, or the record itself, which changes in localStorage when cookies are blocked.
    if (event.key === this.#pingKey || event.key === this.name || event.key === null) this.#reread();
  };

  readonly #onVisibilityChange = (): void => {
    if (this.#win.document.visibilityState === 'visible') this.#read();
  };
}
