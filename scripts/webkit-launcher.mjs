// A web-test-runner launcher for WebKit through WebKitGTK's WebDriver (Debian's webkit2gtk-driver,
// which drives MiniBrowser). It speaks W3C WebDriver over HTTP itself: the test pages report their
// results to web-test-runner on their own, so the launcher only opens and closes browsers. Each
// test file gets a fresh WebDriver session, hence a fresh browser with empty storage.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
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

export function webkitLauncher({ driver, browser }) {
  let driverProcess;
  let displayProcess;
  let endpoint;
  let env;
  const sessions = new Map();
  // WebKitWebDriver allows one WebDriver session at a time: test files take turns.
  let queue = Promise.resolve();

  async function command(method, path, body, timeoutMs = 60_000) {
    const response = await fetch(`${endpoint}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const payload = await response.json();
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${payload.value?.message ?? response.status}`);
    return payload.value;
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

  /** A new browser; now and then MiniBrowser fails to come up, so a stuck driver is replaced. */
  async function newSession() {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await command('POST', '/session', { capabilities }, 20_000)).sessionId;
      } catch (error) {
        if (attempt === 3) throw error;
        stopDriver();
        await startDriver();
      }
    }
  }

  return {
    name: 'WebKit',
    // web-test-runner's sendKeys command drives launchers of type "webdriver" through sendKeys().
    type: 'webdriver',
    concurrency: 1,

    /** Presses `keys` in the page, each as `press` would: `['Tab']`, `['Shift+Tab']`, `['a', 'b']`. */
    async sendKeys(sessionId, keys) {
      const webdriverSession = sessions.get(sessionId);
      if (!webdriverSession) throw new Error(`WebKit launcher: no session ${sessionId}`);
      await command('POST', `/session/${webdriverSession}/actions`, { actions: [{ type: 'key', id: 'keyboard', actions: keyActions(keys) }] });
      await command('DELETE', `/session/${webdriverSession}/actions`);
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
      for (const sessionId of sessions.keys()) await this.stopSession(sessionId).catch(() => undefined);
      stopDriver();
      displayProcess?.kill();
    },

    startSession(sessionId, url) {
      const start = queue.then(async () => {
        const webdriverSession = await newSession();
        sessions.set(sessionId, webdriverSession);
        await command('POST', `/session/${webdriverSession}/url`, { url });
      });
      queue = start.catch(() => undefined);
      return start;
    },

    isActive(sessionId) {
      return sessions.has(sessionId);
    },

    async getBrowserUrl(sessionId) {
      const webdriverSession = sessions.get(sessionId);
      return webdriverSession ? command('GET', `/session/${webdriverSession}/url`) : undefined;
    },

    async stopSession(sessionId) {
      const webdriverSession = sessions.get(sessionId);
      sessions.delete(sessionId);
      if (webdriverSession) await command('DELETE', `/session/${webdriverSession}`).catch(() => undefined);
      return {};
    },

    startDebugSession() {
      throw new Error('The WebKit launcher does not support debugging; use Chromium for that.');
    },
  };
}
