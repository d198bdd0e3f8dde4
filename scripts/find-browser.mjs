// Finds a Chrome or Chromium for the tests: CHROME_PATH, then an installed browser, then (as root
// on Debian or Ubuntu) the distribution's chromium package. No test tool downloads its own browser.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { browserVersion, HEADLESS_CHROMIUM_ARGS, isExecutable, locateBrowser as locateAuditBrowser } from '../audit/src/find-browser.mjs';

export { browserVersion };

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
 * Looks for Chrome or Chromium (the lookup lives in the audit package, which ships it): `{ path }`,
 * or `{ problem }`. As root on Debian or Ubuntu the tests may install the distribution's chromium.
 */
export function locateBrowser({ mayInstall = mayInstallChromium, install = installChromium, ...machine } = {}) {
  const found = locateAuditBrowser({ mayInstall, install, ...machine });
  return found.problem ? { problem: found.problem.replace(/\.$/, ', then run the tests again.') } : found;
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
  ...HEADLESS_CHROMIUM_ARGS,
  // Every host but this machine resolves to nothing: no test can reach a vendor by mistake.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = findBrowser();
  console.log(`${path} (${browserVersion(path)})`);
}
