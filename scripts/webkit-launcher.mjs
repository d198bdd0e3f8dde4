// A web-test-runner launcher for WebKit through WebKitGTK's WebDriver (Debian's webkit2gtk-driver,
// which drives MiniBrowser). It speaks W3C WebDriver over HTTP itself: the test pages report their
// results to web-test-runner on their own, so the launcher only opens and closes windows. One
// WebDriver session (one MiniBrowser) serves every test file: starting a MiniBrowser per file cost
// about 2 s each, and 20 s whenever one failed to come up. Each file gets a new window, and when
// it ends the launcher empties the test server's storage (cookies, Web Storage, IndexedDB, Cache
// Storage; the network isolation leaves no other origin a page can store for) and closes every
// window but the session's first. If emptying fails, the browser is replaced. test/isolation-*.test.ts
// prove that no file sees another's storage.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';

export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
/** WEBKIT_COMMAND_LOG=<file>: every WebDriver command and how long it took, to find where a run hangs. */
const COMMAND_LOG = process.env.WEBKIT_COMMAND_LOG;
const MINIBROWSER_CANDIDATES = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser'];

/** The driver and browser, or undefined when WebKitGTK's WebDriver is not installed. */
export function findWebKit() {
  const driver = process.env.WEBKIT_DRIVER_PATH ?? WEBKIT_DRIVER;
  const browser = process.env.WEBKIT_BROWSER_PATH ?? MINIBROWSER_CANDIDATES.find((path) => existsSync(path));
  return existsSync(driver) && browser && existsSync('/usr/bin/Xvfb') ? { driver, browser } : undefined;
}

/** WebDriver's code points for named keys (https://w3c.github.io/webdriver/#keyboard-actions). */
const WEBDRIVER_KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  Space: ' ',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Delete: '\uE017',
  Meta: '\uE03D',
};

/** Key-down and key-up actions for keys such as `Tab`, `a` or `Shift+Tab` (pressed together). */
export function keyActions(keys) {
  const actions = [];
  for (const key of keys) {
    const chord = (key.length > 1 ? key.split('+') : [key]).map((name) => WEBDRIVER_KEYS[name] ?? name);
    for (const value of chord) actions.push({ type: 'keyDown', value });
    for (const value of chord.reverse()) actions.push({ type: 'keyUp', value });
  }
  return actions;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The display number Xvfb writes to its fd 3 once it is ready for clients. */
function displayNumber(xvfb) {
  return new Promise((resolve, reject) => {
    let written = '';
    const failed = (reason) => reject(new Error(`WebKit launcher: Xvfb did not start (${reason})`));
    xvfb.stdio[3].on('data', (chunk) => {
      written += chunk;
      if (written.includes('\n')) resolve(written.trim());
    });
    xvfb.once('error', (error) => failed(error.message));
    xvfb.once('exit', (code) => failed(`exit code ${code}`));
  });
}

async function waitUntil(check, what, timeoutMs = 15_000) {
  const started = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() - started > timeoutMs) throw new Error(`WebKit launcher: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Run in a test file's window when the file ends: empties what pages of the test server's origin
 * stored. Cookies go through WebDriver (for every path); this answers null, or what failed.
 */
const CLEAR_ORIGIN_STORAGE = `
  const done = arguments[arguments.length - 1];
  (async () => {
    localStorage.clear();
    sessionStorage.clear();
    for (const { name } of await indexedDB.databases()) {
      await new Promise((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = resolve;
        request.onblocked = resolve;
        request.onerror = () => reject(request.error);
      });
    }
    if (self.caches) for (const key of await caches.keys()) await caches.delete(key);
    for (const registration of (await navigator.serviceWorker?.getRegistrations()) ?? []) await registration.unregister();
  })().then(() => done(null), (error) => done(String(error)));
`;

/** What must be empty once CLEAR_ORIGIN_STORAGE and the cookie deletion are done. */
const LEFT_IN_STORAGE = 'return [document.cookie, localStorage.length, sessionStorage.length].filter(Boolean).join(" ")';

export function webkitLauncher({ driver, browser }) {
  let driverProcess;
  let displayProcess;
  let endpoint;
  let env;
  /** The WebDriver session every test file shares, and its first window, kept open between files. */
  let browserSession;
  let homeWindow;
  /** web-test-runner's session id → the window its test file runs in. */
  const windows = new Map();
  // WebKitWebDriver holds one WebDriver session, with one current window: test files take turns.
  let queue = Promise.resolve();
  function inTurn(task) {
    const turn = queue.then(task);
    queue = turn.catch(() => undefined);
    return turn;
  }

  async function command(method, path, body, timeoutMs = 60_000) {
    const started = Date.now();
    try {
      const response = await fetch(`${endpoint}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const payload = await response.json();
      if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${payload.value?.message ?? response.status}`);
      return payload.value;
    } finally {
      if (COMMAND_LOG) appendFileSync(COMMAND_LOG, `${new Date(started).toISOString()} ${Date.now() - started} ms ${method} ${path}\n`);
    }
  }

  async function startDriver() {
    const port = await freePort();
    endpoint = `http://127.0.0.1:${port}`;
    // Its own process group, so stopping it also stops the MiniBrowser it started.
    driverProcess = spawn(driver, [`--port=${port}`], { stdio: 'ignore', env, detached: true });
    await waitUntil(async () => (await command('GET', '/status', undefined, 2000)).ready === true, 'WebKitWebDriver');
  }

  function stopDriver() {
    if (!driverProcess?.pid) return;
    try {
      process.kill(-driverProcess.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    driverProcess = undefined;
  }

  const capabilities = {
    alwaysMatch: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: browser, args: ['--automation'] },
      // Every host but the test server (127.0.0.1) goes to a closed port, so no test can reach a
      // vendor. Only the IP is exempt: GLib reads a "localhost" entry as covering *.localhost too.
      proxy: { proxyType: 'manual', httpProxy: '127.0.0.1:9', sslProxy: '127.0.0.1:9', noProxy: ['127.0.0.1'] },
    },
  };

  /**
   * A new browser; now and then MiniBrowser fails to come up, so a stuck driver is replaced. It
   * comes up in about half a second, and a stuck one never does (WEBKIT_COMMAND_LOG caught one
   * waiting the whole 20 s this once allowed): three tries must fit in web-test-runner's
   * browserStartTimeout with the window and the page after them.
   */
  async function newSession() {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await command('POST', '/session', { capabilities }, 10_000)).sessionId;
      } catch (error) {
        if (attempt === 3) throw error;
        stopDriver();
        await startDriver();
      }
    }
  }

  /** Ends the shared browser, so that the next test file starts a fresh one. */
  async function dropBrowser() {
    const ending = browserSession;
    browserSession = undefined;
    homeWindow = undefined;
    windows.clear();
    if (!ending) return;
    try {
      await command('DELETE', `/session/${ending}`, undefined, 20_000);
    } catch {
      // A driver that cannot end its session cannot start the next one either.
      stopDriver();
      await startDriver();
    }
  }

  /** A new window of the shared browser, made current, showing `url`. */
  async function openWindow(url) {
    if (!browserSession) {
      browserSession = await newSession();
      homeWindow = await command('GET', `/session/${browserSession}/window`);
    }
    const { handle } = await command('POST', `/session/${browserSession}/window/new`, { type: 'window' });
    await command('POST', `/session/${browserSession}/window`, { handle });
    await command('POST', `/session/${browserSession}/url`, { url });
    return handle;
  }

  /** Empties the origin's storage from the file's window, then closes every window but the first. */
  async function clearAndClose(handle) {
    const session = `/session/${browserSession}`;
    await command('POST', `${session}/window`, { handle });
    const failed = await command('POST', `${session}/execute/async`, { script: CLEAR_ORIGIN_STORAGE, args: [] }, 20_000);
    if (failed) throw new Error(`WebKit launcher: could not empty the test page's storage: ${failed}`);
    await command('DELETE', `${session}/cookie`);
    // WebKit can answer document.cookie from a snapshot taken before the deletion for a moment
    // (WebKit bug 324464; on this machine's WebKitGTK, 1 read in 200 right after the deletion, and
    // 4 first reads in 300 after a page's own write that followed it): asked again 10 ms later, it
    // tells the truth. A browser replaced for a stale answer costs a MiniBrowser start, and now
    // and then one that never comes up.
    let left;
    for (let attempt = 1; attempt <= 10; attempt++) {
      left = await command('POST', `${session}/execute/sync`, { script: LEFT_IN_STORAGE, args: [] });
      if (!left) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (left) throw new Error(`WebKit launcher: storage left after emptying it: ${left}`);
    // The file's window, and any a test opened and left open.
    for (const other of await command('GET', `${session}/window/handles`)) {
      if (other === homeWindow) continue;
      await command('POST', `${session}/window`, { handle: other });
      await command('DELETE', `${session}/window`);
    }
    await command('POST', `${session}/window`, { handle: homeWindow });
  }

  return {
    name: 'WebKit',
    // web-test-runner's sendKeys command drives launchers of type "webdriver" through sendKeys().
    type: 'webdriver',
    concurrency: 1,

    /** Presses `keys` in the page, each as `press` would: `['Tab']`, `['Shift+Tab']`, `['a', 'b']`. */
    async sendKeys(sessionId, keys) {
      if (!windows.has(sessionId)) throw new Error(`WebKit launcher: no session ${sessionId}`);
      await command('POST', `/session/${browserSession}/actions`, { actions: [{ type: 'key', id: 'keyboard', actions: keyActions(keys) }] });
      await command('DELETE', `/session/${browserSession}/actions`);
    },

    async initialize() {
      // WebKitGTK takes navigator.languages from the process locale: without one it reports the
      // POSIX "C", where the other test browsers say English.
      env = { ...process.env, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US:en' };
      if (!env.DISPLAY) {
        // MiniBrowser is a GTK application: give it a virtual display. Xvfb picks a free display
        // number itself (-displayfd): a guessed one could be another test run's, which may close
        // under this one's browser.
        displayProcess = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
        env.DISPLAY = `:${await displayNumber(displayProcess)}`;
      }
      await startDriver();
    },

    async stop() {
      await inTurn(dropBrowser).catch(() => undefined);
      stopDriver();
      displayProcess?.kill();
    },

    startSession(sessionId, url) {
      return inTurn(async () => {
        try {
          windows.set(sessionId, await openWindow(url));
        } catch {
          // The shared browser is in a state no file should start in: replace it, once.
          await dropBrowser();
          windows.set(sessionId, await openWindow(url));
        }
      });
    },

    isActive(sessionId) {
      return windows.has(sessionId);
    },

    async getBrowserUrl(sessionId) {
      return windows.has(sessionId) ? command('GET', `/session/${browserSession}/url`) : undefined;
    },

    stopSession(sessionId) {
      return inTurn(async () => {
        const handle = windows.get(sessionId);
        windows.delete(sessionId);
        if (handle === undefined) return {};
        try {
          await clearAndClose(handle);
        } catch {
          // Storage that cannot be shown to be empty must not reach the next file.
          await dropBrowser();
        }
        return {};
      });
    },

    startDebugSession() {
      throw new Error('The WebKit launcher does not support debugging; use Chromium for that.');
    },
  };
}
