import { expect } from '@open-wc/testing';
import { leaveProbes, probesFound } from './helpers/storage-isolation.js';

// test/isolation-second.test.ts does the same: whichever of the two runs second fails if a test
// file can see what another left in the browser's storage.
describe('storage a test file starts with (first of two files)', () => {
  it('holds nothing another test file left, in any kind of storage', async () => {
    expect(await probesFound()).to.deep.equal([]);
    const left = await leaveProbes();
    // The probes must be readable where they were left, or the check above proves nothing.
    expect(left).to.include.members(['cookie', 'cookie with Path=/test/fixtures/', 'localStorage', 'sessionStorage', 'IndexedDB']);
  });
});
