/**
 * Tells the site's other open tabs that the choice changed, so they apply it without a reload.
 * A message carries the record value the tab stored (or `null` after a reset): the receiver
 * validates it as it would a stored value. It does not simply re-read the cookie, because
 * Chromium updates each document's view of `document.cookie` asynchronously and a message can
 * arrive first. BroadcastChannel is used where it exists; elsewhere a localStorage key is set so
 * other tabs get a `storage` event. A tab that becomes visible again re-reads storage, which
 * also covers subdomains that share the cookie but not a channel.
 */

/** The record value another tab stored, `null` after a reset, or `undefined` when unknown (re-read storage). */
export type RemoteValue = string | null | undefined;

interface ChangeMessage {
  readonly type: 'consent-changed';
  readonly value: string | null;
}

function isChangeMessage(data: unknown): data is ChangeMessage {
  const message = data as Partial<ChangeMessage> | null;
  return typeof message === 'object' && message !== null && message.type === 'consent-changed' && (typeof message.value === 'string' || message.value === null);
}

export class TabSync {
  readonly #name: string;
  readonly #onRemoteChange: (value: RemoteValue) => void;
  readonly #win: Window & typeof globalThis;
  #channel: BroadcastChannel | null = null;
  #listening = false;

  /** `name` is the storage key of the record; tabs sharing it share the channel. */
  constructor(name: string, onRemoteChange: (value: RemoteValue) => void, win: Window & typeof globalThis = window) {
    this.#name = name;
    this.#onRemoteChange = onRemoteChange;
    this.#win = win;
  }

  get #pingKey(): string {
    return `${this.#name}:changed`;
  }

  start(): void {
    if (this.#listening) return;
    this.#listening = true;
    if (typeof this.#win.BroadcastChannel === 'function') {
      try {
        const channel = new this.#win.BroadcastChannel(`consent-manager:${this.#name}`);
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
    this.#channel?.close();
    this.#channel = null;
    this.#win.removeEventListener('storage', this.#onStorage);
    this.#win.document.removeEventListener('visibilitychange', this.#onVisibilityChange);
  }

  /** Tells the other tabs that this tab stored `value` (`null`: it forgot the choice). */
  announce(value: string | null): void {
    const message: ChangeMessage = { type: 'consent-changed', value };
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

  readonly #onMessage = (event: MessageEvent): void => {
    if (isChangeMessage(event.data)) this.#onRemoteChange(event.data.value);
  };

  readonly #onStorage = (event: StorageEvent): void => {
    if (event.key === this.#pingKey) {
      let message: unknown = null;
      try {
        message = JSON.parse(event.newValue ?? '');
      } catch {
        // Not ours to parse: fall back to re-reading storage.
      }
      this.#onRemoteChange(isChangeMessage(message) ? message.value : undefined);
    } else if (event.key === this.#name || event.key === null) {
      // The record itself changes in localStorage when cookies are blocked.
      this.#onRemoteChange(undefined);
    }
  };

  readonly #onVisibilityChange = (): void => {
    if (this.#win.document.visibilityState === 'visible') this.#onRemoteChange(undefined);
  };
}
