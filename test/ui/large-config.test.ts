// Configs with many categories (issue 11, point 11): the choice holds for every config the reader
// accepts, and one whose choice cannot fit one cookie is refused at start, naming the limit.
import { expect, fixtureCleanup } from '@open-wc/testing';
import '../../src/define.js';
import { type CategoryConfig, longestCookieLength, parseConfig } from '../../src/core/config.js';
import { MAX_COOKIE_BYTES } from '../../src/core/storage.js';
import { reported } from '../../src/diagnostics/report.js';
import { isolateUiTests, mountManager } from '../helpers/ui.js';

/** `count` optional categories with 8-character ids, after `necessary`. */
function categoriesOf(count: number): { id: string; required?: boolean }[] {
  return [{ id: 'necessary', required: true }, ...Array.from({ length: count }, (_, index) => ({ id: `c${String(index).padStart(7, '0')}` }))];
}

/** The most 8-character optional categories whose longest choice fits in the default cookie. */
function mostThatFit(): number {
  const { storage } = parseConfig({}).config;
  let count = 1;
  while (longestCookieLength(categoriesOf(count + 1) as unknown as CategoryConfig[], 0, storage) <= MAX_COOKIE_BYTES) count++;
  return count;
}

describe('a config with many categories', () => {
  const output = isolateUiTests();

  it('at the limit: the choice is stored in the cookie and holds on the next page, with no warning', async () => {
    const config = { categories: categoriesOf(mostThatFit()) };
    const element = await mountManager(config);
    element.acceptAll();
    expect(element.record?.granted.length).to.equal(config.categories.length);
    fixtureCleanup();
    const next = await mountManager(config);
    expect(next.decided, 'read back').to.equal(true);
    expect(next.isAllowed('c0000000')).to.equal(true);
    await reported();
    expect(output.warn, 'no false "cookies are blocked" warning').to.deep.equal([]);
    expect(output.error).to.deep.equal([]);
  });

  it('just over the limit, and at 10,000 categories: one config error naming the limit, the safe state, and no storage warning', async () => {
    for (const count of [mostThatFit() + 1, 10_000]) {
      const element = await mountManager({ categories: categoriesOf(count) });
      await reported();
      expect(output.error, `${count} categories`).to.have.length(1);
      expect(output.error[0]).to.contain('categories: is more than one cookie can hold');
      expect(output.error[0]).to.contain('4096 bytes');
      expect(element.effectiveConfig.categories.length).to.be.at.most(mostThatFit() + 1);
      expect(element.isAllowed('c0000000'), 'nothing optional granted').to.equal(false);
      element.acceptAll();
      await reported();
      expect(output.warn, 'the choice fits the cookie: no false "cookies are blocked" warning').to.deep.equal([]);
      output.error.length = 0;
      fixtureCleanup();
    }
  });
});
