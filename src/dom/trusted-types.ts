/**
 * Pages with `require-trusted-types-for 'script'` only accept script text and script URLs that
 * come through a Trusted Types policy. Everything this component hands to a script sink is
 * either markup the page itself wrote (a gated `<script type="text/plain">`) or a vendor URL
 * from the site's configuration, so the policy passes values through and exists to make the
 * page's CSP accept them. Sites that list allowed policy names add `consent-manager`.
 */

import { report } from '../diagnostics/report.js';

export const TRUSTED_TYPES_POLICY_NAME = 'consent-manager';

interface ScriptPolicy {
  createScript(input: string): string;
  createScriptURL(input: string): string;
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: ScriptPolicy): ScriptPolicy;
}

let policy: ScriptPolicy | null | undefined;

function scriptPolicy(): ScriptPolicy | null {
  if (policy !== undefined) return policy;
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  policy = null;
  if (!factory) return policy;
  try {
    policy = factory.createPolicy(TRUSTED_TYPES_POLICY_NAME, {
      createScript: (input) => input,
      createScriptURL: (input) => input,
    });
  } catch (error) {
    report('error', { code: 'trusted-types-refused', error });
  }
  return policy;
}

// The policy returns TrustedScript / TrustedScriptURL objects; the DOM typings of the sinks
// only name `string`, which the browser accepts as well when Trusted Types are not enforced.
export function trustedScript(text: string): string {
  return scriptPolicy()?.createScript(text) ?? text;
}

export function trustedScriptURL(url: string): string {
  return scriptPolicy()?.createScriptURL(url) ?? url;
}
