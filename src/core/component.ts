/**
 * Which component wrote a consent log record: the npm package's name and version. They are
 * taken from package.json when the code is built (scripts/build.mjs stamps lib/, and the test
 * runner defines them the same way), so a release never reports a stale version.
 */

declare const __CONSENT_MANAGER_PACKAGE__: { readonly name: string; readonly version: string } | undefined;

export const COMPONENT: { readonly name: string; readonly version: string } = Object.freeze(
  typeof __CONSENT_MANAGER_PACKAGE__ === 'undefined' ? { name: 'unknown', version: '0.0.0' } : { name: __CONSENT_MANAGER_PACKAGE__.name, version: __CONSENT_MANAGER_PACKAGE__.version },
);
