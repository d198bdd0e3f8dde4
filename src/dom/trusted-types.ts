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
 * The rule of the call in progress. Calls are synchronous, so the policy's callbacks see the rule
 * of the call that invoked them (extra arguments to createScriptURL would do the same, but not
 * every engine passes them on).
 */
let pendingUrlRule: ScriptUrlRule | undefined;
let pendingTextRule: ScriptTextRule | undefined;

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

let policy: ScriptPolicy | null | undefined;

function scriptPolicy(): ScriptPolicy | null {
  if (policy !== undefined) return policy;
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  policy = null;
  if (!factory) return policy;
  try {
    policy = factory.createPolicy(TRUSTED_TYPES_POLICY_NAME, {
      createScript: (input) => checkScript(input, pendingTextRule),
      createScriptURL: (input) => checkScriptURL(input, pendingUrlRule),
    });
  } catch (error) {
    report('error', { code: 'trusted-types-refused', error });
  }
  return policy;
}

// The policy returns TrustedScript / TrustedScriptURL objects; the DOM typings of the sinks
// only name `string`, which the browser accepts as well when Trusted Types are not enforced.

/** `text` for a script sink, if `vouched()` holds; throws `ScriptRefusedError` otherwise. */
export function trustedScript(text: string, vouched: ScriptTextRule): string {
  const trusted = scriptPolicy();
  if (!trusted) return checkScript(text, vouched);
  pendingTextRule = vouched;
  try {
    return trusted.createScript(text);
  } finally {
    pendingTextRule = undefined;
  }
}

/**
 * `url` for a script's `src`, if it is http(s) and `admits` accepts it (by default any http(s)
 * URL: the caller has its URL from code, not from markup); throws `ScriptRefusedError` otherwise.
 */
export function trustedScriptURL(url: string, admits: ScriptUrlRule = () => true): string {
  const trusted = scriptPolicy();
  if (!trusted) return checkScriptURL(url, admits);
  pendingUrlRule = admits;
  try {
    return trusted.createScriptURL(url);
  } finally {
    pendingUrlRule = undefined;
  }
}
