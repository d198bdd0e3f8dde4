// A web-test-runner command, `emulate-forced-colors`, for tests of Windows High Contrast
// (`forced-colors: active`). @web/test-runner-commands' emulateMedia drops `forcedColors` for
// puppeteer, and puppeteer's own emulateMediaFeatures refuses the feature, so it goes straight
// to Chrome's DevTools protocol. Other engines answer `{ supported: false }` rather than throw,
// so that the test skips without a stack trace in the runner's output.

/** The plugin: payload `{ active: boolean }`, answer `{ supported }`. */
export function emulateForcedColorsPlugin() {
  /** One DevTools session per page, kept open: an emulation ends with the session that set it. */
  const sessions = new WeakMap();
  return {
    name: 'emulate-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      const page = session.browser.type === 'puppeteer' ? session.browser.getPage(session.id) : undefined;
      if (!page || page.browser().protocol !== 'cdp') return { supported: false };
      let client = sessions.get(page);
      if (!client) {
        client = await page.createCDPSession();
        sessions.set(page, client);
      }
      await client.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }] });
      return { supported: true };
    },
  };
}
