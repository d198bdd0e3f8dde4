// Starts the Chromium an audit runs in, set up as a visitor's desktop Chrome that accepts
// third-party cookies: the most a site's embeds can set, which is what its declarations and its
// consent must cover.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxArgs, withChromiumArgs } from './find-browser.mjs';

/**
 * The profile's preferences. Each phase runs in a context of its own (`browser.newContext()`),
 * which Chromium makes an off-the-record profile of the default one, and the default profile of
 * this Chromium blocks third-party cookies: in a cross-site frame no cookie is stored and
 * `localStorage` throws, so an ad network's or a video embed's cookies would show in no phase.
 * `cookie_controls_mode` 0 is Chrome's "Allow third-party cookies" setting, and off-the-record
 * profiles inherit it. There is no launch flag for a preference, playwright-core's `launch()`
 * refuses a `--user-data-dir` (so the profile comes from `launchPersistentContext`), and the
 * DevTools protocol can only restrict cookies further (`Network.setCookieControls`) or grant
 * storage access per pair of sites known in advance (`Browser.setPermission`).
 */
const ALLOW_THIRD_PARTY_COOKIES = { profile: { cookie_controls_mode: 0 } };

/**
 * Launches headless Chromium at `executablePath` with the project's flags, the sandbox flag
 * where needed and `args` (extra Chromium flags), in a temporary profile that accepts
 * third-party cookies. Resolves `{ browser, close }`: `browser` is a playwright-core Browser
 * whose `newContext()` contexts accept them too; `close()` ends it and deletes the profile.
 * `runAudit` launches its browser this way; a caller that passes its own should too.
 */
export async function launchAuditBrowser({ executablePath, args = [] }) {
  // Loaded only here: it takes most of a second, which `--help` and a bad argument need not wait for.
  const { chromium } = await import('playwright-core');
  const profile = await mkdtemp(join(tmpdir(), 'consent-manager-audit-'));
  const removeProfile = () => rm(profile, { recursive: true, force: true }).catch(() => undefined);
  try {
    await mkdir(join(profile, 'Default'));
    await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify(ALLOW_THIRD_PARTY_COOKIES));
    const profileContext = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: [...sandboxArgs(), ...withChromiumArgs(args)] });
    return {
      browser: profileContext.browser(),
      async close() {
        await profileContext.close().catch(() => undefined);
        await removeProfile();
      },
    };
  } catch (error) {
    await removeProfile();
    throw error;
  }
}
