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
  'category-id': '1 to 32 lowercase letters, digits, "-" or "_", starting with a letter',
  'cookie-name': '1 to 64 letters, digits, ".", "-" or "_"',
  path: 'a path starting with "/", without spaces or ";"',
  identifier: 'a JavaScript identifier such as "dataLayer"',
  url: 'a path such as "/cookies" or an http(s) URL',
};

const ADAPTER_EXPECTED: Record<AdapterOptionExpectation, string> = {
  'known-field': 'a known option',
  category: 'the id of a configured category',
  'default-category': 'set: the default category is not one of this config',
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
  'conversion-id': 'a Google Ads tag ID such as "AW-123456789", or a list of them',
  'clarity-project-id': 'a Clarity project ID (letters and digits, such as "abcde12345")',
  'uet-tag-id': 'a Microsoft Advertising UET tag ID (digits)',
  'partner-id': 'a LinkedIn partner ID (digits)',
  'paddle-token': 'a Paddle client-side token such as "live_…" or "test_…"',
  function: 'a function (given from code)',
  'api-key': 'a PostHog project API key such as "phc_…"',
  'https-url': 'an https URL (http only for localhost) without a trailing slash, query or fragment',
  'site-id': 'a site ID (digits)',
  'tiktok-pixel-id': 'a TikTok pixel ID (capital letters and digits)',
  'segment-categories': "a map from the Segment workspace's consent categories to the site's: Segment turns itself off when none of those granted is the workspace's",
  object: 'an object',
};

function describeOptionProblem({ field, expected, got }: AdapterOptionProblem): string {
  if (expected === 'known-field') return `  - ${field}: is not a known option`;
  if (expected === 'default-category') return `  - ${field}: not set, and this adapter's default, ${got ?? 'nothing'}, is not a category of this config: set "${field}" to the id of the category that allows this vendor`;
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
    case 'record-too-long':
      return `is more than one cookie can hold: the longest stored choice takes ${got}, over the 4096 bytes a browser keeps per cookie with its name and attributes; only the categories that fit are used (see "Limits" in the README)`;
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
      return "the consent cookie could not be written (cookies are blocked, or an HttpOnly cookie of that name, which no script can change, was set by a server or another subdomain), so the choice is kept in localStorage, where the site's server cannot read it.";
    case 'storage-memory':
      return 'cookies and localStorage are blocked, so the choice lasts only until this page is left.';
    case 'trusted-types-refused':
      return `this page's Content Security Policy does not allow the Trusted Types policy "consent-manager"; add it to the trusted-types directive, or gated scripts cannot run (${errorText(diagnostic.error)})`;
    case 'gate-unknown-category':
      return `data-consent names "${diagnostic.category}", which is not a configured category; what it gates never runs`;
    case 'gate-not-inert':
      return `${diagnostic.element} has data-consent but runs without consent: give it type="text/plain"`;
    case 'gate-plain-src':
      return `${diagnostic.element} has ${diagnostic.attribute}, so it loads before consent: ${diagnostic.attribute === 'srcdoc' || diagnostic.attribute === 'data' ? 'put the embed in a page of its own and gate an iframe with data-src' : `write data-${diagnostic.attribute} instead`}`;
    case 'gate-needs-nonce':
      return `${diagnostic.element} is not run: a gated script must carry the nonce given to <consent-manager> (its nonce attribute, or the script that loads the bundle), or come from a URL listed in script-sources`;
    case 'gate-script-url':
      return `${diagnostic.element} is never run: its URL is not http(s) (${diagnostic.url})`;
    case 'gate-script-source':
      return `${diagnostic.element} is not run: the site has not vouched for ${diagnostic.url}; list its origin or URL in the script-sources attribute of <consent-manager>, or give it the element's nonce`;
    case 'gate-inline':
      return `${diagnostic.element} is not run: the site has not vouched for this inline script; give it the element's nonce, or list ${diagnostic.hash || "its 'sha256-…' hash"} (or 'unsafe-inline') in the script-sources attribute of <consent-manager>`;
    case 'gate-script-type':
      return `${diagnostic.element} is not run: its data-type is neither "module" nor a JavaScript type`;
    case 'gate-frame-url':
      return `${diagnostic.element} is never loaded: its data-src is not an http(s) URL (${diagnostic.url})`;
    case 'gate-unsupported':
      return `${diagnostic.element} gates nothing: data-consent works on scripts, iframe, img, source, video, audio and link`;
    case 'gate-loads-ungated':
      return `${diagnostic.element} loads before consent and cannot be gated: use an iframe or img with data-src instead`;
    case 'gate-shadow-late':
      return `gated markup in the shadow root of ${diagnostic.element} was found only now; hand the root to the element's observe(root) when it is created`;
    case 'duplicate-element':
      return `this page has more than one <${diagnostic.tagName}>, so nothing optional is allowed by any of them: keep one (markup injected into the page may have added another)`;
    case 'gate-failed':
      return `a gated script could not be started (${errorText(diagnostic.error)})`;
    case 'adapter-unknown':
      return `adapters names "${diagnostic.id}", which this build neither ships nor has registered with registerAdapter (${diagnostic.known.join(', ')}); it is ignored`;
    case 'adapter-options':
      return `the "${diagnostic.id}" adapter does nothing, its options are invalid:\n${diagnostic.problems.map(describeOptionProblem).join('\n')}`;
    case 'adapter-threw':
      return `the "${diagnostic.id}" adapter failed; the element and the other adapters go on (${errorText(diagnostic.error)})`;
    case 'adapter-global':
      return `the "${diagnostic.id}" adapter does nothing: window.${diagnostic.name} holds something that is not the vendor's (another script's value of that name), and calling into it is not safe`;
    case 'consent-mode-unmapped': {
      const categories = [...new Set(diagnostic.gaps.map((gap) => `"${gap.category}"`))].join(', ');
      const [first] = diagnostic.gaps;
      const one = diagnostic.gaps.length === 1;
      return `Consent Mode: ${diagnostic.gaps.map((gap) => gap.type).join(', ')} ${one ? 'follows' : 'follow'} ${categories}, which this config does not have, so Google is told ${one ? 'it is' : 'they are'} denied whatever the visitor allows; name the right category in the "${diagnostic.id}" adapter's consentTypes, for instance { "${first?.type ?? 'ad_storage'}": "<one of your category ids>" }`;
    }
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
      return `the consent log at ${diagnostic.endpoint} answered ${diagnostic.status} to ${diagnostic.count} ${diagnostic.count === 1 ? 'record' : 'records'}${diagnostic.status === 403 ? " (this page's origin is not one the log takes records from: add it to the log's CONSENT_LOG_ORIGINS)" : ''}; ${diagnostic.dropped ? 'it will never accept them, so they are dropped' : 'they stay queued and are sent again later'}`;
    case 'consent-log-failed':
      return `a consent log record could not be made or sent (${errorText(diagnostic.error)})`;
    case 'consent-log-unavailable':
      return `the consent log client could not be loaded, so choices made on this page are stored but not logged (${errorText(diagnostic.error)})`;
  }
}
