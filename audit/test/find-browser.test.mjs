// The Chromium flags every launch here shares (HEADLESS_CHROMIUM_ARGS), in a real Chromium: the
// `--disable-features` list replaces the launchers' own, so it must carry theirs, and it must
// keep the browser's unseen UI from running.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { DEFAULT_FLAGS as CHROME_LAUNCHER_FLAGS } from 'chrome-launcher/dist/flags.js';
import { HEADLESS_CHROMIUM_ARGS, locateBrowser, sandboxArgs, withChromiumArgs } from '../src/find-browser.mjs';

const executablePath = process.env.CHROME_PATH ?? locateBrowser().path;

/** The names in each `--disable-features=` of a command line, in order. */
function disabledFeatureLists(args) {
  return args.filter((arg) => arg.startsWith('--disable-features=')).map((arg) => arg.slice('--disable-features='.length).split(',').filter(Boolean));
}

describe('HEADLESS_CHROMIUM_ARGS', () => {
  let server;
  let browser;

  before(async () => {
    server = await chromium.launchServer({ executablePath, headless: true, args: [...sandboxArgs(), ...HEADLESS_CHROMIUM_ARGS] });
    browser = await chromium.connect(server.wsEndpoint());
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("repeats every feature playwright-core disables, as Chromium keeps only the last --disable-features", () => {
    const lists = disabledFeatureLists(server.process().spawnargs);
    assert.ok(lists.length >= 2, `playwright-core's list and ours, in ${lists.length}`);
    const last = new Set(lists.at(-1));
    const dropped = lists.slice(0, -1).flat().filter((name) => !last.has(name));
    assert.deepEqual(dropped, [], 'names a newer playwright-core disables: add them to LAUNCHER_DISABLED_FEATURES');
  });

  it("repeats every feature chrome-launcher disables (npm run bench's Lighthouse run)", () => {
    const ours = new Set(disabledFeatureLists(HEADLESS_CHROMIUM_ARGS).at(-1));
    const dropped = disabledFeatureLists(CHROME_LAUNCHER_FLAGS).flat().filter((name) => !ours.has(name));
    assert.deepEqual(dropped, []);
  });

  it("opens no address-bar WebUI in any window: Chromium 156 ran two per window, busy while hidden", async () => {
    const contexts = [];
    for (let index = 0; index < 3; index++) {
      const context = await browser.newContext();
      contexts.push(context);
      await (await context.newPage()).setContent('<p>page</p>');
    }
    const session = await browser.newBrowserCDPSession();
    const { targetInfos } = await session.send('Target.getTargets', { filter: [{}] });
    await Promise.all(contexts.map((context) => context.close()));
    assert.equal(targetInfos.filter((target) => target.type === 'page').length, 3, 'the three pages are listed');
    assert.deepEqual(targetInfos.filter((target) => target.url.startsWith('chrome://omnibox-popup')).map((target) => target.url), []);
  });

  it('adds the features a user disables (--browser-arg) to its own list, instead of losing either', () => {
    const args = withChromiumArgs(['--proxy-server=127.0.0.1:3128', '--disable-features=FooBar,Baz']);
    const lists = disabledFeatureLists(args);
    assert.equal(lists.length, 1);
    for (const name of [...disabledFeatureLists(HEADLESS_CHROMIUM_ARGS)[0], 'FooBar', 'Baz']) assert.ok(lists[0].includes(name), name);
    assert.ok(args.includes('--proxy-server=127.0.0.1:3128'));
    assert.deepEqual(withChromiumArgs(), HEADLESS_CHROMIUM_ARGS);
  });
});
