import { expect } from '@open-wc/testing';
import { type ConfigProblem, parseConfig } from '../../src/core/config.js';
import { describeConfigError, describeDiagnostic, formatConfigErrors } from '../../src/diagnostics/messages.js';
import { type Diagnostic, report, reported } from '../../src/diagnostics/report.js';
import { captureConsole } from '../helpers/console.js';

function message(input: unknown): string[] {
  return parseConfig(input).errors.map((error) => `${error.path}: ${describeConfigError(error)}`);
}

describe('configuration messages', () => {
  it('say what was expected and what was found, for each kind of problem', () => {
    expect(message({ mode: 'opt_in' })).to.deep.equal(['mode: must be "opt-in" or "opt-out", got "opt_in"']);
    expect(message({ revision: -1 })).to.deep.equal(['revision: must be a whole number of at least 0, got -1']);
    expect(message({ storage: { domain: 'a b' } })).to.deep.equal(['storage.domain: must be a domain name such as "example.com", got "a b"']);
    expect(message({ revison: 1 })).to.deep.equal(['revison: is not a known field']);
    expect(message({ categories: [{ id: 'a', label: { english: 'A' } }] })).to.deep.equal(['categories[0].label.english: is not a language tag such as "en" or "pt-BR"']);
    expect(message({ categories: [{ id: 'a' }, { id: 'a' }] })).to.deep.equal(['categories[1].id: repeats the category id "a"']);
    expect(message({ categories: [{ id: 'a', cookies: [{ party: 'first' }] }] })).to.deep.equal(['categories[0].cookies[0]: needs exactly one of "name" and "pattern"']);
    expect(message({ categories: [{ id: 'a', cookies: [{ name: 'x' }] }] })).to.deep.equal(['categories[0].cookies[0].party: is missing']);
    expect(message({ categories: [{ id: 'a', cookies: [{ pattern: '(', party: 'first' }] }] })).to.deep.equal(['categories[0].cookies[0].pattern: is not a valid regular expression: "("']);
    expect(message({ gpcDenies: ['ads'] })).to.deep.equal(['gpcDenies[0]: is not one of the configured categories, got "ads"']);
    expect(message({ gpcDenies: ['necessary'] })).to.deep.equal(['gpcDenies[0]: names the required category "necessary", which cannot be turned off']);
    expect(message('{}')).to.deep.equal(['(root): must be an object, got "{}"']);
    expect(message({ categories: [] })).to.deep.equal(['categories: must be a non-empty array, got an empty array']);
    expect(message({ categories: [{ id: 'a'.repeat(33) }] })).to.deep.equal([`categories[0].id: must be 1 to 32 lowercase letters, digits, "-" or "_", starting with a letter, got "${'a'.repeat(33)}"`]);
  });

  it('have a sentence for every problem the validator can name', () => {
    const problems: ConfigProblem[] = ['boolean', 'string', 'non-empty-string', 'whole-number', 'positive-number', 'domain', 'language', 'localized', 'array', 'non-empty-array', 'object', 'category-id', 'cookie-name', 'path', 'one-of', 'category-reference', 'unknown-field', 'missing', 'regexp', 'name-or-pattern', 'duplicate-id', 'required-category', 'json', 'record-too-long'];
    for (const problem of problems) {
      const text = describeConfigError({ path: 'x', problem, got: '"y"', options: ['a'] });
      expect(text, problem).to.match(/^(must|is|needs|repeats|names) /);
      expect(text, problem).not.to.contain('undefined');
    }
  });

  it('are gathered in one message that lists every path', () => {
    const text = formatConfigErrors(parseConfig({ mode: 'x', storage: { path: 'y' } }).errors);
    expect(text).to.contain('2 problems');
    expect(text).to.contain('  - storage.path: must be a path starting with "/"');
    expect(text).to.contain('  - mode: must be');
    expect(text).to.contain('every optional category stays denied');
  });
});

describe('report', () => {
  it('prints each diagnostic once, in order, with the prefix and the right level', async () => {
    const output = captureConsole();
    try {
      report('warn', { code: 'storage-memory' });
      report('error', { code: 'save-unknown-category', category: 'ads' });
      report('warn', { code: 'gate-unknown-category', category: 'analytic' });
      await reported();
      expect(output.warn).to.deep.equal([
        'consent-manager: cookies and localStorage are blocked, so the choice lasts only until this page is left.',
        'consent-manager: data-consent names "analytic", which is not a configured category; what it gates never runs',
      ]);
      expect(output.error).to.deep.equal(['consent-manager: save() ignored "ads": it is not a configured category']);
    } finally {
      output.restore();
    }
  });

  it("says what a consent log's 403 usually means", () => {
    const refused = (status: number): string => describeDiagnostic({ code: 'consent-log-refused', status, count: 1, endpoint: 'https://log.example/v1/records', dropped: false });
    expect(refused(403)).to.contain("this page's origin is not one the log takes records from: add it to the log's CONSENT_LOG_ORIGINS");
    expect(refused(404)).not.to.contain('CONSENT_LOG_ORIGINS');
  });

  it('has a sentence for every diagnostic', () => {
    const diagnostics: Diagnostic[] = [
      { code: 'config', errors: [] },
      { code: 'start-failed', error: new TypeError('x') },
      { code: 'save-not-boolean', category: 'a' },
      { code: 'save-unknown-category', category: 'a' },
      { code: 'already-defined', tagName: 'consent-manager' },
      { code: 'storage-local' },
      { code: 'storage-memory' },
      { code: 'trusted-types-refused', error: new TypeError('x') },
      { code: 'gate-unknown-category', category: 'a' },
      { code: 'gate-not-inert', element: '<script>' },
      { code: 'gate-plain-src', element: '<img>', attribute: 'src' },
      { code: 'gate-script-source', element: '<script>', url: 'https://a.example/x.js' },
      { code: 'duplicate-element', tagName: 'consent-manager' },
      { code: 'gate-script-url', element: '<script>', url: 'data:,' },
      { code: 'gate-script-type', element: '<script>' },
      { code: 'gate-inline', element: '<script>', hash: "'sha256-x'" },
      { code: 'gate-frame-url', element: '<iframe>', url: 'javascript:' },
      { code: 'gate-unsupported', element: '<picture>' },
      { code: 'gate-loads-ungated', element: '<object>' },
      { code: 'gate-shadow-late', element: '<x-widget>' },
      { code: 'gate-needs-nonce', element: '<script>' },
      { code: 'gate-failed', error: new Error('x') },
    ];
    for (const diagnostic of diagnostics) expect(describeDiagnostic(diagnostic), diagnostic.code).to.match(/^\S.{20,}/);
  });
});
