// Category ids that are names of Object.prototype members (issue 11, point 8): every lookup keyed
// by a category id must find only configured categories, never an inherited member.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/define.js';
import { reported } from '../../src/diagnostics/report.js';
import { ConsentGate } from '../../src/dom/gating.js';
import type { Diagnostic } from '../../src/diagnostics/report.js';
import { isolateUiTests, mountManager } from '../helpers/ui.js';
import { gateSettled } from '../helpers/gate-log.js';

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

describe('category ids named like Object.prototype members', () => {
  const output = isolateUiTests();
  beforeEach(() => {
    window.gateLog = [];
  });
  afterEach(() => {
    for (const element of document.querySelectorAll('.prototype-ids-test')) element.remove();
  });

  it('save() leaving `constructor` out does not grant it, and what it gates does not run', async () => {
    // The site vouches for inline gated scripts, so only the category can hold this one back.
    const element = await mountManager({ categories: [{ id: 'necessary', required: true }, { id: 'constructor' }, { id: 'analytics' }] }, `script-sources="'unsafe-inline'"`);
    const markup = document.createElement('div');
    markup.className = 'prototype-ids-test';
    markup.innerHTML = '<script type="text/plain" data-consent="constructor">window.gateLog.push("constructor ran")</script><script type="text/plain" data-consent="analytics">window.gateLog.push("analytics ran")</script>';
    document.body.append(markup);
    element.save({ analytics: true });
    expect(element.consent).to.deep.equal({ necessary: true, constructor: false, analytics: true });
    expect(element.isAllowed('constructor')).to.equal(false);
    expect(element.record?.granted).to.deep.equal(['necessary', 'analytics']);
    await gateSettled('analytics', markup);
    expect(window.gateLog).to.deep.equal(['analytics ran']);
  });

  it('data-consent="toString" gets the unknown-category warning', async () => {
    const markup = document.createElement('div');
    markup.className = 'prototype-ids-test';
    markup.innerHTML = '<script type="text/plain" data-consent="toString">window.gateLog.push("toString ran")</script>';
    document.body.append(markup);
    await mountManager();
    await reported();
    expect(output.warn.join('\n')).to.contain('data-consent names "toString", which is not a configured category');
    expect(window.gateLog).to.deep.equal([]);
  });

  it('the gate warns about every prototype name used as a category, and runs none of them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(PROTOTYPE_NAMES, { minLength: 1 }), async (names) => {
        const container = document.createElement('div');
        container.className = 'prototype-ids-test';
        for (const name of names) {
          const script = document.createElement('script');
          script.type = 'text/plain';
          script.dataset.consent = name;
          script.text = `window.gateLog.push(${JSON.stringify(name)})`;
          container.append(script);
        }
        document.body.append(container);
        const warnings: Diagnostic[] = [];
        const gate = new ConsentGate(document, { warn: (diagnostic) => warnings.push(diagnostic) });
        gate.start(Object.freeze({ necessary: true }));
        await gate.settled();
        gate.stop();
        container.remove();
        expect(warnings.map((warning) => (warning as { category?: string }).category).sort()).to.deep.equal([...names].sort());
        expect(window.gateLog).to.deep.equal([]);
      }),
      { numRuns: 20 },
    );
  });
});
