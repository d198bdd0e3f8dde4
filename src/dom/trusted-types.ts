/**
 * Pages with `require-trusted-types-for 'script'` only accept script text and script URLs that
 * come through a Trusted Types policy. The `consent-manager` policy is no pass-through: it
 * blesses a script URL only if it is http(s) and the caller's rule admits it, and script text
 * only if the caller's rule vouches for the gated script it comes from. So the policy enforces
 * the same rule as the gate (see SECURITY.md, guarantee 5), and a bug that skipped the gate's
 * check would still meet it at the sink. Sites that list allowed policy names add `consent-manager`.
 */

import { report } from '../diagnostics/report.js';
import { scriptUrl } from './script-url.js';

export const TRUSTED_TYPES_POLICY_NAME = 'consent-manager';

/** Whether the caller vouches for a script URL, given as an absolute http(s) URL. */
export type ScriptUrlRule = (url: URL) => boolean;

/** Whether the caller vouches for the gated script a piece of script text comes from. */
export type ScriptTextRule = () => boolean;

interface ScriptPolicy {
  createScript(input: string): string;
  createScriptURL(input: string): string;
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: ScriptPolicy): ScriptPolicy;
}

/** Thrown when a value is refused for a script sink; nothing is inserted. */
export class ScriptRefusedError extends TypeError {
  constructor(what: string) {
    super(`${TRUSTED_TYPES_POLICY_NAME} refused ${what}`);
    this.name = 'ScriptRefusedError';
  }
}

/**
 * The page's one `consent-manager` policy, and the rule of the call in progress. Calls are
 * synchronous, so the policy's callbacks see the rule of the call that invoked them (extra
 * arguments to createScriptURL would do the same, but not every engine passes them on).
 *
 * Kept on the page's global object under a registered symbol, not in this module: the bundle
 * can run as two module instances in one page (a script tag whose URL carries a query, such as
 * WordPress's `?ver=`, while its chunks import the entry without it; or two copies of the
 * bundle), and under a `trusted-types` allow-list the name can be registered only once, so a
 * second instance creating its own would be refused and run no gated script. Markup cannot reach
 * a symbol-keyed property.
 */
interface PagePolicy {
  policy?: ScriptPolicy | null;
  urlRule?: ScriptUrlRule | undefined;
  textRule?: ScriptTextRule | undefined;
}

const PAGE_POLICY = Symbol.for('consent-manager.trusted-types-policy');

function pagePolicy(): PagePolicy {
  return ((globalThis as { [PAGE_POLICY]?: PagePolicy })[PAGE_POLICY] ??= {});
}

function checkScriptURL(input: string, admits: ScriptUrlRule | undefined): string {
  const url = scriptUrl(input);
  if (!url) throw new ScriptRefusedError(`a script URL that is not http(s): ${input.slice(0, 80)}`);
  if (typeof admits !== 'function' || !admits(url)) throw new ScriptRefusedError(`a script URL no rule admits: ${url.href}`);
  return input;
}

function checkScript(input: string, vouched: ScriptTextRule | undefined): string {
  if (typeof vouched !== 'function' || !vouched()) throw new ScriptRefusedError('script text from a gated script nobody vouched for');
  return input;
}

function scriptPolicy(): ScriptPolicy | null {
  const page = pagePolicy();
  if (page.policy !== undefined) return page.policy;
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  page.policy = null;
  if (!factory) return page.policy;
  try {
    page.policy = factory.createPolicy(TRUSTED_TYPES_POLICY_NAME, {
      createScript: (input) => checkScript(input, page.textRule),
      createScriptURL: (input) => checkScriptURL(input, page.urlRule),
    });
  } catch (error) {
    report('error', { code: 'trusted-types-refused', error });
  }
  return page.policy;
}

// The policy returns TrustedScript / TrustedScriptURL objects; the DOM typings of the sinks
// only name `string`, which the browser accepts as well when Trusted Types are not enforced.

/** `text` for a script sink, if `vouched()` holds; throws `ScriptRefusedError` otherwise. */
export function trustedScript(text: string, vouched: ScriptTextRule): string {
  const trusted = scriptPolicy();
  if (!trusted) return checkScript(text, vouched);
  const page = pagePolicy();
  page.textRule = vouched;
  try {
    return trusted.createScript(text);
  } finally {
    page.textRule = undefined;
  }
}

/**
 * `url` for a script's `src`, if it is http(s) and `admits` accepts it (by default any http(s)
 * URL: the caller has its URL from code, not from markup); throws `ScriptRefusedError` otherwise.
 */
export function trustedScriptURL(url: string, admits: ScriptUrlRule = () => true): string {
  const trusted = scriptPolicy();
  if (!trusted) return checkScriptURL(url, admits);
  const page = pagePolicy();
  page.urlRule = admits;
  try {
    return trusted.createScriptURL(url);
  } finally {
    page.urlRule = undefined;
  }
}
