/** Helpers that put the test page into a given browser state and take it out again. */

/** Removes every cookie this page can see and empties localStorage. */
export function clearBrowserStorage(): void {
  for (const part of document.cookie.split(';')) {
    const name = part.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; Path=/; Max-Age=0`;
  }
  localStorage.clear();
}

/** The raw value of the cookie `name` (the stored consent record by default), or null. */
export function storedCookieValue(name = 'consent'): string | null {
  const value = document.cookie
    .split('; ')
    .find((entry) => entry.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  return value ?? null;
}

/** How the stored choice was given (the record's `m`: banner, preferences, placeholder…), or null. */
export function storedMethod(): string | null {
  const value = storedCookieValue();
  return value === null ? null : new URLSearchParams(decodeURIComponent(value)).get('m');
}

/** Makes `navigator.globalPrivacyControl` return `value` until the returned function is called. */
export function setGlobalPrivacyControl(value: unknown): () => void {
  Object.defineProperty(navigator, 'globalPrivacyControl', { configurable: true, get: () => value });
  return () => {
    delete (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl;
  };
}

function securityError(): DOMException {
  return new DOMException('The operation is insecure.', 'SecurityError');
}

/** Makes `document.cookie` throw, as in a sandboxed frame, until the returned function is called. */
export function blockCookies(): () => void {
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: () => {
      throw securityError();
    },
    set: () => {
      throw securityError();
    },
  });
  return () => {
    delete (document as { cookie?: string }).cookie;
  };
}

/** Makes `document.cookie` accept writes and forget them, as with cookies disabled in settings. */
export function ignoreCookieWrites(): () => void {
  Object.defineProperty(document, 'cookie', { configurable: true, get: () => '', set: () => undefined });
  return () => {
    delete (document as { cookie?: string }).cookie;
  };
}

/** Makes reading `window.localStorage` throw, as when site data is blocked, until the returned function is called. */
export function blockLocalStorage(): () => void {
  // Window is a [Global] interface: localStorage is an own property of window, not of its prototype.
  const original = Object.getOwnPropertyDescriptor(window, 'localStorage');
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get: () => {
      throw securityError();
    },
  });
  return () => {
    if (original) Object.defineProperty(window, 'localStorage', original);
  };
}

/** Resolves with the next event of `type` dispatched on `target`. */
export function nextEvent<K extends keyof GlobalEventHandlersEventMap>(target: EventTarget, type: K): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve) => {
    target.addEventListener(type, (event) => resolve(event as GlobalEventHandlersEventMap[K]), { once: true });
  });
}

/**
 * Waits until `condition` holds, polling every few milliseconds; rejects after `timeoutMs`.
 * Timers, not animation frames: browsers pause animation frames in background tabs, and the
 * test runner keeps several pages open at once.
 */
export async function waitFor(condition: () => boolean, timeoutMs = 2000, what = 'condition'): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Resolves once no cookie of the page matches `pattern` (a substring or a pattern of
 * `document.cookie`); fails after `timeoutMs` if one still does. WebKit can read back, for a
 * moment, a cookie the page has just expired (seen in CI since the adapter files share a page),
 * so a test that a leftover cookie was expired waits for that to show.
 */
export async function cookieGone(pattern: string | RegExp, timeoutMs = 2000): Promise<void> {
  const present = (): boolean => (typeof pattern === 'string' ? document.cookie.includes(pattern) : pattern.test(document.cookie));
  await waitFor(() => !present(), timeoutMs, `no cookie matching ${String(pattern)}`);
}

/** The names of the cookies the page can see, sorted. */
export function cookieNames(): string[] {
  return document.cookie
    .split('; ')
    .filter(Boolean)
    .map((cookie) => cookie.split('=')[0]!)
    .sort();
}

/**
 * Resolves once the page's cookie names are exactly `expected` (in any order); fails after
 * `timeoutMs` with the names it last read. WebKit can answer `document.cookie` from a snapshot a
 * few writes old (WebKit bug 324464): in CI a test read only `consent` right after it had written
 * `session` and reset the choice. One read is not proof of the cookies' state there, a settled one is.
 */
export async function cookieNamesBecome(expected: readonly string[], timeoutMs = 2000): Promise<void> {
  const wanted = [...expected].sort().join(' ');
  try {
    await waitFor(() => cookieNames().join(' ') === wanted, timeoutMs, `the cookies ${wanted}`);
  } catch {
    throw new Error(`expected the cookies [${wanted}], found [${cookieNames().join(' ')}] after ${timeoutMs} ms`);
  }
}
