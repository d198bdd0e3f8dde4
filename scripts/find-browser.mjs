// Finds a Chrome or Chromium for the tests: CHROME_PATH, then an installed browser, then (as root
// on Debian or Ubuntu) the distribution's chromium package. No test tool downloads its own browser.
import { accessSync, closeSync, constants, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';

const EXECUTABLE_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];
const FIXED_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** Where the chromium snap puts its browser, which Ubuntu's chromium-browser stub hands over to. */
const SNAP_BROWSER = '/snap/bin/chromium';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function startOfFile(path, length = 4096) {
  let descriptor;
  try {
    descriptor = openSync(path, 'r');
    const buffer = Buffer.alloc(length);
    return buffer.toString('latin1', 0, readSync(descriptor, buffer, 0, length, 0));
  } catch {
    // Unreadable, or a directory: not the stub, a plain script anyone may read.
    return '';
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/**
 * Ubuntu's chromium-browser package installs a shell stub that runs the chromium snap, or asks
 * for it when the snap is missing. Being a script is not enough to tell it apart: Debian's
 * chromium and Google's google-chrome are launcher scripts too, but they run a browser of their own.
 */
function isSnapStub(path) {
  const start = startOfFile(path);
  return start.startsWith('#!') && start.includes(SNAP_BROWSER);
}

/** An executable that runs a browser: the snap stub only counts when the snap is installed. */
function isUsableBrowser(path, snapBrowser) {
  return isExecutable(path) && (!isSnapStub(path) || isExecutable(snapBrowser));
}

function onPath(searchPath, snapBrowser) {
  for (const directory of (searchPath ?? '').split(delimiter)) {
    for (const name of EXECUTABLE_NAMES) {
      const candidate = join(directory, name);
      if (isUsableBrowser(candidate, snapBrowser)) return candidate;
    }
  }
  return undefined;
}

function isDebianLike() {
  if (!existsSync('/etc/os-release')) return false;
  const release = readFileSync('/etc/os-release', 'utf8');
  return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release);
}

function installChromium() {
  console.log('No Chrome or Chromium found; installing Debian\'s chromium package with apt-get (this takes a minute)...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) return false;
  }
  return true;
}

function mayInstallChromium() {
  return process.platform === 'linux' && process.getuid?.() === 0 && isDebianLike();
}

/**
 * Looks for Chrome or Chromium: `{ path }`, or `{ problem }`, the sentence to tell the user. The
 * defaults are this machine's; tests pass a made-up machine instead, so that nothing is installed.
 */
export function locateBrowser({ env = process.env, fixedPaths = FIXED_PATHS, snapBrowser = SNAP_BROWSER, mayInstall = mayInstallChromium, install = installChromium } = {}) {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return { path: fromEnv };
    return { problem: `CHROME_PATH is set to ${fromEnv}, which is not an executable file; point it at Chrome or Chromium, or unset it.` };
  }
  const lookUp = () => fixedPaths.find((path) => isUsableBrowser(path, snapBrowser)) ?? onPath(env.PATH, snapBrowser);
  const found = lookUp();
  if (found) return { path: found };
  if (mayInstall() && install()) {
    const installed = lookUp();
    if (installed) return { path: installed };
  }
  return { problem: 'No Chrome or Chromium was found: install one (on Debian or Ubuntu, `sudo apt-get install chromium`) or set CHROME_PATH to its executable, then run the tests again.' };
}

/** The path of a Chrome or Chromium executable; exits the process with one sentence when there is none. */
export function findBrowser() {
  const { path, problem } = locateBrowser();
  if (problem) fail(problem);
  return path;
}

function fail(sentence) {
  console.error(sentence);
  process.exit(1);
}

export function browserVersion(path) {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown version';
  }
}

/** Firefox, for the browser suites' second engine: FIREFOX_PATH, else Debian's firefox-esr or firefox. Undefined when absent. */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  return ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'].find(isExecutable);
}

/**
 * Firefox preferences that keep tests off the internet: a proxy auto-config script sends exactly
 * localhost and 127.0.0.1 direct and every other host, *.localhost included, to a closed port,
 * so it fails at once. (`network.proxy.no_proxies_on` cannot do this: it matches suffixes.)
 */
const FIREFOX_PAC = "function FindProxyForURL(url, host) { return host === 'localhost' || host === '127.0.0.1' ? 'DIRECT' : 'PROXY 127.0.0.1:9'; }";
export const FIREFOX_PREFS = {
  'network.proxy.type': 2,
  'network.proxy.autoconfig_url': `data:application/x-ns-proxy-autoconfig,${encodeURIComponent(FIREFOX_PAC)}`,
  'network.proxy.allow_hijacking_localhost': true,
  'network.proxy.failover_direct': false,
  // Several test pages are open at once; the ones in background tabs must not be slowed down.
  'dom.min_background_timeout_value': 4,
  'dom.timeout.enable_budget_timer_throttling': false,
};

/** Flags that keep headless Chromium from stalling on a closed network, and keep tests off the internet. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Every host but this machine resolves to nothing: no test can reach a vendor by mistake.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = findBrowser();
  console.log(`${path} (${browserVersion(path)})`);
}
