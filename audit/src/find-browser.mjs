// Finds an installed Chrome or Chromium: CHROME_PATH, then the usual install paths, then PATH.
// This is the project's one browser lookup: the audit ships it, and the repository's test and
// build scripts (scripts/find-browser.mjs) import it from here. It never downloads a browser.
import { accessSync, closeSync, constants, openSync, readSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { delimiter, join } from 'node:path';

const EXECUTABLE_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];
export const FIXED_PATHS = [
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
export const SNAP_BROWSER = '/snap/bin/chromium';

/** Whether `path` is a file this process may execute. */
export function isExecutable(path) {
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

/**
 * Looks for Chrome or Chromium: `{ path }`, or `{ problem }`, the sentence to tell the user.
 * `mayInstall` and `install` let the repository's test scripts add a last resort (installing the
 * distribution's package); by default nothing is installed. Tests pass a made-up machine.
 */
export function locateBrowser({ env = process.env, fixedPaths = FIXED_PATHS, snapBrowser = SNAP_BROWSER, mayInstall = () => false, install = () => false } = {}) {
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
  return { problem: 'No Chrome or Chromium was found: install one (on Debian or Ubuntu, `sudo apt-get install chromium`) or set CHROME_PATH to its executable.' };
}

/** The version line a browser prints for `--version`, or `unknown version`. */
export function browserVersion(path) {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown version';
  }
}

/**
 * Work no one sees, which an audit pays for in every phase, as each opens a browser context:
 * Chromium 156's headless mode opens two WebUI renderers per window for the address bar's
 * suggestion popups, and they keep computing while nothing shows (five idle contexts kept a
 * whole core busy); and it keeps a spare renderer process started ahead of need, which with a
 * short-lived context per phase is mostly started for nothing (0.75 core-seconds per context
 * with it, 0.46-0.59 without, on the test machine).
 */
const UNSEEN_WORK_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'SpareRendererForSitePerProcess'];

/**
 * Chromium keeps only the last `--disable-features` it is given, and playwright-core and
 * chrome-launcher (Lighthouse) each pass their own list before the caller's flags. So ours repeats
 * theirs: audit/test/find-browser.test.mjs fails when a new version adds a name left out here.
 */
const LAUNCHER_DISABLED_FEATURES = [
  // playwright-core 1.65
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
  // chrome-launcher 0.15 (npm run bench's Lighthouse)
  'Translate',
];

/**
 * Flags that keep headless Chromium from stalling on a closed or slow network, in containers and
 * CI, and from spending a core on browser UI no one sees. The sandbox stays on: see `sandboxArgs`.
 */
export const HEADLESS_CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  `--disable-features=${[...LAUNCHER_DISABLED_FEATURES, ...UNSEEN_WORK_FEATURES].join(',')}`,
];

/**
 * `HEADLESS_CHROMIUM_ARGS` and then `extra`, with any `--disable-features` of `extra` added to
 * the list there rather than replacing it (Chromium would keep only the last).
 */
export function withChromiumArgs(extra = []) {
  const prefix = '--disable-features=';
  const added = extra.filter((arg) => arg.startsWith(prefix)).flatMap((arg) => arg.slice(prefix.length).split(',')).filter(Boolean);
  const merged = HEADLESS_CHROMIUM_ARGS.map((arg) => (arg.startsWith(prefix) && added.length ? [arg, ...added].join(',') : arg));
  return [...merged, ...extra.filter((arg) => !arg.startsWith(prefix))];
}

/**
 * Chromium refuses to start its sandbox as root on Linux (containers, CI images). Only there is it
 * turned off; anywhere else the pages a browser visits stay sandboxed, which matters when the
 * browser is pointed at sites no one vetted.
 */
export function sandboxArgs(uid = process.getuid?.()) {
  return process.platform === 'linux' && uid === 0 ? ['--no-sandbox'] : [];
}
