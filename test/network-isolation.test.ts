import { expect } from '@open-wc/testing';

async function outcome(url: string): Promise<'reached' | 'blocked'> {
  return fetch(url, { mode: 'no-cors' }).then(
    () => 'reached',
    () => 'blocked',
  );
}

// The test browsers are launched so that no host but the test server can be reached
// (Chromium's --host-resolver-rules and Firefox's proxy script in scripts/find-browser.mjs,
// WebKit's proxy in scripts/webkit-launcher.mjs): a test that forgot to intercept a vendor
// fails instead of quietly calling the vendor.
describe('the test browser', () => {
  it('reaches no host but the test server, even one that points back at this machine', async () => {
    // Browsers resolve *.localhost to this machine themselves, so this URL reaches the test
    // server unless the isolation is in place; it stands for a vendor host that would resolve.
    expect(await outcome(`${location.protocol}//probe.localhost:${location.port}/test/fixtures/frame.html`)).to.equal('blocked');
    expect(await outcome('https://www.googletagmanager.com/gtag/js?id=G-TEST')).to.equal('blocked');
  });

  it('reaches the test server', async () => {
    expect(await outcome('/test/fixtures/frame.html')).to.equal('reached');
  });
});
