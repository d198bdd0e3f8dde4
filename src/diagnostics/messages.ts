/** The sentences behind diagnostics: loaded lazily by `report()`, never on a healthy page. */

import type { AdapterOptionExpectation, AdapterOptionProblem } from '../core/adapter.js';
import type { ConfigError, ConfigProblem } from '../core/config.js';
import type { Diagnostic } from './report.js';

/** What a field must be, for problems that name the expected kind of value. */
const EXPECTED: Partial<Record<ConfigProblem, string>> = {
  boolean: 'true or false',
  string: 'a string',
  'non-empty-string': 'a non-empty string',
  'whole-number': 'a whole number of at least 0',
  'positive-number': 'a positive number',
  domain: 'a domain name such as "example.com"',
  language: 'a language tag such as "en" or "pt-BR"',
  localized: 'a string or an object of language tag to string',
  array: 'an array',
  'non-empty-array': 'a non-empty array',
  object: 'an object',
  'category-id': 'lowercase letters, digits, "-" or "_", starting with a letter',
  'cookie-name': '1 to 64 letters, digits, ".", "-" or "_"',
  path: 'a path starting with "/", without spaces or ";"',
  identifier: 'a JavaScript identifier such as "dataLayer"',
  url: 'a path such as "/cookies" or an http(s) URL',
};

const ADAPTER_EXPECTED: Record<AdapterOptionExpectation, string> = {
  'known-field': 'a known option',
  category: 'the id of a configured category',
  string: 'a non-empty string',
  boolean: 'true or false',
  milliseconds: 'a whole number of milliseconds up to 60000',
  'consent-mode': '"basic" or "advanced"',
  'consent-types': 'an object of Consent Mode type (such as "ad_storage") to a category id, true or false',
  'measurement-id': 'a Google Analytics 4 measurement ID such as "G-ABC123XYZ"',
  'container-id': 'a Tag Manager container ID such as "GTM-ABC1234"',
  'pixel-id': 'a Meta Pixel ID (digits), or a list of them',
  'write-key': "a Segment source's write key (letters and digits)",
  'publishable-key': 'a Stripe publishable key such as "pk_live_…" or "pk_test_…"',
  object: 'an object',
};

function describeOptionProblem({ field, expected, got }: AdapterOptionProblem): string {
  if (expected === 'known-field') return `  - ${field}: is not a known option`;
  return `  - ${field}: must be ${ADAPTER_EXPECTED[expected]}, got ${got ?? 'nothing'}`;
}

/** One sentence for one configuration problem, without its path. */
export function describeConfigError(error: ConfigError): string {
  const got = error.got ?? 'nothing';
  switch (error.problem) {
    case 'one-of':
      return `must be ${(error.options ?? []).map((option) => `"${option}"`).join(' or ')}, got ${got}`;
    case 'unknown-field':
      return 'is not a known field';
    case 'missing':
      return 'is missing';
    case 'regexp':
      return `is not a valid regular expression: ${got}`;
    case 'name-or-pattern':
      return 'needs exactly one of "name" and "pattern"';
    case 'duplicate-id':
      return `repeats the category id ${got}`;
    case 'category-reference':
      return `is not one of the configured categories, got ${got}`;
    case 'required-category':
      return `names the required category ${got}, which cannot be turned off`;
    case 'json':
      return `is not valid JSON (${got})`;
    default:
      return error.got === undefined ? `is not ${EXPECTED[error.problem]}` : `must be ${EXPECTED[error.problem]}, got ${got}`;
  }
}

/** The single console message for an invalid configuration. */
export function formatConfigErrors(errors: readonly ConfigError[]): string {
  const lines = errors.map((error) => `  - ${error.path}: ${describeConfigError(error)}`);
  return `invalid config (${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}); every optional category stays denied until the visitor chooses:\n${lines.join('\n')}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export function describeDiagnostic(diagnostic: Diagnostic): string {
  switch (diagnostic.code) {
    case 'config':
      return formatConfigErrors(diagnostic.errors);
    case 'start-failed':
      return `could not start, so nothing optional is allowed (${errorText(diagnostic.error)})`;
    case 'save-not-boolean':
      return `save() ignored "${diagnostic.category}": its value must be true or false`;
    case 'save-unknown-category':
      return `save() ignored "${diagnostic.category}": it is not a configured category`;
    case 'already-defined':
      return `<${diagnostic.tagName}> is already defined by another copy of the script; this copy is not used.`;
    case 'storage-local':
      return "cookies are blocked, so the choice is kept in localStorage, where the site's server cannot read it.";
    case 'storage-memory':
      return 'cookies and localStorage are blocked, so the choice lasts only until this page is left.';
    case 'trusted-types-refused':
      return `this page's Content Security Policy does not allow the Trusted Types policy "consent-manager"; add it to the trusted-types directive, or gated scripts cannot run (${errorText(diagnostic.error)})`;
    case 'gate-unknown-category':
      return `data-consent names "${diagnostic.category}", which is not a configured category; what it gates never runs`;
    case 'gate-not-inert':
      return `${diagnostic.element} has data-consent but runs without consent: give it type="text/plain"`;
    case 'gate-plain-src':
      return `${diagnostic.element} has src, so it loads before consent: write data-src instead`;
    case 'gate-needs-nonce':
      return `${diagnostic.element} is not run: this page uses CSP nonces, so a gated script must carry the page nonce like any other script`;
    case 'gate-failed':
      return `a gated script could not be started (${errorText(diagnostic.error)})`;
    case 'adapter-unknown':
      return `adapters names "${diagnostic.id}", which is not an adapter this build ships (${diagnostic.known.join(', ')}); it is ignored`;
    case 'adapter-options':
      return `the "${diagnostic.id}" adapter does nothing, its options are invalid:\n${diagnostic.problems.map(describeOptionProblem).join('\n')}`;
    case 'adapter-threw':
      return `the "${diagnostic.id}" adapter failed; the element and the other adapters go on (${errorText(diagnostic.error)})`;
    case 'language-failed':
      return `the "${diagnostic.language}" texts could not be loaded, so the UI stays in the language it has (${errorText(diagnostic.error)})`;
    case 'localize-configured-by-page':
      return 'this page configured @lit/localize itself, so the UI follows its locale: merge loadConsentTemplates(locale) into your loadLocale to have it translated (see the README).';
    case 'ui-load-failed':
      return `part of the UI could not be loaded (${errorText(diagnostic.error)})`;
    case 'cookie-table-no-manager':
      return `<consent-cookie-table> found no ${diagnostic.selector} on this page, so it has nothing to show`;
    case 'consent-log-memory':
      return 'localStorage is blocked, so consent log records not yet delivered are kept only until this page is left.';
    case 'consent-log-dropped':
      return `the consent log queue is full (${diagnostic.limit} records): the ${diagnostic.count} oldest were dropped. Is the consent log server reachable?`;
    case 'consent-log-refused':
      return `the consent log at ${diagnostic.endpoint} answered ${diagnostic.status} to ${diagnostic.count} ${diagnostic.count === 1 ? 'record' : 'records'}; ${diagnostic.dropped ? 'it will never accept them, so they are dropped' : 'they stay queued and are sent again later'}`;
    case 'consent-log-failed':
      return `a consent log record could not be made or sent (${errorText(diagnostic.error)})`;
  }
}
