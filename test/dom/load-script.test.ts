import { expect } from '@open-wc/testing';
import { loadScript, ScriptLoadError } from '../../src/dom/load-script.js';
import '../helpers/gate-log.js';
import { waitFor } from '../helpers/page-state.js';

let unique = 0;
const fixture = (query = '') => `/test/fixtures/gated/log.js?load=${++unique}-${Date.now()}${query}`;

describe('loadScript', () => {
  beforeEach(() => {
    window.gateLog = [];
  });

  it('resolves once the script has run, with the nonce and attributes carried', async () => {
    const script = await loadScript(fixture(), { nonce: 'n0nce', attributes: { 'data-name': 'loaded', id: 'loaded-script' } });
    expect(window.gateLog).to.deep.equal(['loaded']);
    expect(script.nonce).to.equal('n0nce');
    expect(script.id).to.equal('loaded-script');
    expect(script.async).to.equal(true);
    expect(script.parentElement).to.equal(document.head);
    script.remove();
  });

  it('rejects with the reason when the server fails', async () => {
    const url = fixture('&fail');
    const error = await loadScript(url).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).to.be.instanceOf(ScriptLoadError);
    expect((error as ScriptLoadError).reason).to.equal('error');
    expect((error as ScriptLoadError).src).to.equal(url);
  });

  it('rejects with a timeout when the script takes too long', async () => {
    const error = await loadScript(fixture('&delay=1000'), { timeoutMs: 100, attributes: { 'data-name': 'late' } }).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect((error as ScriptLoadError).reason).to.equal('timeout');
    // It still runs when it arrives: wait for that here, so that it does not land in a later test.
    await waitFor(() => window.gateLog?.includes('late') === true, 5000, 'the late script');
  });
});
